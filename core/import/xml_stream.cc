#include "import/xml_stream.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <regex>

#include "import/batch_thread.h"
#include "import/xml_guard.h"
#include "util/diagnostic.h"
#include "util/text.h"

namespace orgaudit::import::xml {
namespace {

constexpr std::size_t kBatchBytes = 4u << 20;  // subtrees parsed together: big enough to amortise pugixml

// A record's subtree in the file, and where it starts (column in code points).
struct Span {
  std::size_t begin, end;
  std::uint32_t line, column;
};

// Code points in [from, to): UTF-8 continuation bytes do not count.
std::uint32_t code_points(std::string_view text, std::size_t from, std::size_t to) {
  std::uint32_t n = 0;
  for (std::size_t i = from; i < to; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

// File line and column (in code points) of an offset, counting lines from a known line start.
SourceLocation locate_in(std::string_view text, FileIndex file, std::size_t from, std::uint32_t line_at_from, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::uint32_t line = line_at_from + static_cast<std::uint32_t>(count_line_feeds(text.substr(from, offset - from)));
  std::uint32_t column = 1;  // in code points: UTF-8 continuation bytes do not count
  for (std::size_t i = offset; i > 0 && text[i - 1] != '\n'; --i) column += (static_cast<unsigned char>(text[i - 1]) & 0xC0) != 0x80;
  return SourceLocation{file, line, column};
}

// The characters a start tag's name stops at when read in one pass: where a name ends (white
// space, '/', '>'), and quotes, which send the tag to be read as a whole.
constexpr std::array<bool, 256> kNameStop = [] {
  std::array<bool, 256> stop{};
  for (const unsigned char c : {' ', '\t', '\r', '\n', '/', '>', '"', '\''}) stop[c] = true;
  return stop;
}();

class Scanner {
 public:
  Scanner(std::string_view text, const std::vector<std::string>& names, unsigned max_depth, const std::string& path)
      : text_(text), names_(names), max_depth_(max_depth), path_(path) {}

  bool next(Span& span) {
    for (;;) {
      const void* found = std::memchr(text_.data() + pos_, '<', text_.size() - pos_);
      if (!found) {
        if (!open_.empty()) fail(open_.back().at, "<" + std::string(open_.back().name) + "> is never closed");
        return false;
      }
      const std::size_t lt = static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
      pos_ = lt;
      const char second = lt + 1 < text_.size() ? text_[lt + 1] : '\0';
      if (second == '!' && starts("<!--")) skip_past("-->", "a comment opens here and never closes");
      else if (second == '!' && starts("<![CDATA[")) skip_past("]]>", "a CDATA section opens here and never closes");
      else if (second == '?') skip_past("?>", "a processing instruction opens here and never closes");
      else if (second == '!') skip_declaration();
      else if (second == '/') {
        std::size_t end = closing_tag_end(lt);
        std::string_view name = end ? open_.back().name : std::string_view();
        if (!end) {
          end = tag_end(lt);
          std::size_t name_end = lt + 2;
          while (name_end < end && !Scanner::name_end(text_[name_end])) ++name_end;
          name = text_.substr(lt + 2, name_end - lt - 2);
          if (open_.empty()) fail(lt, "end tag </" + std::string(name) + "> with no element open");
          if (open_.back().name != name)
            fail(lt, "end tag </" + std::string(name) + "> does not match <" + std::string(open_.back().name) + ">");
        }
        open_.pop_back();
        pos_ = end;
        if (in_record_ && open_.size() == record_depth_) {
          in_record_ = false;
          span = Span{record_begin_, end, record_line_, record_column_};
          return true;
        }
      } else {
        // Most start tags are a name and '>' or "/>": read in one pass; others as a whole tag.
        std::size_t name_end = lt + 1;
        while (name_end < text_.size() && !kNameStop[static_cast<unsigned char>(text_[name_end])]) ++name_end;
        std::size_t end = 0;
        if (name_end < text_.size() && text_[name_end] == '>') end = name_end + 1;
        else if (name_end + 1 < text_.size() && text_[name_end] == '/' && text_[name_end + 1] == '>') end = name_end + 2;
        bool quoted = false;  // the name holds a quote: its end tag is read as a whole tag too
        if (!end) {
          end = tag_end(lt);
          name_end = lt + 1;
          while (name_end < end && !Scanner::name_end(text_[name_end])) ++name_end;
          quoted = text_.substr(lt + 1, name_end - lt - 1).find_first_of("\"'") != std::string_view::npos;
        }
        const std::string_view name = text_.substr(lt + 1, name_end - lt - 1);
        const bool self_closing = text_[end - 2] == '/';
        if (!in_record_ && std::find(names_.begin(), names_.end(), name) != names_.end()) {
          in_record_ = true;
          record_begin_ = lt;
          count_lines_to(lt, [](std::size_t) {});
          record_line_ = line_;
          record_column_ = column_;
          record_depth_ = open_.size();
        }
        if (!self_closing) {
          open_.push_back(Open{lt, name, quoted});
          if (open_.size() > max_depth_)
            fail(lt, "elements nested more than " + std::to_string(max_depth_) +
                         " deep; an HR export needs a few levels (limit: input.max-depth)");
        }
        pos_ = end;
        if (self_closing && in_record_ && open_.size() == record_depth_) {
          in_record_ = false;
          span = Span{record_begin_, end, record_line_, record_column_};
          return true;
        }
      }
    }
  }

  // Counts the lines of a record's subtree (just returned by next()), handing each line break's
  // offset to `newline`: the record's lines are counted once, for the scanner and its batch.
  template <typename Newline>
  void count_record_lines(const Span& span, Newline&& newline) {
    count_lines_to(span.end, newline);
  }

 private:
  bool starts(std::string_view prefix) const { return text_.compare(pos_, prefix.size(), prefix) == 0; }

  // Lines are counted where a record starts or ends, not at every tag: from `counted_` on, with the
  // column (in code points) kept too, so a file on one line is still counted once.
  template <typename Newline>
  void count_lines_to(std::size_t to, Newline&& newline) {
    std::size_t line_start = std::string_view::npos;
    for (const char* p = text_.data() + counted_, *end = text_.data() + to;
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))); ++p) {
      const auto at = static_cast<std::size_t>(p - text_.data());
      newline(at);
      ++line_;
      line_start = at + 1;
    }
    column_ = line_start == std::string_view::npos ? column_ + code_points(text_, counted_, to)
                                                   : 1 + code_points(text_, line_start, to);
    counted_ = to;
  }

