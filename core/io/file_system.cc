#include "io/file_system.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <deque>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <fcntl.h>
#include <pthread.h>
#include <iterator>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/diagnostic.h"
#include "util/text.h"

namespace orgaudit {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& why) {
  throw InputError(Diagnostic{path, 0, 0, why});
}

class BufferBytes final : public FileBytes {
 public:
  explicit BufferBytes(std::string bytes) : bytes_(std::move(bytes)) {}
  char* data() override { return bytes_.data(); }
  std::size_t size() const override { return bytes_.size(); }

 private:
  std::string bytes_;
};

// A private mapping: pages are read from the file on demand and copied only when written to.
class MappedBytes final : public FileBytes {
 public:
  MappedBytes(void* address, std::size_t size) : address_(address), size_(size) {}
  ~MappedBytes() override { ::munmap(address_, size_); }
  char* data() override { return static_cast<char*>(address_); }
  std::size_t size() const override { return size_; }
  void done_before(std::size_t offset) override {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t end = std::min(offset, size_) / page * page;
    if (end > released_) ::madvise(static_cast<char*>(address_) + released_, end - released_, MADV_DONTNEED);
    released_ = std::max(released_, end);
  }
  // No watermark: another thread may be releasing pages before `from` meanwhile.
  void done_between(std::size_t from, std::size_t to) override {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t start = (from + page - 1) / page * page, end = std::min(to, size_) / page * page;
    if (start < end) ::madvise(static_cast<char*>(address_) + start, end - start, MADV_DONTNEED);
  }

 private:
  void* address_;
  std::size_t size_;
  std::size_t released_ = 0;
};

}  // namespace

std::unique_ptr<FileBytes> FileSystem::read_all(const std::string& path) const {
  std::unique_ptr<std::istream> in = open_for_reading(path);
  std::string bytes((std::istreambuf_iterator<char>(*in)), std::istreambuf_iterator<char>());
  return std::make_unique<BufferBytes>(std::move(bytes));
}

std::unique_ptr<FileBytes> read_all_within(const FileSystem& files, const std::string& path, std::uint64_t max_bytes,
                                           const std::string& what) {
  auto refuse_above_limit = [&](std::uint64_t size) {
    if (size > max_bytes)
      fail(path, "the file is " + human_size(size) + ", larger than " + what + " may be (" + human_size(max_bytes) + ")");
  };
  refuse_above_limit(files.size_of(path));  // before reading: a huge file is refused without touching it
  std::unique_ptr<FileBytes> bytes = files.read_all(path);  // refuses devices and FIFOs, whose size says nothing
  refuse_above_limit(bytes->size());                         // it may have grown in between
  return bytes;
}

// Inputs must be regular files: a device such as /dev/zero never ends and reports size 0, so no size
// limit applies, and a FIFO with no writer blocks forever.
[[noreturn]] static void refuse_irregular(const std::string& path, const struct stat& info) {
  if (S_ISDIR(info.st_mode)) fail(path, "is a directory, not a file");
  fail(path, std::string("is not a regular file (") + (S_ISFIFO(info.st_mode) ? "a FIFO" : "a device or socket") +
                 "); orgaudit reads inputs from regular files only");
}

std::unique_ptr<FileBytes> RealFileSystem::read_all(const std::string& path) const {
  // O_NONBLOCK so that opening a FIFO with no writer returns at once; fstat then refuses it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) fail(path, std::strerror(errno));
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    fail(path, why);
  }
  if (!S_ISREG(info.st_mode)) {
    ::close(fd);
    refuse_irregular(path, info);
  }
  if (info.st_size == 0) {
    ::close(fd);
    return std::make_unique<BufferBytes>(std::string());
  }
  const auto size = static_cast<std::size_t>(info.st_size);
  void* address = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (address == MAP_FAILED) return FileSystem::read_all(path);
  ::madvise(address, size, MADV_SEQUENTIAL);
  return std::make_unique<MappedBytes>(address, size);
}

std::unique_ptr<std::istream> RealFileSystem::open_for_reading(const std::string& path) const {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) fail(path, std::strerror(errno));
  if (!S_ISREG(info.st_mode)) refuse_irregular(path, info);
  auto stream = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*stream) fail(path, std::string("cannot open: ") + std::strerror(errno));
  return stream;
}

