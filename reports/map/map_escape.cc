#include "map/map_escape.h"

#include "util/text.h"

namespace orgaudit::map {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void append_clean(std::string& out, std::string_view valid) {
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(valid[i]);
    if (c == '\r') {
      out += '\n';
      if (i + 1 < valid.size() && valid[i + 1] == '\n') ++i;  // CRLF is one line break
    } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
      out += kReplacement;
    } else {
      out += static_cast<char>(c);
    }
  }
}

}  // namespace

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t bad = find_invalid_utf8(text);
    append_clean(out, text.substr(0, bad));
    if (bad == std::string_view::npos) break;
    out += kReplacement;
    text.remove_prefix(bad + 1);
  }
  return out;
}

std::string escape_label(std::string_view text) {
  std::string out;
  for (char c : clean_text(text)) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '&': out += "&amp;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// HTML-like labels and their attributes differ only in how a line break and a tab are written.
std::string escape_markup(std::string_view text, const char* newline, const char* tab) {
  std::string out;
  for (char c : clean_text(text)) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': out += newline; break;
      case '\t': out += tab; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

// Graphviz drops a tab from HTML-like text; a space still separates the words.
std::string escape_html_label(std::string_view text) { return escape_markup(text, "<BR/>", " "); }

std::string escape_html_attribute(std::string_view text) { return escape_markup(text, "&#10;", "&#9;"); }

}  // namespace orgaudit::map