  // Where a tag name ends: whitespace, '/', '>' (a table: this runs for every tag of the file).
  static bool name_end(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>'; }

  void skip_past(const char* end, const char* unclosed) {
    const std::size_t at = text_.find(end, pos_);
    if (at == std::string_view::npos) fail(pos_, unclosed);
    pos_ = at + std::strlen(end);
  }

  // A DOCTYPE (checked by check_prolog) or another declaration: to its '>', past brackets and quotes.
  void skip_declaration() {
    int brackets = 0;
    for (std::size_t i = pos_ + 2; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '"' || c == '\'') i = std::min(text_.find(c, i + 1), text_.size() - 1);
      else if (c == '[') ++brackets;
      else if (c == ']') --brackets;
      else if (c == '>' && brackets <= 0) {
        pos_ = i + 1;
        return;
      }
    }
    fail(pos_, "a declaration opens here and never closes");
  }

  // Just past the "</name>" at `lt` that closes the innermost open element, or 0 when the end tag
  // is not just that (another name, spaces before '>': read as a whole tag then).
  std::size_t closing_tag_end(std::size_t lt) const {
    if (open_.empty() || open_.back().quoted) return 0;
    const std::string_view name = open_.back().name;
    const std::size_t gt = lt + 2 + name.size();
    return gt < text_.size() && text_[gt] == '>' && std::memcmp(text_.data() + lt + 2, name.data(), name.size()) == 0 ? gt + 1 : 0;
  }

