// A minimal streaming JSON writer. Strings are escaped so that untrusted names stay intact and
// inert: control characters, quotes, and `<`, `>`, `&`, U+2028/2029 (so the JSON can be embedded
// in HTML or JavaScript unchanged).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace orgaudit {

class JsonWriter {
 public:
  explicit JsonWriter(int indent = 2) : indent_(indent) {}

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

 private:
  void before_value();
  void newline();

  std::string out_;
  int indent_;
  // One entry per open container: whether it has had an element yet.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

void append_json_string(std::string& out, std::string_view text);

}  // namespace orgaudit
