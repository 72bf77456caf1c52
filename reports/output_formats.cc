// The table of output formats. A new writer is one function and one line here.
#include "report.h"

namespace orgaudit {

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> kFormats{
      {"text", "path:line:col: severity: message [rule-id], then a summary", write_text},
      {"json", "the versioned JSON report (docs/json-output.md)", write_json},
  };
  return kFormats;
}

const OutputFormat* find_output_format(const std::string& name) {
  for (const OutputFormat& format : output_formats())
    if (name == format.name) return &format;
  return nullptr;
}

}  // namespace orgaudit
