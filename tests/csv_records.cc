#include "csv_records.h"

#include <fstream>

namespace orgaudit::testing {

std::vector<std::map<std::string, std::string>> read_csv_records(const std::string& path) {
  std::ifstream in(ORGAUDIT_SOURCE_DIR "/" + path, std::ios::binary);
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (char c; in.get(c);) {
    if (quoted) {
      if (c == '"' && in.peek() == '"') rows.back().back() += static_cast<char>(in.get());
      else if (c == '"') quoted = false;
      else rows.back().back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\n') {
      rows.emplace_back(1);
    } else if (c != '\r') {
      rows.back().back() += c;
    }
  }
  std::vector<std::map<std::string, std::string>> records;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].size() < 2) continue;  // the empty line after the last newline
    std::map<std::string, std::string>& record = records.emplace_back();
    for (std::size_t j = 0; j < rows[0].size() && j < rows[i].size(); ++j) record[rows[0][j]] = rows[i][j];
  }
  return records;
}

}  // namespace orgaudit::testing
