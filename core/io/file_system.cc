#include "io/file_system.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "util/diagnostic.h"

namespace orgaudit {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& why) {
  throw InputError(Diagnostic{path, 0, 0, why});
}

}  // namespace

std::unique_ptr<std::istream> RealFileSystem::open_for_reading(const std::string& path) const {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) fail(path, std::strerror(errno));
  if (S_ISDIR(info.st_mode)) fail(path, "is a directory, not a file");
  auto stream = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*stream) fail(path, std::string("cannot open: ") + std::strerror(errno));
  return stream;
}

std::uint64_t RealFileSystem::size_of(const std::string& path) const {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) fail(path, std::strerror(errno));
  return static_cast<std::uint64_t>(info.st_size);
}

void RealFileSystem::write_atomically(const std::string& path, const std::string& content) const {
  const std::string temporary = path + ".orgaudit-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) fail(path, std::string("cannot write: ") + std::strerror(errno));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      fail(path, "cannot write: disk full or write error");
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(temporary.c_str());
    fail(path, "cannot write: " + why);
  }
}

std::unique_ptr<std::istream> MemoryFileSystem::open_for_reading(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) fail(path, "No such file or directory");
  return std::make_unique<std::istringstream>(it->second);
}

std::uint64_t MemoryFileSystem::size_of(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) fail(path, "No such file or directory");
  return it->second.size();
}

void MemoryFileSystem::write_atomically(const std::string& path, const std::string& content) const {
  files_[path] = content;
}

}  // namespace orgaudit
