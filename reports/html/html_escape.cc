#include "html/html_escape.h"

#include "map/map_escape.h"

namespace orgaudit::html {

void append_text(std::string& out, std::string_view text) {
  for (char c : map::clean_text(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string escape(std::string_view text) {
  std::string out;
  append_text(out, text);
  return out;
}

std::string anchor(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (ok) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  return out.empty() ? "x" : out;
}

}  // namespace orgaudit::html
