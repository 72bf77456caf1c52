#include "code_point_columns.h"

#include <algorithm>
#include <fstream>
#include <set>

#include "loader/input_formats.h"
#include "util/diagnostic.h"
#include "util/text.h"

namespace orgaudit {
namespace {

bool counts_bytes(const std::string& path) {
  try {
    return std::string(input_format_for(path, LoadOptions{}).name) == "xml";
  } catch (const InputError&) {
    return false;  // a file read by --input-format: nothing to tell its unit from
  }
}

bool ascii(const std::string& line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

CodePointColumns::CodePointColumns(const Org& org, const std::vector<SourceLocation>& locations) {
  std::map<FileIndex, std::set<std::uint32_t>> wanted;
  for (const SourceLocation& where : locations)
    if (where.known() && where.column > 1 && where.file < org.files.size()) wanted[where.file].insert(where.line);
  for (const auto& [file, lines] : wanted) {
    if (!counts_bytes(org.files[file])) continue;
    std::ifstream in(org.files[file], std::ios::binary);
    std::uint32_t number = 0;
    auto next = lines.begin();
    for (std::string line; next != lines.end() && std::getline(in, line);) {
      if (++number != *next) continue;
      if (!ascii(line)) lines_.emplace(std::make_pair(file, number), std::move(line));
      ++next;
    }
  }
}

std::uint32_t CodePointColumns::column(const SourceLocation& where) const {
  const auto line = lines_.find({where.file, where.line});
  if (line == lines_.end()) return where.column;
  const std::string& text = line->second;
  const std::size_t end = std::min<std::size_t>(where.column - 1, text.size());
  std::uint32_t code_points = 1;
  char32_t code = 0;
  for (std::size_t i = 0; i < end; ++code_points) i += std::max<std::size_t>(1, decode_utf8(text, i, code));
  return code_points;
}

}  // namespace orgaudit