FileKind RealFileSystem::kind_of(const std::string& path) const {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return FileKind::missing;
  if (S_ISREG(info.st_mode)) return FileKind::file;
  return S_ISDIR(info.st_mode) ? FileKind::directory : FileKind::other;
}

std::vector<std::string> RealFileSystem::list_directory(const std::string& directory) const {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::uint64_t RealFileSystem::size_of(const std::string& path) const {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) fail(path, std::strerror(errno));
  if (S_ISDIR(info.st_mode)) fail(path, "is a directory, not a file");
  return static_cast<std::uint64_t>(info.st_size);
}

namespace {

// Writes all of `content` to `fd`; false on a short or failed write.
bool write_fully(int fd, std::string_view content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// An output stream onto a file descriptor, in blocks of a megabyte; failed() once a write fails.
class DescriptorBuffer final : public std::streambuf {
 public:
  explicit DescriptorBuffer(int fd) : fd_(fd), block_(1 << 20) { setp(block_.data(), block_.data() + block_.size()); }
  bool failed() const { return failed_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    if (!failed_ && !write_fully(fd_, std::string_view(pbase(), static_cast<std::size_t>(pptr() - pbase()))))
      failed_ = true;
    setp(block_.data(), block_.data() + block_.size());
    return !failed_;
  }

  int fd_;
  std::vector<char> block_;
  bool failed_ = false;
};

// Writes an output's content, or streams it when it has a stream; false when a write failed (errno
// says why).
bool write_output(int fd, const FileContent& output) {
  if (!output.stream) return write_fully(fd, output.content);
  DescriptorBuffer buffer(fd);
  std::ostream out(&buffer);
  output.stream(out);
  out.flush();
  return !buffer.failed();
}

// The temporary files that exist now, for the signal handler to remove: a fixed table of atomic
// pointers, which is all a handler may safely read. Changed only with the signals blocked, so a
// handler never sees a path being freed.
constexpr std::size_t kMaxTemporaries = 256;
std::atomic<const char*> temporaries[kMaxTemporaries];
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temporaries_and_exit(int signal_number) {
  for (std::atomic<const char*>& slot : temporaries)
    if (const char* path = slot.load()) ::unlink(path);
  ::_exit(128 + signal_number);  // the shell's code for "killed by" that signal: 130, 143, 129
}

// Blocks the cleanup signals for its lifetime.
class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t blocked;
    sigemptyset(&blocked);
    for (int s : kCleanupSignals) sigaddset(&blocked, s);
    ::pthread_sigmask(SIG_BLOCK, &blocked, &previous_);
  }
  ~SignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t previous_;
};

// The temporary files of one write, each created exclusively under an unpredictable name in its
// target's directory (so the rename stays on one file system; a symlink planted there is never
// followed). Whatever is not renamed into place is removed, on an error and on a signal.
class Temporaries {
 public:
  Temporaries() = default;
  Temporaries(const Temporaries&) = delete;
  Temporaries& operator=(const Temporaries&) = delete;
  ~Temporaries() {
    for (Temporary& t : files_) {
      if (t.renamed) continue;
      ::unlink(t.name.c_str());
      forget(t);
    }
  }

  void write(const FileContent& output) {
    const std::string& path = output.path;
    Temporary& t = files_.emplace_back();
    t.target = path;
    t.name = path + ".orgaudit-tmp.XXXXXX";
    int fd = -1;
    {
      const SignalsBlocked blocked;
      fd = ::mkstemp(t.name.data());
      if (fd >= 0) remember(t);
    }
    if (fd < 0) {
      const std::string why = std::strerror(errno);
      files_.pop_back();
      fail(path, "cannot write: " + why);
    }
    // mkstemp creates mode 0600; give the output the mode an ordinary create would have.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    const bool written = write_output(fd, output);
    const int saved = errno;
    if (::close(fd) != 0 || !written)
      fail(path, std::string("cannot write: ") + (written ? "disk full or write error" : std::strerror(saved)));
  }

  void rename_all() {
    for (Temporary& t : files_) {
      if (std::rename(t.name.c_str(), t.target.c_str()) != 0) fail(t.target, std::string("cannot write: ") + std::strerror(errno));
      t.renamed = true;
      forget(t);
    }
  }

