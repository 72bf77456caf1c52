// Everything a writer needs about one run. Writers turn this into bytes; they never print or write
// files themselves, so the CLI can write all outputs atomically or none.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/rule_catalog.h"
#include "util/parallel.h"
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
  std::string profile;  // which profile ran and why, for the text summary; empty: not said
};

// Presentation choices that come from the command line rather than from the run.
struct WriteOptions {
  bool colour = false;            // ANSI colour (text only, and only on a terminal)
  bool summary = true;            // the closing summary paragraph (text)
  Severity fail_on = Severity::error;  // findings at or above it are failures (JUnit, Markdown)
  bool never_fail = false;
  // Where the rule pages are published (the repository's rules/ folder, say): SARIF's helpUri is
  // this joined with "<pack>/<id>.md". Empty: no helpUri, the help is embedded.
  std::string rule_docs_url;
  // Whether the JSON report's large arrays (findings, units) are rendered on two threads: by their
  // size unless a test chooses (util/parallel.h). The bytes are the same either way.
  detail::Split split = detail::Split::by_size;
};

using WriteFunction = std::string (*)(const ReportInput& input, const WriteOptions& options);
// The same document written as it is made, for a format whose reports can run to gigabytes.
using StreamFunction = void (*)(const ReportInput& input, const WriteOptions& options, std::ostream& out);

// One entry per output format; `--format` and `--output FORMAT=FILE` accept exactly these names.
struct OutputFormat {
  const char* name;
  const char* description;
  WriteFunction write;
  StreamFunction stream = nullptr;  // when set, write's output sent to a stream block by block
};

const std::vector<OutputFormat>& output_formats();
const OutputFormat* find_output_format(const std::string& name);

std::string write_text(const ReportInput& input, const WriteOptions& options);
std::string write_json(const ReportInput& input, const WriteOptions& options);
void stream_json(const ReportInput& input, const WriteOptions& options, std::ostream& out);
void stream_sarif(const ReportInput& input, const WriteOptions& options, std::ostream& out);
std::string write_sarif(const ReportInput& input, const WriteOptions& options);
std::string write_junit(const ReportInput& input, const WriteOptions& options);
std::string write_xml(const ReportInput& input, const WriteOptions& options);
std::string write_markdown(const ReportInput& input, const WriteOptions& options);

// The what-if section the HTML report opens with under `orgaudit whatif --format html`: the
// scenario's changes, the scores before and after, and the map of the changed subtree before and
// after, what the scenario changed highlighted. The rest of the page is the report of the org after.
struct WhatIfPage {
  struct Score {
    std::string dimension;
    std::optional<double> before, after;
  };
  std::string title;                     // "What if: 2 changes to 'X'"
  std::vector<std::string> changes;      // one line each, as the text report says them
  std::vector<Score> scores;             // Org first
  std::size_t fixed = 0, introduced = 0;  // findings
  std::vector<std::string> changed_ids;  // people and units to highlight on both maps
  std::string root;                      // the changed subtree's top (a person id); empty: the whole org
};
std::string write_whatif_html(const ReportInput& before, const ReportInput& after, const WhatIfPage& page);
std::string write_html(const ReportInput& input, const WriteOptions& options);
std::string write_codequality(const ReportInput& input, const WriteOptions& options);

// "path:line:col" of a location, or just "path" when the line is unknown.
std::string format_location(const Org& org, const SourceLocation& where);

}  // namespace orgaudit
