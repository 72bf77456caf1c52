// The report of `orgaudit whatif`: the changes as applied, then the before/after comparison in the
// words of `orgaudit diff` (scores, findings fixed and introduced by fingerprint, spans and layers),
// and the managers by span band before and after.
#pragma once

#include <string>
#include <vector>

#include "report.h"
#include "scoring/scoring.h"
#include "workflow/scenario.h"
#include "workflow/snapshot_diff.h"

namespace orgaudit {

struct WhatIfReport {
  std::string name;         // the scenario file, or "command line"
  std::string description;  // the scenario's `description:`
  std::vector<AppliedChange> changes;
  SnapshotDiff diff;
  SpanBands bands_before, bands_after;
};

std::string write_whatif_text(const WhatIfReport& report, std::size_t limit);
std::string write_whatif_json(const WhatIfReport& report, const std::string& tool_version);
// For a pull request or a wiki: the changes as a list, span bands and scores as tables, then the
// sections of `orgaudit diff --format markdown`.
std::string write_whatif_markdown(const WhatIfReport& report, std::size_t limit);

// Several scenarios of one org side by side (`whatif --scenario a.yaml --scenario b.yaml`): a table
// of the org and dimension scores now and after each, the deepest layer and the findings fixed and
// introduced, then each scenario's own report. JSON: "schema": "orgaudit-whatif-comparison", a
// `comparison` table and each scenario's `orgaudit-whatif` fields under `scenarios`.
// What the HTML report's what-if section shows (write_whatif_html): the report's changes and scores,
// the people and units the scenario changed (moved, spans changed, added, removed, and each change's
// subject and target), and the top of the subtree that holds the changed people in `before`.
WhatIfPage whatif_page(const WhatIfReport& report, const Org& before);

std::string write_whatif_comparison_text(const std::vector<WhatIfReport>& reports, std::size_t limit);
std::string write_whatif_comparison_markdown(const std::vector<WhatIfReport>& reports, std::size_t limit);
std::string write_whatif_comparison_json(const std::vector<WhatIfReport>& reports, const std::string& tool_version);

}  // namespace orgaudit
