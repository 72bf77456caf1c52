#include "import/json_records.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/encoding.h"
#include "util/diagnostic.h"
#include "util/tracked_chars.h"

namespace orgaudit::import::json {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Turns the scanner's events into records: keeps the JSON Pointer of the current value, finds the
// records (array elements, page entries, whole documents) and hands their scalars to the sink.
class RecordFinder {
 public:
  RecordFinder(std::string_view text, const std::string& path, const TextLocator& locate, RecordSink& sink)
      : text_(text), path_(path), locate_(locate), sink_(sink) {}

  void start_document(std::size_t start) { document_start_ = start; }

  // A key; its value starts at `value_at` (past the colon): a field is located at its value's first byte.
  void key(std::string_view key, std::size_t value_at) {
    pointer_.resize(levels_.back().base);
    pointer_ += '/';
    pointer_ += key;
    value_start_ = value_at;
  }

  void scalar(const Scalar& value, std::size_t at) {
    if (levels_.empty())
      fail(document_start_, value.type == Scalar::number ? "a JSON export holds objects or arrays, not a bare number"
                                                         : "a JSON export holds objects or arrays, not a bare value");
    if (!levels_.back().array) at = value_start_;
    enter_value();
    // Graph writes a page's nextLink before or after its `value`: kept either way.
    if (levels_.size() == 1 && !levels_.back().array && value.type == Scalar::string && pointer_ == "/@odata.nextLink")
      next_link_ = std::string(value.text);
    if (record_depth_ != kNone) sink_.scalar(std::string_view(pointer_).substr(record_base_), value, at);
  }

  // A `{` or `[` at `at`.
  void open(bool array, std::size_t at) {
    enter_value();
    bool records = false;
    if (levels_.empty()) {  // a document: an object is a record unless it turns out to be a page
      page_ = false;
      next_link_.clear();
      if (array) records = true;
      else begin_record(at);
    } else if (record_depth_ == kNone && !array && levels_.back().array && levels_.back().records) {
      begin_record(at);
    } else if (array && levels_.size() == 1 && record_depth_ == 0 && (pointer_ == "/Resources" || pointer_ == "/value")) {
      page_ = true;
      records = true;
      record_depth_ = kNone;
      sink_.page(document_start_);
    }
    levels_.push_back(Level{array, pointer_.size(), records});
  }

  void close() {
    levels_.pop_back();
    pointer_.resize(levels_.empty() ? 0 : levels_.back().base);
    if (record_depth_ == levels_.size()) {
      record_depth_ = kNone;
      sink_.end(levels_.empty());
    } else if (levels_.empty() && page_) {
      sink_.page_end(next_link_);
    }
  }

  [[noreturn]] void fail(std::size_t at, const std::string& message) const {
    const SourceLocation where = locate_(at);
    throw InputError(Diagnostic{path_, where.line, where.column, message});
  }

 private:
  struct Level {
    bool array;
    std::size_t base;       // pointer_ length at this level
    bool records = false;   // an array whose object elements are records
    std::size_t index = 0;  // next element, for arrays
  };

  // An array element's pointer step, taken as the element begins.
  void enter_value() {
    if (levels_.empty() || !levels_.back().array) return;
    Level& level = levels_.back();
    pointer_.resize(level.base);
    pointer_ += '/';
    pointer_ += std::to_string(level.index++);
  }

  void begin_record(std::size_t at) {
    record_depth_ = levels_.size();
    record_base_ = pointer_.size();
    sink_.begin(at);
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  std::string_view text_;
  const std::string& path_;
  const TextLocator& locate_;
  RecordSink& sink_;
  std::vector<Level> levels_;
  std::string pointer_;
  std::size_t value_start_ = 0;
  std::size_t document_start_ = 0;
  std::size_t record_depth_ = kNone;
  std::size_t record_base_ = 0;
  bool page_ = false;
  std::string next_link_;
};

// A strict RFC 8259 scanner for one JSON value, written for speed: strings without escapes are
// handed on as views of the text (no copy), bytes are read straight from memory. It accepts exactly
// what nlohmann-json's parser accepts (UTF-8 checked byte by byte as nlohmann does, escapes and
// surrogate pairs, numbers by the grammar and finite). It does not word errors: on malformed input
// it stops, and the document is parsed again by nlohmann for its message (see malformed()).
class Scanner {
 public:
  Scanner(std::string_view text, RecordFinder& finder) : s_(text.data()), n_(text.size()), finder_(finder) {}

  // Scans the value at `at` (a byte-order mark before it is skipped, as nlohmann does at the
  // start of a parse); returns the offset past it, or kMalformed.
  std::size_t value(std::size_t at) {
    i_ = at;
    if (i_ < n_ && s_[i_] == '\xEF') {
      if (n_ - i_ < 3 || s_[i_ + 1] != '\xBB' || s_[i_ + 2] != '\xBF') return kMalformed;
      i_ += 3;
    }
    return scan() ? i_ : kMalformed;
  }

