// The table of input formats: how each kind of file becomes part of the org. A new importer is one
// function and one line in input_formats.cc.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "io/file_system.h"
#include "loader/record_limits.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"
#include "util/progress.h"

namespace orgaudit {

// Choices from the command line and config that importers may need.
struct LoadOptions {
  std::string input_format;  // empty: detect from the file extension
  // HR exports (CSV, XML; docs/import.md).
  std::string preset;                          // --preset / input.preset; empty: detect from the header
  std::map<std::string, std::string> columns;  // input.columns: field -> column name or XPath
  std::string columns_source;                  // the config file `columns` came from, for messages
  std::uint64_t max_input_bytes = 2ull << 30;  // --max-input-size / input.max-size
  unsigned max_xml_depth = 256;                // input.max-depth: deeper XML is refused
  RecordLimits limits;
};

using LoadFunction = void (*)(const FileSystem& files, const std::string& path, const LoadOptions& options,
                              Org& org, std::vector<Diagnostic>& warnings, Progress& progress);

struct InputFormat {
  const char* name;
  std::vector<std::string> extensions;  // lower case, without the dot
  const char* description;
  LoadFunction load;
};

const std::vector<InputFormat>& input_formats();

// The format for `path`: --input-format when given, else by extension. Throws InputError naming
// the file and the formats orgaudit reads.
const InputFormat& input_format_for(const std::string& path, const LoadOptions& options);

}  // namespace orgaudit
