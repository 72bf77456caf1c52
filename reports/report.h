// Everything a writer needs about one run. Writers turn this into bytes; they never print or write
// files themselves, so the CLI can write all outputs atomically or none.
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/rule_catalog.h"
#include "orgaudit/metrics.h"
#include "orgaudit/model.h"
#include "scoring/scoring.h"

namespace orgaudit {

struct ReportInput {
  const Org& org;
  const OrgMetrics& metrics;
  const RunResult& run;
  const Scores& scores;
  const RuleCatalog& catalog;
  std::string tool_version;
};

struct TextStyle {
  bool colour = false;
  bool summary = true;
};

std::string write_text(const ReportInput& input, const TextStyle& style);
std::string write_json(const ReportInput& input);

// "path:line:col" of a location, or just "path" when the line is unknown.
std::string format_location(const Org& org, const SourceLocation& where);

}  // namespace orgaudit
