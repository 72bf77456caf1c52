#include "workflow/inline_suppressions.h"

#include <string.h>  // memmem, a GNU extension that <cstring> need not declare
#include <string_view>

#include "util/diagnostic.h"
#include "util/text.h"

namespace orgaudit {
namespace {

constexpr std::string_view kMarker = "orgaudit-ignore";
constexpr std::size_t kBlock = 1 << 20;

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Where a YAML comment starts in `line`: a '#' at the start or after a space, outside quotes. A quote
// opens a quoted scalar only where a scalar can start (after a space, `[`, `{` or `,`), so the
// apostrophe in "O'Brien" is not mistaken for one.
std::size_t comment_start(std::string_view line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const char before = i ? line[i - 1] : ' ';
    if (quote) {
      if (quote == '"' && c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if ((c == '"' || c == '\'') && (is_space(before) || before == '[' || before == '{' || before == ',')) {
      quote = c;
    } else if (c == '#' && is_space(before)) {
      return i;
    }
  }
  return std::string_view::npos;
}

class Scanner {
 public:
  explicit Scanner(const std::string& path) : path_(path) {}

  void line(std::string_view text, std::uint32_t number) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (!pending_.empty()) attach_pending(text, number);
    if (text.find(kMarker) == std::string_view::npos) return;
    const std::size_t hash = comment_start(text);
    if (hash == std::string_view::npos) return;
    std::string_view comment = text.substr(hash + 1);
    while (!comment.empty() && is_space(comment.front())) comment.remove_prefix(1);
    if (comment.substr(0, kMarker.size()) != kMarker) return;  // mentions the marker, is no directive
    InlineDirective d = parse(comment.substr(kMarker.size()), number, static_cast<std::uint32_t>(hash + 1));
    const bool whole_line = text.find_first_not_of(" \t") == hash;
    if (whole_line) {
      pending_.push_back(directives_.size());
    } else {
      d.target_line = number;
    }
    directives_.push_back(std::move(d));
  }

  std::vector<InlineDirective> take() { return std::move(directives_); }  // pending ones keep line 0
  // No directive waits for the line it applies to: a line without the marker changes nothing.
  bool idle() const { return pending_.empty(); }

 private:
  // Directive lines above an entity wait for the first line that is not a comment.
  void attach_pending(std::string_view text, std::uint32_t number) {
    const std::size_t first = text.find_first_not_of(" \t");
    if (first != std::string_view::npos && text[first] == '#') return;  // another comment: keep waiting
    if (first != std::string_view::npos)
      for (std::size_t i : pending_) directives_[i].target_line = number;
    pending_.clear();  // a blank line ends the attachment
  }

  [[noreturn]] void fail(std::uint32_t line, std::uint32_t column, const std::string& message) const {
    throw InputError(Diagnostic{path_, line, column, message});
  }

  InlineDirective parse(std::string_view body, std::uint32_t line, std::uint32_t column) const {
    const char* kForm = " (write '# orgaudit-ignore: RULE-ID reason: why it is accepted')";
    if (body.empty() || body.front() != ':') fail(line, column, "expected ':' after 'orgaudit-ignore'" + std::string(kForm));
    body.remove_prefix(1);
    InlineDirective d;
    d.line = line;
    d.column = column;
    const std::size_t reason_at = body.find("reason:");
    if (reason_at == std::string_view::npos)
      fail(line, column, "an orgaudit-ignore comment needs a reason: say why this finding is accepted" + std::string(kForm));
    std::string_view head = body.substr(0, reason_at);
    std::string_view reason = body.substr(reason_at + 7);
    std::string_view expires;
    bool has_expires = true;
    if (const std::size_t at = head.find("expires:"); at != std::string_view::npos) {
      expires = head.substr(at + 8);
      head = head.substr(0, at);
    } else if (const std::size_t tail = reason.rfind("expires:"); tail != std::string_view::npos) {
      expires = reason.substr(tail + 8);
      reason = reason.substr(0, tail);
    } else {
      has_expires = false;
    }
    for (const std::string& part : split(head, ','))
      for (const std::string& word : split(trim(part), ' '))
        if (!trim(word).empty()) d.rules.push_back(trim(word));
    if (d.rules.empty()) fail(line, column, "an orgaudit-ignore comment must name the rule it suppresses" + std::string(kForm));
    d.reason = trim(reason);
    if (d.reason.empty()) fail(line, column, "an orgaudit-ignore comment needs a reason: say why this finding is accepted");
    if (has_expires) {
      const std::string date = trim(expires);
      d.expires = Date::parse(date);
      if (!d.expires) fail(line, column, "'expires' must be a date written YYYY-MM-DD, got '" + date + "'");
    }
    return d;
  }

  const std::string& path_;
  std::vector<InlineDirective> directives_;
  std::vector<std::size_t> pending_;
};

}  // namespace

std::vector<InlineDirective> scan_inline_suppressions(std::istream& in, const std::string& path) {
  Scanner scanner(path);
  std::string carry;  // an unfinished line from the previous block
  std::string block(kBlock, '\0');
  std::uint32_t number = 0;
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const std::string_view data(block.data(), static_cast<std::size_t>(in.gcount()));
    const std::size_t first_break = data.find('\n');
    if (first_break == std::string_view::npos) {
      carry.append(data);
      continue;
    }
    carry.append(data.substr(0, first_break));  // the line the last block left unfinished, now whole
    scanner.line(carry, ++number);
    const std::size_t last_break = data.rfind('\n');
    // The block's other whole lines. Most blocks of a large file hold no directive: where none is
    // waiting for its line either, they are only counted (175 MB of YAML in a third of the time).
    const std::string_view lines = data.substr(first_break + 1, last_break - first_break);
    // glibc's memmem: 175 MB in 18 ms, where std::search with a Boyer-Moore-Horspool searcher took 48.
    if (scanner.idle() && ::memmem(lines.data(), lines.size(), kMarker.data(), kMarker.size()) == nullptr) {
      number += static_cast<std::uint32_t>(count_line_feeds(lines));
    } else {
      for (std::size_t start = 0, nl; (nl = lines.find('\n', start)) != std::string_view::npos; start = nl + 1)
        scanner.line(lines.substr(start, nl - start), ++number);
    }
    carry.assign(data.substr(last_break + 1));
  }
  if (!carry.empty()) scanner.line(carry, ++number);
  return scanner.take();
}

std::vector<InlineDirective> scan_inline_suppressions(const FileSystem& files, const std::string& path) {
  const auto in = files.open_for_reading(path);
  return scan_inline_suppressions(*in, path);
}

}  // namespace orgaudit
