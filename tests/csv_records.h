// A minimal RFC 4180 reader for tests that check orgaudit's results against the CSVs themselves
// (quoted fields, doubled quotes, commas and newlines inside quotes), without going through
// orgaudit's own importer.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace orgaudit::testing {

// One map of header -> value per data row; `path` is relative to the source tree.
std::vector<std::map<std::string, std::string>> read_csv_records(const std::string& path);

}  // namespace orgaudit::testing