  static constexpr std::size_t kMalformed = static_cast<std::size_t>(-1);
  std::size_t stopped_at() const { return i_; }  // where a malformed value stopped the scan

 private:
  void skip_space() {
    while (i_ < n_ && is_space(s_[i_])) ++i_;
  }
  bool at(char c) const { return i_ < n_ && s_[i_] == c; }

  bool scan() {
    std::vector<bool>& arrays = arrays_;  // the open containers, innermost last
    arrays.clear();
    for (;;) {
      // A value.
      skip_space();
      if (i_ >= n_) return false;
      const char c = s_[i_];
      if (c == '{' || c == '[') {
        const bool array = c == '[';
        finder_.open(array, i_++);
        skip_space();
        if (at(array ? ']' : '}')) {
          ++i_;
          finder_.close();
        } else {
          arrays.push_back(array);
          if (!array && !key()) return false;
          continue;
        }
      } else if (!scalar()) {
        return false;
      }
      // After a value: the next element or key, or the ends of the containers it closes.
      for (;;) {
        if (arrays.empty()) return true;
        skip_space();
        if (i_ >= n_) return false;
        const bool array = arrays.back();
        if (s_[i_] == ',') {
          ++i_;
          if (!array && !key()) return false;
          break;
        }
        if (s_[i_] != (array ? ']' : '}')) return false;
        ++i_;
        arrays.pop_back();
        finder_.close();
      }
    }
  }

  // `"name" :` up to the value.
  bool key() {
    skip_space();
    std::string_view name;
    if (!at('"') || !string(name)) return false;
    skip_space();
    if (!at(':')) return false;
    ++i_;
    skip_space();
    finder_.key(name, i_);
    return true;
  }

  bool scalar() {
    const std::size_t start = i_;
    const char c = s_[i_];
    Scalar value;
    if (c == '"') {
      value.type = Scalar::string;
      if (!string(value.text)) return false;
    } else if (c == 't' || c == 'f' || c == 'n') {
      const std::string_view word = c == 't' ? "true" : c == 'f' ? "false" : "null";
      if (n_ - i_ < word.size() || std::memcmp(s_ + i_, word.data(), word.size()) != 0) return false;
      i_ += word.size();
      value.type = c == 'n' ? Scalar::null : Scalar::boolean;
      if (c != 'n') value.text = word;
    } else if (c == '-' || is_digit(c)) {
      value.type = Scalar::number;
      if (!number(value.text)) return false;
    } else {
      return false;
    }
    finder_.scalar(value, start);
    return true;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, and finite as a double (nlohmann refuses 1e400).
  bool number(std::string_view& text) {
    const std::size_t start = i_;
    auto digits = [&] {
      const std::size_t from = i_;
      while (i_ < n_ && is_digit(s_[i_])) ++i_;
      return i_ > from;
    };
    if (at('-')) ++i_;
    if (at('0')) ++i_;
    else if (!digits()) return false;
    bool integer = true;
    if (at('.')) {
      ++i_;
      if (!digits()) return false;
      integer = false;
    }
    if (at('e') || at('E')) {
      ++i_;
      if (at('+') || at('-')) ++i_;
      if (!digits()) return false;
      integer = false;
    }
    text = std::string_view(s_ + start, i_ - start);
    if (integer && text.size() <= 18) return true;  // fits an integer
    const std::string copy(text);                    // NUL-terminated for strtod
    return std::isfinite(std::strtod(copy.c_str(), nullptr));
  }

  // A string at its opening quote; `out` views the text when nothing needed decoding, else the
  // scratch buffer (valid until the next string).
  bool string(std::string_view& out) {
    const std::size_t begin = ++i_;
    // The common case, 8 bytes at a time: printable ASCII up to the closing quote.
    while (n_ - i_ >= 8) {
      std::uint64_t word;
      std::memcpy(&word, s_ + i_, 8);
      if (needs_look(word)) break;
      i_ += 8;
    }
    for (;;) {
      if (i_ >= n_) return false;
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        out = std::string_view(s_ + begin, i_ - begin);
        ++i_;
        return true;
      }
      if (c == '\\' || c < 0x20 || c >= 0x80) break;
      ++i_;
    }
    scratch_.assign(s_ + begin, i_ - begin);
    for (;;) {
      if (i_ >= n_) return false;
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        out = scratch_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (!escape()) return false;
      } else if (c >= 0x80) {
        const std::size_t length = utf8_length();
        if (length == 0) return false;
        scratch_.append(s_ + i_, length);
        i_ += length;
      } else {
        scratch_ += static_cast<char>(c);
        ++i_;
      }
    }
  }

  // Whether any of 8 bytes is a quote, a backslash, a control character or not ASCII.
  static bool needs_look(std::uint64_t word) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    auto zero_byte = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
    const std::uint64_t quote = zero_byte(word ^ (ones * '"'));
    const std::uint64_t backslash = zero_byte(word ^ (ones * '\\'));
    const std::uint64_t control = (word - ones * 0x20) & ~word & highs;  // a byte below 0x20
    return (quote | backslash | control | (word & highs)) != 0;
  }