  // Just past the '>' of the tag opening at `lt`; quoted attribute values may hold '>'.
  std::size_t tag_end(std::size_t lt) const {
    // Most tags have no quoted value holding '>': find the '>' and look for quotes before it.
    const std::size_t gt = text_.find('>', lt + 1);
    if (gt != std::string_view::npos && std::memchr(text_.data() + lt, '"', gt - lt) == nullptr &&
        std::memchr(text_.data() + lt, '\'', gt - lt) == nullptr)
      return gt + 1;
    for (std::size_t i = lt + 1; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '"' || c == '\'') {
        i = text_.find(c, i + 1);
        if (i == std::string_view::npos) break;
      } else if (c == '>') {
        return i + 1;
      }
    }
    fail(lt, "a tag opens here and never closes");
  }

  [[noreturn]] void fail(std::size_t offset, const std::string& message) const {
    const SourceLocation at = offset >= counted_ ? locate_in(text_, 0, counted_, line_, offset) : locate_in(text_, 0, 0, 1, offset);
    throw InputError(Diagnostic{path_, at.line, at.column, "malformed XML: " + message});
  }

  std::string_view text_;
  const std::vector<std::string>& names_;
  unsigned max_depth_;
  const std::string& path_;
  std::size_t pos_ = 0;
  std::size_t counted_ = 0;  // lines are counted up to here: line_ and column_ are its place
  std::uint32_t line_ = 1, column_ = 1;
  struct Open {  // an open start tag
    std::size_t at;
    std::string_view name;
    bool quoted;
  };
  std::vector<Open> open_;
  bool in_record_ = false;
  std::size_t record_begin_ = 0, record_depth_ = 0;
  std::uint32_t record_line_ = 0, record_column_ = 0;
};

// Locations in a batch of subtrees copied side by side: each piece remembers where it came from,
// and the batch where its line breaks and UTF-8 continuation bytes are (listed while it was
// filled), so a field's line and column are look-ups in its record's lists, not counts through
// the text.
class BatchLocator final : public Locator {
 public:
  struct Piece {
    std::size_t batch_offset, file_offset;
    std::uint32_t line, column;  // where the record starts in the file
    std::size_t breaks_before, continuations_before;  // the batch's line breaks and continuation bytes before it
  };
  BatchLocator(FileIndex file, const std::string& batch, const std::vector<Piece>& pieces, const std::vector<std::size_t>& breaks,
               const std::vector<std::size_t>& continuations)
      : file_(file), batch_(batch), pieces_(pieces), breaks_(breaks), continuations_(continuations) {}

  SourceLocation at(const char* p, const SourceLocation& fallback) const override {
    if (!p || p < batch_.data() || p >= batch_.data() + batch_.size()) return fallback;
    const auto offset = static_cast<std::size_t>(p - batch_.data());
    const Piece* piece = piece_of(offset);
    if (!piece) return fallback;
    const Piece* next = piece + 1 == pieces_.data() + pieces_.size() ? nullptr : piece + 1;
    const std::size_t breaks = below(breaks_, piece->breaks_before, next ? next->breaks_before : breaks_.size(), offset, breaks_hint_);
    const bool first_line = breaks == piece->breaks_before;
    const std::size_t line_start = first_line ? piece->batch_offset : breaks_[breaks - 1] + 1;
    std::size_t column = (first_line ? piece->column : 1) + (offset - line_start);
    if (!continuations_.empty()) {  // not an ASCII batch
      const std::size_t end = next ? next->continuations_before : continuations_.size();
      column -= below(continuations_, piece->continuations_before, end, offset, continuations_hint_) -
                below(continuations_, piece->continuations_before, end, line_start, line_start_hint_);
    }
    return SourceLocation{file_, piece->line + static_cast<std::uint32_t>(breaks - piece->breaks_before),
                          static_cast<std::uint32_t>(column)};
  }
  using Locator::at;

