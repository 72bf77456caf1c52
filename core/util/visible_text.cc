#include "util/visible_text.h"

#include <cstdio>

#include "util/text.h"

namespace orgaudit {

bool is_hidden_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

void append_visible(std::string& out, std::string_view text, VisibleOptions options) {
  char buffer[12];
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char byte = static_cast<unsigned char>(text[i]);
    // Printable ASCII, by far the most of any name, without decoding.
    if (byte >= 0x20 && byte < 0x7F && byte != '\\') {
      out += static_cast<char>(byte);
      ++i;
      continue;
    }
    char32_t code;
    const std::size_t length = decode_utf8(text, i, code);
    if (length == 0) {
      std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
      out += buffer;
      ++i;
      continue;
    }
    if (code == '\\') out += options.escape_backslash ? "\\\\" : "\\";
    else if (!is_hidden_control(code)) out.append(text.data() + i, length);
    else if ((code == '\n' || code == '\r') && options.keep_line_breaks) out += static_cast<char>(code);
    else if (code == '\t' && options.keep_tab) out += '\t';
    else if (code == '\n') out += "\\n";
    else if (code == '\r') out += "\\r";
    else if (code == '\t') out += "\\t";
    else {
      std::snprintf(buffer, sizeof buffer, code < 0x80 ? "\\x%02x" : "\\u%04x", static_cast<unsigned>(code));
      out += buffer;
    }
    i += length;
  }
}

std::string visible(std::string_view text, VisibleOptions options) {
  std::string out;
  out.reserve(text.size());
  append_visible(out, text, options);
  return out;
}

}  // namespace orgaudit