  // The length of the well-formed UTF-8 sequence at i_ (RFC 3629, as nlohmann checks it), 0 if none.
  std::size_t utf8_length() const {
    auto byte = [&](std::size_t k) { return i_ + k < n_ ? static_cast<unsigned char>(s_[i_ + k]) : 0u; };
    auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
    const unsigned c = byte(0), b1 = byte(1), b2 = byte(2), b3 = byte(3);
    if (in(c, 0xC2, 0xDF)) return in(b1, 0x80, 0xBF) ? 2 : 0;
    if (c == 0xE0) return in(b1, 0xA0, 0xBF) && in(b2, 0x80, 0xBF) ? 3 : 0;
    if (in(c, 0xE1, 0xEC) || in(c, 0xEE, 0xEF)) return in(b1, 0x80, 0xBF) && in(b2, 0x80, 0xBF) ? 3 : 0;
    if (c == 0xED) return in(b1, 0x80, 0x9F) && in(b2, 0x80, 0xBF) ? 3 : 0;
    if (c == 0xF0) return in(b1, 0x90, 0xBF) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF) ? 4 : 0;
    if (in(c, 0xF1, 0xF3)) return in(b1, 0x80, 0xBF) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF) ? 4 : 0;
    if (c == 0xF4) return in(b1, 0x80, 0x8F) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF) ? 4 : 0;
    return 0;
  }

  // A backslash escape at i_, decoded onto scratch_.
  bool escape() {
    if (n_ - i_ < 2) return false;
    const char e = s_[i_ + 1];
    i_ += 2;
    const char* simple = std::strchr("\"\\/bfnrt", e);
    if (e != '\0' && e != 'u' && simple) {
      scratch_ += "\"\\/\b\f\n\r\t"[simple - "\"\\/bfnrt"];
      return true;
    }
    if (e != 'u') return false;
    long code = hex4();
    if (code < 0) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return false;  // a low surrogate alone
    if (code >= 0xD800 && code <= 0xDBFF) {              // a high surrogate: its low one must follow
      if (n_ - i_ < 2 || s_[i_] != '\\' || s_[i_ + 1] != 'u') return false;
      i_ += 2;
      const long low = hex4();
      if (low < 0xDC00 || low > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_code_point(scratch_, static_cast<unsigned>(code));
    return true;
  }

  long hex4() {
    if (n_ - i_ < 4) return -1;
    long code = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = s_[i_ + k];
      const int digit = is_digit(h) ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
      if (digit < 0) return -1;
      code = code * 16 + digit;
    }
    i_ += 4;
    return code;
  }

  const char* s_;
  std::size_t n_;
  std::size_t i_ = 0;
  RecordFinder& finder_;
  std::vector<bool> arrays_;
  std::string scratch_;
};

// nlohmann's SAX events, all accepted unread: only its error, for the message.
struct ErrorOnly : nlohmann::detail::json_sax_acceptor<nlohmann::json> {
  const char* cursor = nullptr;  // one past the last byte the lexer read
  std::string message;

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    message = e.what();
    return false;
  }
};

// The scanner stopped in the document at `start`: nlohmann parses it again and words the error, at
// the last byte its lexer read (just past the end for a truncated document), as it always has.
[[noreturn]] void malformed(std::string_view text, std::size_t start, std::size_t scanner_stop, const RecordFinder& finder) {
  ErrorOnly errors;
  errors.cursor = text.data() + start;
  nlohmann::json::sax_parse(TrackedChars(text.data() + start, &errors.cursor),
                            TrackedChars(text.data() + text.size(), &errors.cursor), &errors,
                            nlohmann::json::input_format_t::json, false);
  if (errors.message.empty())  // the two parsers disagree: the scanner's own place, unworded
    finder.fail(scanner_stop, "malformed JSON");
  std::string message = errors.message;
  // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." -> what follows the place.
  if (const auto colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
  const auto offset = static_cast<std::size_t>(errors.cursor - text.data());
  finder.fail(offset == 0 || offset >= text.size() ? offset : offset - 1, "malformed JSON: " + message);
}

}  // namespace

void read_records(std::string_view text, const std::string& path, const TextLocator& locate, RecordSink& sink) {
  RecordFinder finder(text, path, locate, sink);
  Scanner scanner(text, finder);
  std::size_t at = text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte-order mark
  bool any = false;
  for (;;) {
    while (at < text.size() && is_space(text[at])) ++at;
    if (at == text.size()) break;
    any = true;
    finder.start_document(at);
    // One value; the next document (a JSON Lines line, a concatenated page) starts where it ended.
    const std::size_t end = scanner.value(at);
    if (end == Scanner::kMalformed) malformed(text, at, scanner.stopped_at(), finder);
    at = end;
  }
  if (!any) {
    const SourceLocation where = locate(0);
    throw InputError(Diagnostic{path, where.line, where.column, "the file holds no JSON value"});
  }
}

}  // namespace orgaudit::import::json