 protected:
  const char* buffer() const override { return batch_.data(); }

 private:
  // The piece holding a batch offset: the last answer's piece, mostly (fields come in document order).
  const Piece* piece_of(std::size_t offset) const {
    const Piece* last = last_piece_;
    if (last && last->batch_offset <= offset && (last + 1 == pieces_.data() + pieces_.size() || offset < last[1].batch_offset))
      return last;
    auto piece = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                                  [](std::size_t o, const Piece& piece) { return o < piece.batch_offset; });
    return last_piece_ = piece == pieces_.begin() ? nullptr : &*(piece - 1);
  }

  // The index of the first entry of sorted list[first, last) at or past `offset`: a few steps on
  // from the last answer (`hint`) when the offset is a little ahead of it, else a binary search.
  static std::size_t below(const std::vector<std::size_t>& list, std::size_t first, std::size_t last, std::size_t offset,
                           std::size_t& hint) {
    std::size_t i = hint;
    if (i < first || i > last || (i > first && list[i - 1] >= offset)) i = first;
    for (int steps = 0; i < last && list[i] < offset; ++i)
      if (++steps == 8) {
        i = static_cast<std::size_t>(std::lower_bound(list.begin() + static_cast<std::ptrdiff_t>(i),
                                                      list.begin() + static_cast<std::ptrdiff_t>(last), offset) - list.begin());
        break;
      }
    return hint = i;
  }

  FileIndex file_;
  const std::string& batch_;
  const std::vector<Piece>& pieces_;
  const std::vector<std::size_t>& breaks_;         // batch offsets of its line breaks
  const std::vector<std::size_t>& continuations_;  // and of its UTF-8 continuation bytes (10xxxxxx)
  mutable const Piece* last_piece_ = nullptr;
  mutable std::size_t breaks_hint_ = 0, continuations_hint_ = 0, line_start_hint_ = 0;
};

// Record subtrees copied side by side, for pugixml to parse together, each followed by a line
// break; where their line breaks and continuation bytes are (parsing in place overwrites some);
// once parsed, the document and its unit and person records.
struct RecordBatch {
  std::string text;
  std::vector<BatchLocator::Piece> pieces;
  std::vector<std::size_t> breaks, continuations;
  bool plain = true;  // no '&' or '\r' in text
  pugi::xml_document doc;
  std::vector<pugi::xml_node> units, persons;
  std::vector<pugi::xml_node> slots;  // each record's children for the mapping's first steps, units then persons

  BatchLocator locator(FileIndex file) const { return BatchLocator(file, text, pieces, breaks, continuations); }

  bool empty() const { return pieces.empty(); }
  bool full() const { return text.size() >= kBatchBytes; }
  void clear() {
    text.clear();
    pieces.clear();
    breaks.clear();
    continuations.clear();
    plain = true;
    doc.reset();
    units.clear();
    persons.clear();
    slots.clear();
  }
  void add(std::string_view text_of_file, const Span& span, Scanner& scanner) {
    const std::size_t base = text.size();
    pieces.push_back({base, span.begin, span.line, span.column, breaks.size(), continuations.size()});
    const std::string_view record = text_of_file.substr(span.begin, span.end - span.begin);
    text.append(record).push_back('\n');
    plain = plain && record.find('&') == std::string_view::npos && record.find('\r') == std::string_view::npos;
    scanner.count_record_lines(span, [&](std::size_t at) { breaks.push_back(base + (at - span.begin)); });
    breaks.push_back(text.size() - 1);
    for_each_continuation(std::string_view(text).substr(base), [&](std::size_t at) { continuations.push_back(base + at); });
  }
};

std::string selector_name(const std::string& selector) {
  static const std::regex descendant("^//([A-Za-z_][A-Za-z0-9_.:-]*)$");
  std::smatch match;
  return std::regex_match(selector, match, descendant) ? match[1].str() : std::string();
}

