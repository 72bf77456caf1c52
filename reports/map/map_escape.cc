#include "map/map_escape.h"

#include "util/visible_text.h"

namespace orgaudit::map {
// Controls and bidirectional overrides shown escaped, as in the text output; a carriage return
// (or CRLF) is one line break.
namespace {

// The first kMapTextLength code points of `text` (cut before a code point starts), and whether
// anything was left out.
std::string_view shown_part(std::string_view text, bool& cut) {
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (++code_points > kMapTextLength) {
      cut = true;
      return text.substr(0, i);
    }
  }
  return text;
}

}  // namespace

std::string clean_text(std::string_view text) {
  bool cut = false;
  std::string shown = visible(shown_part(text, cut), {true, true, false});
  if (cut) shown += "\u2026";
  std::string out;
  out.reserve(shown.size());
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (shown[i] != '\r') {
      out += shown[i];
      continue;
    }
    out += '\n';
    if (i + 1 < shown.size() && shown[i + 1] == '\n') ++i;
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
