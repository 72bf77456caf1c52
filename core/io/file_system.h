// File access behind an interface, so tests can fake a disk and nothing partial is ever written.
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <memory>
#include <string>

namespace orgaudit {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Throws InputError naming the path when it is missing, a directory or unreadable.
  virtual std::unique_ptr<std::istream> open_for_reading(const std::string& path) const = 0;
  virtual std::uint64_t size_of(const std::string& path) const = 0;
  // Writes the whole content or nothing: a temporary file renamed into place.
  virtual void write_atomically(const std::string& path, const std::string& content) const = 0;
};

class RealFileSystem final : public FileSystem {
 public:
  std::unique_ptr<std::istream> open_for_reading(const std::string& path) const override;
  std::uint64_t size_of(const std::string& path) const override;
  void write_atomically(const std::string& path, const std::string& content) const override;
};

// In-memory files for tests.
class MemoryFileSystem final : public FileSystem {
 public:
  void add(const std::string& path, std::string content) { files_[path] = std::move(content); }
  const std::map<std::string, std::string>& files() const { return files_; }

  std::unique_ptr<std::istream> open_for_reading(const std::string& path) const override;
  std::uint64_t size_of(const std::string& path) const override;
  void write_atomically(const std::string& path, const std::string& content) const override;

 private:
  mutable std::map<std::string, std::string> files_;
};

}  // namespace orgaudit