 private:
  struct Temporary {
    std::string target, name;
    std::size_t slot = kMaxTemporaries;  // none: the table was full, and a signal leaves it behind
    bool renamed = false;
  };

  static void remember(Temporary& t) {
    for (std::size_t i = 0; i < kMaxTemporaries; ++i) {
      const char* none = nullptr;
      if (temporaries[i].compare_exchange_strong(none, t.name.c_str())) {
        t.slot = i;
        return;
      }
    }
  }

  static void forget(Temporary& t) {
    if (t.slot == kMaxTemporaries) return;
    const SignalsBlocked blocked;
    temporaries[t.slot].store(nullptr);
    t.slot = kMaxTemporaries;
  }

  std::deque<Temporary> files_;  // a deque: the table points into its strings, which must not move
};

// A device (/dev/null, /dev/full), a FIFO or a socket is written to directly: renaming a temporary
// file over it would replace the node itself with a regular file.
bool is_written_directly(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || S_ISREG(info.st_mode)) return false;
  if (S_ISDIR(info.st_mode)) fail(path, "is a directory, not a file");
  return true;
}

void write_directly(const FileContent& output) {
  const std::string& path = output.path;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) fail(path, std::string("cannot write: ") + std::strerror(errno));
  const bool written = write_output(fd, output);
  const int saved = errno;
  ::close(fd);
  if (!written) fail(path, std::string("cannot write: ") + std::strerror(saved));
}

}  // namespace

void FileSystem::write_atomically(const std::string& path, const std::string& content) const {
  write_all_atomically({{path, content, {}}});
}

void RealFileSystem::write_all_atomically(const std::vector<FileContent>& outputs) const {
  // Every regular file is written to its temporary first; then the devices and FIFOs (a FIFO blocks
  // until it has a reader); only when all are written are the temporaries renamed into place.
  Temporaries staged;
  std::vector<const FileContent*> direct;
  for (const FileContent& output : outputs) {
    if (is_written_directly(output.path)) direct.push_back(&output);
    else staged.write(output);
  }
  for (const FileContent* output : direct) write_directly(*output);
  staged.rename_all();
}

const FileSystem& the_real_file_system() {
  static const RealFileSystem disk;
  return disk;
}

void remove_temporary_files_on_signals() {
  struct sigaction action {};
  action.sa_handler = &remove_temporaries_and_exit;
  sigemptyset(&action.sa_mask);
  for (int s : kCleanupSignals) sigaddset(&action.sa_mask, s);  // one handler runs at a time
  for (int s : kCleanupSignals) ::sigaction(s, &action, nullptr);
}

FileKind MemoryFileSystem::kind_of(const std::string& path) const {
  if (files_.count(path)) return FileKind::file;
  const std::string below = path.empty() || path.back() == '/' ? path : path + "/";
  if (path == "." || std::find(directories_.begin(), directories_.end(), path) != directories_.end())
    return FileKind::directory;
  const auto next = files_.lower_bound(below);
  return next != files_.end() && next->first.compare(0, below.size(), below) == 0 ? FileKind::directory
                                                                                 : FileKind::missing;
}

std::vector<std::string> MemoryFileSystem::list_directory(const std::string& directory) const {
  const std::string below = directory.empty() || directory.back() == '/' ? directory : directory + "/";
  std::vector<std::string> names;
  for (auto it = files_.lower_bound(below); it != files_.end() && it->first.compare(0, below.size(), below) == 0; ++it) {
    const std::string rest = it->first.substr(below.size());
    const std::string name = rest.substr(0, rest.find('/'));
    if (names.empty() || names.back() != name) names.push_back(name);
  }
  return names;
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

void MemoryFileSystem::write_all_atomically(const std::vector<FileContent>& outputs) const {
  // Every content made before any file is stored, as the real disk renames only when all are written.
  std::vector<std::string> made;
  for (const FileContent& output : outputs) {
    if (!output.stream) {
      made.emplace_back(output.content);
      continue;
    }
    std::ostringstream streamed;
    output.stream(streamed);
    made.push_back(streamed.str());
  }
  for (std::size_t i = 0; i < outputs.size(); ++i) files_[outputs[i].path] = std::move(made[i]);
}

}  // namespace orgaudit