// Whether a path stays inside the subtree of a record (or climbs only to a record ancestor).
bool stays_inside(const std::string& path, const std::vector<std::string>& names) {
  if (path.empty()) return true;
  if (path.front() == '/' || path.find("..") != std::string::npos || path.find("parent::") != std::string::npos ||
      path.find("preceding") != std::string::npos || path.find("following") != std::string::npos || path.find("id(") != std::string::npos)
    return false;
  for (std::size_t at = path.find("ancestor"); at != std::string::npos; at = path.find("ancestor", at + 1)) {
    std::size_t name = path.find("::", at);
    if (name == std::string::npos) return false;
    name += 2;
    std::size_t end = name;
    while (end < path.size() && (std::isalnum(static_cast<unsigned char>(path[end])) || std::strchr("_.:-", path[end]))) ++end;
    if (std::find(names.begin(), names.end(), path.substr(name, end - name)) == names.end()) return false;
  }
  return true;
}

// The elements the `//name` selectors pick (split_names: the person's, then the unit's), in
// document order, in one walk of the batch: as pugixml's XPath finds them, which walks every node
// for each selector.
void select(const pugi::xml_document& doc, const std::vector<std::string>& split_names, std::vector<pugi::xml_node>& units,
            std::vector<pugi::xml_node>& persons) {
  units.clear();
  persons.clear();
  const char* person = split_names[0].c_str();
  const char* unit = split_names.size() > 1 ? split_names[1].c_str() : nullptr;
  for (pugi::xml_node node = doc.first_child(); node;) {
    if (node.type() == pugi::node_element) {
      const char* name = node.name();  // the first character rules most names out without a call
      if (name[0] == person[0] && std::strcmp(name, person) == 0) persons.push_back(node);
      if (unit && name[0] == unit[0] && std::strcmp(name, unit) == 0) units.push_back(node);
    }
    if (const pugi::xml_node child = node.first_child()) {
      node = child;
      continue;
    }
    while (!node.next_sibling()) {
      node = node.parent();
      if (node == doc) return;
    }
    node = node.next_sibling();
  }
}

}  // namespace

std::vector<std::string> stream_split_names(const Mapping& m) {
  std::vector<std::string> names;
  const std::string person = selector_name(m.person_selector);
  if (person.empty()) return {};
  names.push_back(person);
  if (!m.unit_selector.empty()) {
    const std::string unit = selector_name(m.unit_selector);
    if (unit.empty()) return {};
    names.push_back(unit);
  }
  for (const FieldPath* path : m.paths())
    if (!stays_inside(path->expression(), names)) return {};
  return names;
}

std::string root_element_name(std::string_view text) {
  std::size_t i = 0;
  while ((i = text.find('<', i)) != std::string_view::npos) {
    if (text.compare(i, 4, "<!--") == 0) i = text.find("-->", i);
    else if (text.compare(i, 2, "<?") == 0) i = text.find("?>", i);
    else if (text.compare(i, 2, "<!") == 0) ++i;  // DOCTYPE: its inside holds no '<' that starts an element
    else {
      std::size_t end = i + 1;
      while (end < text.size() && !std::strchr(" \t\r\n/>", text[end])) ++end;
      return std::string(text.substr(i + 1, end - i - 1));
    }
    if (i == std::string_view::npos) break;
  }
  return {};
}

