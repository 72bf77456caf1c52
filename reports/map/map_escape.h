// Escaping for the strings a map embeds. Names are untrusted: quotes, `<script>`, newlines, emoji,
// right-to-left text must come out intact and inert in DOT and SVG.
//
// cgraph quotes every value it writes to DOT, so the quoting of the DOT syntax itself is taken care
// of. What remains is what Graphviz *interprets* inside a value:
//   - escString attributes (label, tooltip) expand `\N`, `\G`, `\E`, `\T`, `\H`, `\L`, `\n`, `\l`,
//     `\r`: a backslash is doubled so a name can never name another object or move text around;
//   - labels are passed through an HTML-entity decoder (`&amp;` becomes `&`): `&` is written as
//     `&amp;` so a name containing `&lt;` is shown as typed;
//   - HTML-like labels (`<...>`, used for the legend) are markup: everything is entity-escaped.
#pragma once

#include <string>
#include <string_view>

namespace orgaudit::map {

// For label and tooltip values. A newline stays a line break (Graphviz draws it as one); other
// control characters, bidirectional overrides and invalid UTF-8 are shown escaped (`\x1b`, `\u202e`).
std::string escape_label(std::string_view text);

// Text inside an HTML-like label: `& < > " '` as entities, newlines as <BR/>, and backslashes
// doubled (Graphviz 2.42 expands `\N` and the like in HTML-like text too).
std::string escape_html_label(std::string_view text);

// An attribute value inside an HTML-like label (a cell's TOOLTIP): XML-escaped, with newlines as
// &#10; (a raw one would be folded into a space) and backslashes doubled (Graphviz expands escapes
// in tooltips after the XML parser has decoded the entities).
std::string escape_html_attribute(std::string_view text);

// Well-formed UTF-8 without control characters other than newline and tab, and without
// bidirectional overrides: each is shown escaped, as in the text output (util/visible_text.h). What
// every Graphviz string and every SVG text node can carry, and what a reader sees as typed. Cut
// after kMapTextLength code points, with an ellipsis: Graphviz measures every label with Pango, and
// a 50 MB name would take it minutes.
inline constexpr std::size_t kMapTextLength = 1000;
std::string clean_text(std::string_view text);

}  // namespace orgaudit::map
