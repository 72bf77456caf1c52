// Untrusted text (names, ids, titles, keys, paths from an input file) made safe to show a person:
// nothing in it can drive a terminal, hide itself, or reorder the text around it ("Trojan Source").
#pragma once

#include <string>
#include <string_view>

namespace orgaudit {

// Code points that act on text rather than show as text, which no output may carry raw: C0 controls,
// DEL, C1 controls, the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E,
// U+200F, U+202A-U+202E, U+2066-U+2069), the line and paragraph separators (U+2028, U+2029) and the
// byte-order mark (U+FEFF). The zero-width joiner is not one: emoji sequences are made of it.
bool is_hidden_control(char32_t code);

struct VisibleOptions {
  bool keep_line_breaks = false;  // newline and carriage return stay (a map label, a Markdown <br>)
  bool keep_tab = false;
  bool escape_backslash = false;  // `\` as `\\`: makes the result reversible (distinct ids stay distinct)
};

// Every hidden control as a visible escape: `\n`, `\r`, `\t`, `\x1b` (C0 and DEL), `\u202e` (the
// others); every byte of malformed UTF-8 as `\xNN`. Everything else is copied as it is.
void append_visible(std::string& out, std::string_view text, VisibleOptions options = {});
std::string visible(std::string_view text, VisibleOptions options = {});

}  // namespace orgaudit
