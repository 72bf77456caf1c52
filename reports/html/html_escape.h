// Escaping for the HTML report. Every string from the org file is untrusted: names with quotes,
// `<script>`, `&`, newlines, right-to-left text or emoji must show as typed and never act as markup.
// Text goes through append_text (element content and attribute values alike, so one function
// serves both); nothing from the org ever reaches the inline script or style.
#pragma once

#include <string>
#include <string_view>

namespace orgaudit::html {

// `& < > " '` as entities; control characters other than newline and tab, bidirectional overrides
// and invalid UTF-8 shown escaped (`\x1b`, `\u202e`: HTML forbids some, and the rest could reorder
// or hide text, or drive a terminal that displays the file).
void append_text(std::string& out, std::string_view text);
std::string escape(std::string_view text);

// A fragment id made of [a-z0-9-] only, from a rule id or similar: safe in href="#..." and id="...".
std::string anchor(std::string_view text);

}  // namespace orgaudit::html
