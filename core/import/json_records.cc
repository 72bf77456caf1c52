#include "import/json_records.h"

#include <vector>

#include <nlohmann/json.hpp>

#include "util/diagnostic.h"
#include "util/tracked_chars.h"

namespace orgaudit::import::json {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Handler {
 public:
  using json = nlohmann::json;
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  Handler(std::string_view text, const std::string& path, const TextLocator& locate, RecordSink& sink)
      : text_(text), path_(path), locate_(locate), sink_(sink) {}

  const char* cursor = nullptr;  // one past the last byte the lexer read

  void start_document(std::size_t start) { document_start_ = start; }

  bool null() { return scalar(Scalar{Scalar::null, {}}); }
  bool boolean(bool value) { return scalar(Scalar{Scalar::boolean, value ? "true" : "false"}); }
  bool number_integer(number_integer_t) { return number(); }
  bool number_unsigned(number_unsigned_t) { return number(); }
  bool number_float(number_float_t, const string_t&) { return number(); }
  bool string(string_t& value) { return scalar(Scalar{Scalar::string, value}); }
  bool binary(binary_t&) { return true; }

  bool start_object(std::size_t) { return open(false); }
  bool start_array(std::size_t) { return open(true); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(string_t& key) {
    pointer_.resize(levels_.back().base);
    pointer_ += '/';
    pointer_ += key;
    // The value starts past the separator: a field is located at its value's first byte.
    std::size_t at = offset();
    while (at < text_.size() && (is_space(text_[at]) || text_[at] == ':')) ++at;
    value_start_ = at;
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    std::string message = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." -> what follows the place.
    if (const auto colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
    // At the last byte the lexer read, or just past the end for a truncated document.
    fail(offset() == 0 || offset() >= text_.size() ? offset() : offset() - 1, "malformed JSON: " + message);
  }

 private:
  struct Level {
    bool array;
    std::size_t base;       // pointer_ length at this level
    bool records = false;   // an array whose object elements are records
    std::size_t index = 0;  // next element, for arrays
  };

  std::size_t offset() const { return static_cast<std::size_t>(cursor - text_.data()); }

  [[noreturn]] void fail(std::size_t at, const std::string& message) const {
    const SourceLocation where = locate_(at);
    throw InputError(Diagnostic{path_, where.line, where.column, message});
  }

  // An array element's pointer step, taken as the element begins.
  void enter_value() {
    if (levels_.empty() || !levels_.back().array) return;
    Level& level = levels_.back();
    pointer_.resize(level.base);
    pointer_ += '/';
    pointer_ += std::to_string(level.index++);
  }

  // Where a scalar just read starts. After a key, key() knows; in an array, it is found back from
  // the cursor: a string at its opening quote, a number by its characters (the lexer read one byte
  // past it), a literal by its length.
  std::size_t scalar_start(const Scalar& value) const {
    if (!levels_.back().array) return value_start_;
    std::size_t at = offset();
    if (value.type == Scalar::string) return json_string_start(text_, at);
    if (value.type == Scalar::number) {
      if (at > 0) --at;
      while (at > 0 && std::string_view("0123456789+-.eE").find(text_[at - 1]) != std::string_view::npos) --at;
      return at;
    }
    return at - (value.type == Scalar::null ? 4 : value.text.size());
  }

  bool number() {
    if (levels_.empty()) fail(document_start_, "a JSON export holds objects or arrays, not a bare number");
    const std::size_t start = scalar_start(Scalar{Scalar::number, {}});
    std::size_t end = start;
    while (end < text_.size() && std::string_view("0123456789+-.eE").find(text_[end]) != std::string_view::npos) ++end;
    return scalar(Scalar{Scalar::number, text_.substr(start, end - start)}, start);
  }

  bool scalar(const Scalar& value) {
    if (levels_.empty()) fail(document_start_, "a JSON export holds objects or arrays, not a bare value");
    return scalar(value, scalar_start(value));
  }

  bool scalar(const Scalar& value, std::size_t at) {
    enter_value();
    // Graph writes a page's nextLink before or after its `value`: kept either way.
    if (levels_.size() == 1 && !levels_.back().array && value.type == Scalar::string && pointer_ == "/@odata.nextLink")
      next_link_ = std::string(value.text);
    if (record_depth_ != kNone) sink_.scalar(std::string_view(pointer_).substr(record_base_), value, at);
    return true;
  }

  bool open(bool array) {
    const std::size_t at = offset() - 1;  // the `{` or `[` just read
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
    return true;
  }

  void begin_record(std::size_t at) {
    record_depth_ = levels_.size();
    record_base_ = pointer_.size();
    sink_.begin(at);
  }

  bool close() {
    levels_.pop_back();
    pointer_.resize(levels_.empty() ? 0 : levels_.back().base);
    if (record_depth_ == levels_.size()) {
      record_depth_ = kNone;
      sink_.end(levels_.empty());
    } else if (levels_.empty() && page_) {
      sink_.page_end(next_link_);
    }
    return true;
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

}  // namespace

void read_records(std::string_view text, const std::string& path, const TextLocator& locate, RecordSink& sink) {
  Handler handler(text, path, locate, sink);
  std::size_t at = text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte-order mark
  const char* const end = text.data() + text.size();
  bool any = false;
  for (;;) {
    while (at < text.size() && is_space(text[at])) ++at;
    if (at == text.size()) break;
    any = true;
    handler.cursor = text.data() + at;
    handler.start_document(at);
    // Not strict: the parse stops after one value, and the next document (a JSON Lines line, a
    // concatenated page) starts where it stopped.
    nlohmann::json::sax_parse(TrackedChars(text.data() + at, &handler.cursor), TrackedChars(end, &handler.cursor), &handler,
                              nlohmann::json::input_format_t::json, false);
    at = static_cast<std::size_t>(handler.cursor - text.data());
  }
  if (!any) {
    const SourceLocation where = locate(0);
    throw InputError(Diagnostic{path, where.line, where.column, "the file holds no JSON value"});
  }
}

}  // namespace orgaudit::import::json
