#include "writer_support.h"

#include <cstdio>

#include "util/text.h"

namespace orgaudit {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

bool xml_char(char32_t code) {
  if (code < 0x20) return code == '\t' || code == '\n' || code == '\r';
  return code != 0xFFFE && code != 0xFFFF;
}

}  // namespace

const char* finding_status(const Finding& f) {
  if (f.suppression) return "suppressed";
  if (f.baseline == BaselineState::unchanged) return "unchanged";
  return "open";
}

FindingCounts count_findings(const RunResult& run, const WriteOptions& options) {
  FindingCounts counts;
  for (const Finding& f : run.findings) {
    if (f.suppression) ++counts.suppressed;
    else if (!f.counts()) ++counts.unchanged;
    else if (f.not_assessed_note) ++counts.not_assessed;
    else ++counts.by_severity[static_cast<int>(f.severity)];
    if (fails_run(f, options)) ++counts.failing;
  }
  return counts;
}

std::string not_assessed_text(std::size_t not_assessed) {
  if (not_assessed == 0) return "";
  return ", " + std::to_string(not_assessed) + (not_assessed == 1 ? " rule" : " rules") + " not assessed";
}

std::string rule_doc_path(const CatalogEntry& rule) {
  return "rules/" + rule.info.pack + "/" + rule.info.id + ".md";
}

std::string rule_doc_url(const std::string& docs_url, const CatalogEntry& rule) {
  const bool slash = !docs_url.empty() && docs_url.back() == '/';
  return docs_url + (slash ? "" : "/") + path_to_uri(rule.info.pack) + "/" + path_to_uri(rule.info.id) + ".md";
}

std::string rule_doc_path(const RuleCatalog& catalog, const std::string& rule_id) {
  const CatalogEntry* entry = catalog.find(rule_id);
  if (entry && catalog.is_users_rule(rule_id)) return *catalog.source_of(rule_id);  // a YAML rule: where it is written
  return entry ? rule_doc_path(*entry) : std::string();
}

const std::string& unit_label(const Unit& unit) { return unit.name.empty() ? unit.id : unit.name; }

std::size_t xml_unsafe_at(std::string_view text) {
  char32_t code = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = decode_utf8(text, i, code);
    if (length == 0 || !xml_char(code)) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::string xml_safe(std::string_view text) {
  std::size_t i = xml_unsafe_at(text);
  if (i == std::string_view::npos) return std::string(text);  // the usual case: nothing to replace
  std::string out(text.substr(0, i));
  char32_t code = 0;
  while (i < text.size()) {
    const std::size_t length = decode_utf8(text, i, code);
    if (length > 0 && xml_char(code)) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      out += kReplacement;
      i += length > 0 ? length : 1;
    }
  }
  return out;
}

std::string path_to_uri(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
  for (const char ch : path) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string format_number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  std::string text = buffer;
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

}  // namespace orgaudit
