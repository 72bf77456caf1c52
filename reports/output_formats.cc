// The table of output formats. A new writer is one function and one line here.
#include "report.h"

namespace orgaudit {

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> kFormats{
      {"text", "path:line:col: severity: message [rule-id], then a summary", write_text},
      {"json", "the versioned JSON report (docs/json-output.md)", write_json, stream_json},
      {"sarif", "SARIF 2.1.0 for code scanning (docs/outputs.md)", write_sarif, stream_sarif},
      {"junit", "JUnit XML: a testsuite per rule, failures at or above --fail-on", write_junit},
      {"xml", "the HR audit report, validated by reports/orgaudit-report.xsd", write_xml},
      {"markdown", "a short summary for a pull-request comment", write_markdown},
      {"html", "one self-contained HTML report: scores, units, map, findings (docs/html-report.md)", write_html},
      {"codequality", "GitLab Code Quality JSON: the open findings as merge request issues", write_codequality},
  };
  return kFormats;
}

const OutputFormat* find_output_format(const std::string& name) {
  for (const OutputFormat& format : output_formats())
    if (name == format.name) return &format;
  return nullptr;
}

}  // namespace orgaudit
