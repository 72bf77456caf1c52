// Messages about the input itself (not findings about the org): "file:line:col: error: ...".
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace orgaudit {

struct Diagnostic {
  std::string file;
  std::uint32_t line = 0;    // 0: the message is about the whole file
  std::uint32_t column = 0;
  std::string message;

  // "file:line:col: <level>: message", the form compilers and clang-tidy use.
  std::string format(const char* level) const;
};

// A diagnostic at byte `offset` of `text` (the file's content): line and column counted from 1, the
// column in bytes, as for parsers that report only where in the input they stopped.
Diagnostic diagnostic_at(std::string file, std::string_view text, std::size_t offset, std::string message);

// Input that cannot be read as asked: the run stops with exit code 2 and writes nothing.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostic diagnostic);
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

}  // namespace orgaudit