void stream_records(FileBytes& bytes, const std::string& path, FileIndex file, const Mapping& m,
                    const std::vector<std::string>& split_names, unsigned max_depth, XmlRecords& records,
                    detail::Split parse_thread) {
  const std::string_view text = bytes.view();
  Scanner scanner(text, split_names, max_depth, path);
  bool reserved = false;
  const std::vector<const FieldPath*> paths = m.paths();
  const bool text_in_elements = std::none_of(paths.begin(), paths.end(), [](const FieldPath* p) { return p->by_xpath(); });
  // On the scanning thread: pugixml parses the batch and its records are found (the two threads'
  // shares are then about even).
  auto parse = [&](RecordBatch& batch) {
    // Without a '&' or a '\r' in the batch, resolving references and line ends changes nothing: skip it.
    // Paths followed directly read an element's text by child_value(), which finds it stored in the
    // element as well as in a text node of its own: a third fewer nodes to make and walk.
    const unsigned flags = pugi::parse_default | pugi::parse_fragment | (text_in_elements ? pugi::parse_embed_pcdata : 0);
    const pugi::xml_parse_result parsed = batch.doc.load_buffer_inplace(
        batch.text.data(), batch.text.size(), batch.plain ? flags & ~(pugi::parse_escapes | pugi::parse_eol) : flags,
        pugi::encoding_utf8);
    if (!parsed) {
      const SourceLocation at = batch.locator(file).at(batch.text.data() + parsed.offset, SourceLocation{file, 0, 0});
      throw InputError(Diagnostic{path, at.line, at.column, std::string("malformed XML: ") + parsed.description()});
    }
    select(batch.doc, split_names, batch.units, batch.persons);
    const std::size_t slots = m.first_steps.size();
    batch.slots.assign((batch.units.size() + batch.persons.size()) * slots, pugi::xml_node());
    pugi::xml_node* found = batch.slots.data();
    for (const std::vector<pugi::xml_node>* records : {&batch.units, &batch.persons})
      for (const pugi::xml_node& n : *records) {
        Children::find(n, m.first_steps, found);
        found += slots;
      }
  };
  // On the second thread when there is one: the records into people and units.
  auto build = [&](RecordBatch& batch) {
    records.read_from(batch.text);
    const BatchLocator locate = batch.locator(file);
    const std::size_t slots = m.first_steps.size();
    const pugi::xml_node* found = batch.slots.data();
    for (const pugi::xml_node& n : batch.units) {
      records.unit(n, locate, found);
      found += slots;
    }
    for (const pugi::xml_node& n : batch.persons) {
      records.person(n, locate, found);
      found += slots;
    }
    // The file offset where the batch's last record ends (each piece is followed by a line break).
    const std::size_t read = batch.pieces.back().file_offset + (batch.text.size() - 1 - batch.pieces.back().batch_offset);
    if (!reserved && read > 0 && read < text.size()) {
      // Room for the rest at the first batch's rate and a quarter more (too little would copy every
      // person at the last growth, too much is address space only), never more than a person (or
      // unit) per 64 bytes (a hostile file of tiny records first does not reserve gigabytes).
      reserved = true;
      const double rest = static_cast<double>(text.size() - read) / static_cast<double>(read) * 1.25;
      const std::size_t most = (text.size() - read) / 64;
      records.reserve(std::min(static_cast<std::size_t>(rest * static_cast<double>(records.persons())), most),
                      std::min(static_cast<std::size_t>(rest * static_cast<double>(records.units())), most));
    }
    // Lines of later records are counted from their own starts, and a field is never located
    // before its record: the text up to this batch's first record is not needed again.
    bytes.done_before(batch.pieces.front().file_offset);
  };
  std::unique_ptr<BatchThread<RecordBatch>> thread;
  if (detail::split_in_two(parse_thread, text.size(), kParseThreadMinBytes)) thread = std::make_unique<BatchThread<RecordBatch>>(build);
  RecordBatch own;
  auto batch = [&]() -> RecordBatch& { return thread ? thread->current() : own; };
  auto flush = [&](bool always) {
    RecordBatch& full = batch();
    if (full.empty() || (!always && !full.full())) return;
    parse(full);
    if (thread) return thread->send(true);
    build(own);
    own.clear();
  };
  try {
    Span span{};
    while (scanner.next(span)) {
      batch().add(text, span, scanner);
      flush(false);
    }
    flush(true);
  } catch (const InputError&) {
    // Without the thread, the batches before the error were built before it was met, and an error
    // of theirs came first; the batch being filled (or failing to parse) is not built either way.
    if (thread) {
      thread->current().clear();
      thread->wait();
    }
    throw;
  }
  if (thread) thread->wait();
}

}  // namespace orgaudit::import::xml
