#include "json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

#include "util/parallel.h"
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

void JsonWriter::continue_in(const JsonWriter& whole, std::size_t first) {
  has_element_ = whole.has_element_;
  if (first > 0) has_element_.back() = true;
  after_key_ = false;
  out_.clear();
}

void JsonWriter::append(JsonWriter& part) {
  has_element_.back() = has_element_.back() || part.has_element_.back();
  if (sink_) {
    flush();
    sink_->write(part.out_.data(), static_cast<std::streamsize>(part.out_.size()));
  } else {
    out_ += part.out_;
  }
}

namespace {

// The blocks of an array that this thread and a helper render at once. Each block is taken by
// whichever thread is free, at most `kWindow` blocks ahead of the one to be written next, so the
// text held stays a few blocks whatever the array's length, and a helper that the machine keeps
// waiting holds up only the block it has taken.
class BlockRenderer {
 public:
  static constexpr std::size_t kBlock = 512;  // elements
  static constexpr std::size_t kWindow = 4;   // blocks rendered or being rendered, not yet written

  BlockRenderer(const JsonWriter& start, std::size_t count, const JsonWriter::ElementWriter& element)
      : start_(start), count_(count), element_(element), blocks_((count + kBlock - 1) / kBlock),
        slots_(kWindow, Slot{start}) {}

  // Renders every block and hands each to `write` in order, on this thread.
  void run(const std::function<void(JsonWriter&)>& write) {
    detail::run_both(
        true,
        [&] {
          try {
            write_all(write);
          } catch (...) {
            stop();  // the helper may be waiting for room
            throw;
          }
          stop();
        },
        [&] { help(); });
  }

 private:
  // Under the lock: the next block, when there is one and the window has room for it.
  bool take(std::size_t& block) {
    if (stopped_ || next_ >= blocks_ || next_ >= written_ + kWindow) return false;
    block = next_++;
    return true;
  }

  void render(std::size_t block) {
    JsonWriter& part = slots_[block % kWindow].part;
    const std::size_t first = block * kBlock;
    part.continue_in(start_, first);
    for (std::size_t i = first; i < std::min(count_, first + kBlock); ++i) element_(part, i);
  }

  void finished(std::unique_lock<std::mutex>& lock, std::size_t block) {
    lock.lock();
    slots_[block % kWindow].done = true;
    changed_.notify_all();
  }

  void help() {
    std::unique_lock<std::mutex> lock(mutex_);
    std::size_t block = 0;
    while (true) {
      changed_.wait(lock, [&] { return stopped_ || next_ >= blocks_ || next_ < written_ + kWindow; });
      if (!take(block)) return;
      lock.unlock();
      try {
        render(block);
      } catch (...) {
        stop();  // the writing thread would wait for this block
        throw;
      }
      finished(lock, block);
    }
  }

  void write_all(const std::function<void(JsonWriter&)>& write) {
    std::unique_lock<std::mutex> lock(mutex_);
    std::size_t block = 0;
    while (written_ < blocks_) {
      Slot& next = slots_[written_ % kWindow];
      if (next.done) {
        lock.unlock();
        write(next.part);
        lock.lock();
        next.done = false;
        ++written_;
        changed_.notify_all();
      } else if (take(block)) {
        lock.unlock();
        render(block);
        finished(lock, block);
      } else if (stopped_) {
        return;  // the helper failed: run_both rethrows its exception
      } else {
        changed_.wait(lock);
      }
    }
  }

  void stop() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stopped_ = true;
    }
    changed_.notify_all();
  }

  const JsonWriter& start_;
  const std::size_t count_;
  const JsonWriter::ElementWriter& element_;
  const std::size_t blocks_;
  // Block b is rendered into slots_[b % kWindow]. A slot to a cache line of its own: the writer's
  // length changes with every character, and two threads writing one line take turns at it.
  struct alignas(64) Slot {
    JsonWriter part;
    bool done = false;  // rendered, not yet written
  };
  std::vector<Slot> slots_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t next_ = 0;     // the next block to take
  std::size_t written_ = 0;  // blocks written
  bool stopped_ = false;
};

}  // namespace

void JsonWriter::elements(std::size_t count, bool together, const ElementWriter& element) {
  if (!together || count <= BlockRenderer::kBlock) {
    for (std::size_t i = 0; i < count; ++i) element(*this, i);
    return;
  }
  // The parts start from a copy of this writer's state, which appending them changes meanwhile.
  JsonWriter start(indent_);
  start.has_element_ = has_element_;
  BlockRenderer(start, count, element).run([this](JsonWriter& part) { append(part); });
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
