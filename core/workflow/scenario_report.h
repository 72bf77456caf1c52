// The report of `orgaudit whatif`: the changes as applied, then the before/after comparison in the
// words of `orgaudit diff` (scores, findings fixed and introduced by fingerprint, spans and layers),
// and the managers by span band before and after.
#pragma once

#include <string>
#include <vector>

#include "scoring/scoring.h"
#include "workflow/scenario.h"
#include "workflow/snapshot_diff.h"

namespace orgaudit {

struct WhatIfReport {
  std::vector<AppliedChange> changes;
  SnapshotDiff diff;
  SpanBands bands_before, bands_after;
};

std::string write_whatif_text(const WhatIfReport& report, std::size_t limit);
std::string write_whatif_json(const WhatIfReport& report, const std::string& tool_version);

}  // namespace orgaudit
