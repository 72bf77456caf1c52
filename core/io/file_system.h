// File access behind an interface, so tests can fake a disk and nothing partial is ever written.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <ostream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace orgaudit {

// A whole file's bytes, for importers that parse in place. Memory-mapped by RealFileSystem, so a
// large export is not copied; the bytes stay valid while the object lives. Writable bytes are a
// private copy-on-write view (pugixml parses in place): the file itself is never changed.
class FileBytes {
 public:
  virtual ~FileBytes() = default;
  virtual char* data() = 0;
  virtual std::size_t size() const = 0;
  std::string_view view() { return {data(), size()}; }
  // The bytes before `offset` will not be read again: a mapping may drop those pages, so reading a
  // large file front to back does not keep all of it resident. Does nothing by default.
  virtual void done_before(std::size_t offset) { (void)offset; }
  // The bytes in [from, to) will not be read again (the pages wholly inside may go): for a reader
  // of one part of the file, on a thread of its own. Does nothing by default.
  virtual void done_between(std::size_t from, std::size_t to) {
    (void)from;
    (void)to;
  }
};

struct FileContent {
  std::string path;
  std::string_view content;  // must outlive the write
  // When set, makes the content instead, writing it to the stream it is given: a document of
  // hundreds of megabytes goes to its temporary file as it is made, never held whole.
  std::function<void(std::ostream&)> stream;
};

enum class FileKind { missing, file, directory, other };

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // What is at `path` (following links); `missing` when nothing is, or it cannot be told.
  virtual FileKind kind_of(const std::string& path) const = 0;
  // The names (not paths) of the entries of a directory, sorted; empty when it is no directory.
  virtual std::vector<std::string> list_directory(const std::string& directory) const = 0;
  // Throws InputError naming the path when it is missing, a directory or unreadable.
  virtual std::unique_ptr<std::istream> open_for_reading(const std::string& path) const = 0;
  virtual std::uint64_t size_of(const std::string& path) const = 0;
  // The whole file in memory. Throws InputError like open_for_reading. The default reads the stream
  // into a buffer (fakes need nothing more); RealFileSystem maps the file.
  virtual std::unique_ptr<FileBytes> read_all(const std::string& path) const;
  // Writes the whole content or nothing: a temporary file renamed into place.
  void write_atomically(const std::string& path, const std::string& content) const;
  // Writes every file whole or none of them: all are written to temporary files before any is
  // renamed into place, so a failure (a missing directory, a full disk) leaves nothing behind.
  virtual void write_all_atomically(const std::vector<FileContent>& outputs) const = 0;
};

class RealFileSystem final : public FileSystem {
 public:
  FileKind kind_of(const std::string& path) const override;
  std::vector<std::string> list_directory(const std::string& directory) const override;
  std::unique_ptr<std::istream> open_for_reading(const std::string& path) const override;
  std::uint64_t size_of(const std::string& path) const override;
  std::unique_ptr<FileBytes> read_all(const std::string& path) const override;
  void write_all_atomically(const std::vector<FileContent>& outputs) const override;
};

// One RealFileSystem for code that is given no other (the default of PluginHost).
const FileSystem& the_real_file_system();

// From now on SIGINT, SIGTERM and SIGHUP remove the temporary files of a write in progress and end
// the process with exit code 128 + the signal (130, 143, 129). For the command-line tool's main().
void remove_temporary_files_on_signals();

// The whole file, refused with an InputError naming it when it is larger than `max_bytes` (`what`
// says what the file is, for the message): files read whole into memory, such as configs and
// baselines, must not exhaust it, whatever their size.
std::unique_ptr<FileBytes> read_all_within(const FileSystem& files, const std::string& path, std::uint64_t max_bytes,
                                           const std::string& what);

// In-memory files for tests. Paths are taken as written ("/org/a.yaml"); a directory is any path
// some file lies below, or one added empty.
class MemoryFileSystem final : public FileSystem {
 public:
  void add(const std::string& path, std::string content) { files_[path] = std::move(content); }
  void add_directory(const std::string& path) { directories_.push_back(path); }
  const std::map<std::string, std::string>& files() const { return files_; }

  FileKind kind_of(const std::string& path) const override;
  std::vector<std::string> list_directory(const std::string& directory) const override;
  std::unique_ptr<std::istream> open_for_reading(const std::string& path) const override;
  std::uint64_t size_of(const std::string& path) const override;
  void write_all_atomically(const std::vector<FileContent>& outputs) const override;

 private:
  mutable std::map<std::string, std::string> files_;
  std::vector<std::string> directories_;
};

}  // namespace orgaudit
