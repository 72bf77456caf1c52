// A minimal streaming JSON writer. Strings are escaped so that untrusted names stay intact and
// inert: control characters, quotes, and `<`, `>`, `&`, U+2028/2029 (so the JSON can be embedded
// in HTML or JavaScript unchanged).
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace orgaudit {

class JsonWriter {
 public:
  explicit JsonWriter(int indent = 2) : indent_(indent) {}
  // Writes the document to `sink` in blocks of about a megabyte as it goes, so a document of
  // hundreds of megabytes is never held whole; call flush() at the end.
  explicit JsonWriter(std::ostream& sink, int indent = 2) : sink_(&sink), indent_(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(long long number);
  JsonWriter& value(unsigned long number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(unsigned number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();

  // Room for the whole document up front: growing a string of hundreds of megabytes by doubling
  // copies it again and again and briefly holds three times its size. Pages reserved but never
  // written cost no memory, so a generous guess is cheap.
  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  std::string take() { return std::move(out_); }
  void flush();

  // Writes the elements of the array just begun, element(w, i) writing the i-th of `count`: here,
  // or when `together` in blocks that this thread and a second render at once into writers of
  // their own (parts of this one, at its nesting), passed on in order. The same bytes either way.
  using ElementWriter = std::function<void(JsonWriter&, std::size_t)>;
  void elements(std::size_t count, bool together, const ElementWriter& element);
  // Makes this writer (one without a sink, a part of `whole`) continue `whole` inside its innermost
  // container, as though `first` elements had been written there already (none: it opens it).
  void continue_in(const JsonWriter& whole, std::size_t first);

 private:
  // Passes a part's text on, and its container has had elements if the part's has.
  void append(JsonWriter& part);

  void before_value();
  void newline();
  void maybe_flush() {
    if (sink_ && out_.size() >= kFlushBytes) flush();
  }

  static constexpr std::size_t kFlushBytes = 1 << 20;
  std::ostream* sink_ = nullptr;
  std::string out_;
  int indent_;
  // One entry per open container: whether it has had an element yet.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

void append_json_string(std::string& out, std::string_view text);

}  // namespace orgaudit
