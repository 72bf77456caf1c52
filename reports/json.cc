#include "json.h"

#include <charconv>
#include <cmath>

#include "util/text.h"
#include "util/visible_text.h"

namespace orgaudit {

namespace {

// Characters that JSON strings carry as they are: printable ASCII other than the quote, the
// backslash and the HTML-significant < > & (escaped so the output can be embedded in a page).
// Everything else, UTF-8 included, takes the slow path.
constexpr bool plain(unsigned char c) {
  return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy the longest run of plain characters at once: most names and messages are one run.
    std::size_t run = i;
    while (run < text.size() && plain(static_cast<unsigned char>(text[run]))) ++run;
    out.append(text.data() + i, run - i);
    if (run == text.size()) break;
    i = run;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        // A UTF-8 sequence is copied unless it is a hidden control (C1, bidirectional overrides,
        // U+2028/9, which also end a JavaScript line, the BOM); malformed bytes become U+FFFD, so the
        // document is always valid JSON.
        char32_t code = c;
        const std::size_t length = c < 0x80 ? 1 : decode_utf8(text, i, code);
        if (length == 0) {
          out += "\\ufffd";
        } else if (c >= 0x80 && !is_hidden_control(code)) {
          out.append(text.data() + i, length);
          i += length - 1;
        } else {  // control characters, DEL, < > &, and the hidden controls
          out += "\\u";
          for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 15];
          i += length - 1;
        }
      }
    }
    ++i;
  }
  out += '"';
}

void JsonWriter::newline() {
  if (indent_ <= 0) return;
  out_ += '\n';
  out_.append(has_element_.size() * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_element_.empty()) {
    if (has_element_.back()) out_ += ',';
    has_element_.back() = true;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  has_element_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool had = has_element_.back();
  has_element_.pop_back();
  if (had) newline();
  out_ += '}';
  if (has_element_.empty()) out_ += '\n';
  maybe_flush();
  return *this;
}

void JsonWriter::flush() {
  if (!sink_) return;
  sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
  out_.clear();
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  has_element_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool had = has_element_.back();
  has_element_.pop_back();
  if (had) newline();
  out_ += ']';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_ += indent_ > 0 ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  if (!std::isfinite(number)) {
    out_ += "null";  // JSON has no NaN or infinity
    return *this;
  }
  // As printf's %.10g (the standard defines to_chars so), without printf's locale and parsing cost.
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::general, 10).ptr;
  out_.append(buffer, end);
  return *this;
}

JsonWriter& JsonWriter::value(long long number) {
  before_value();
  out_ += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

}  // namespace orgaudit
