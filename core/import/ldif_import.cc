#include "import/ldif_import.h"

#include <cstring>
#include <deque>
#include <unordered_set>

#include "import/directory_records.h"
#include "import/encoding.h"
#include "model/import_log.h"

namespace orgaudit::import {
namespace {

enum Slot : std::size_t { dn_as_written, email, employee_id, user_name };

const DirectoryShape& ldif_shape() {
  static const DirectoryShape shape{
      Preset{"ldif", "LDIF directory entries (RFC 2849)", RowStyle::plain, {}, {}, {}},
      RecordWords{"entry", "attribute"},
      {{Field::id, "dn"},
       {Field::name, "displayName"},
       {Field::first_name, "givenName"},
       {Field::last_name, "sn"},
       {Field::title, "title"},
       {Field::manager, "manager"},
       {Field::unit, "department"}},
      {"dn", "email", "employee-id", "username"}};
  return shape;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// One attribute of an entry: its name as written (options such as `;lang-en` dropped), its value
// (decoded when base64) and where the value starts.
struct Value {
  std::string name;       // short: kept in the string itself, no allocation
  std::string_view text;  // into the file, or into the entry's own storage (folded, decoded)
  SourceLocation where;
  bool base64;
};

// A decoded value that is not UTF-8 is read as Windows-1252 and reported.
struct Entry {
  SourceLocation where;  // of the `dn:` line
  std::size_t offset = 0;
  std::vector<Value> values;
  std::deque<std::string> owned;  // values that are not bytes of the file as they stand

  void clear() {
    values.clear();
    owned.clear();
  }
};

bool name_is(std::string_view name, const char* expected) {
  const std::size_t n = std::strlen(expected);
  if (name.size() != n) return false;
  for (std::size_t i = 0; i < n; ++i)
    if ((name[i] | 0x20) != (expected[i] | 0x20)) return false;
  return true;
}

std::string first_rdn_value(std::string_view dn) {
  const std::size_t equals = dn.find('=');
  if (equals == std::string_view::npos) return std::string(dn);
  std::size_t end = equals + 1;
  while (end < dn.size() && dn[end] != ',' && dn[end] != '+' && dn[end] != ';') end += dn[end] == '\\' ? 2 : 1;
  std::string value(dn.substr(equals + 1, std::min(end, dn.size()) - equals - 1));
  while (!value.empty() && is_space(value.front())) value.erase(0, 1);
  while (!value.empty() && is_space(value.back())) value.pop_back();
  return value;
}

class LdifReader {
 public:
  // Places are counted here line by line as the file is read, so no offset is ever located (the
  // records' locator has no text) and no index of the file's millions of lines is built.
  LdifReader(std::string_view text, Org& org, FileIndex file, const std::string& path, const RecordLimits& limits)
      : text_(text), file_(file), no_offsets_({}, file), records_(org, file, ldif_shape(), no_offsets_, limits, text.size()),
        org_(org), path_(path) {}

  void read() {
    std::size_t at = text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    Entry entry;
    std::string logical;  // a line with its folded continuations
    for (std::uint32_t line_number = 1; at < text_.size(); ++line_number) {
      const std::size_t start = at;
      const std::size_t line_begin = line_number == 1 ? 0 : start;  // before a byte-order mark
      std::size_t end = line_end(at);
      if (end == start) {  // a blank line ends an entry
        finish_entry(entry);
        at = next_line(end);
        continue;
      }
      // Unfold: each following line that starts with one space continues this one. Most lines are
      // not folded, and are read where they are in the file.
      const Place place{line_number, line_begin, end};
      std::size_t next = next_line(end);
      const bool folded = next < text_.size() && text_[next] == ' ';
      if (folded) {
        logical.assign(text_.data() + start, end - start);
        while (next < text_.size() && text_[next] == ' ') {
          const std::size_t cont_end = line_end(next);
          logical.append(text_.data() + next + 1, cont_end - next - (cont_end > next ? 1 : 0));
          next = next_line(cont_end);
          ++line_number;
        }
      }
      at = next;
      const std::string_view line = folded ? std::string_view(logical) : text_.substr(start, end - start);
      if (line[0] == '#') continue;  // a comment, folded or not
      attribute(entry, line, start, place, folded);
    }
    finish_entry(entry);
  }

  void finish(std::vector<Diagnostic>& warnings) {
    cross_check_direct_reports();
    records_.finish(path_, "LDIF entries", "disabled (userAccountControl bit 2)", warnings);
  }

 private:
  std::size_t line_end(std::size_t at) const {
    const void* nl = std::memchr(text_.data() + at, '\n', text_.size() - at);
    std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data()) : text_.size();
    if (end > at && text_[end - 1] == '\r') --end;
    return end;
  }
  std::size_t next_line(std::size_t end) const {
    if (end < text_.size() && text_[end] == '\r') ++end;
    return end < text_.size() ? end + 1 : end;
  }

  // Where a logical line's first physical line lies, to place what is on it.
  struct Place {
    std::uint32_t line;
    std::size_t begin, end;  // of the physical line, without its line break

    // Column of `offset` on this line, in code points as every orgaudit location counts them.
    std::uint32_t column(std::string_view text, std::size_t offset) const {
      std::uint32_t column = 1;
      for (std::size_t i = begin; i < offset; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
      return column;
    }
  };

  SourceLocation at(const Place& place, std::size_t offset) const {
    return SourceLocation{file_, place.line, place.column(text_, offset)};
  }

  void attribute(Entry& entry, std::string_view line, std::size_t offset, const Place& place, bool folded) {
    const SourceLocation line_start = at(place, offset);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      records_.issue_at(ImportIssue::bad_value, "line ignored: '" + std::string(line.substr(0, 40)) + "' is not 'attribute: value'",
                        "", line_start);
      return;
    }
    std::string_view name(line.data(), colon);
    if (const auto semicolon = name.find(';'); semicolon != std::string_view::npos) name = name.substr(0, semicolon);
    std::size_t value_at = colon + 1;
    const bool base64 = value_at < line.size() && line[value_at] == ':';
    const bool url = value_at < line.size() && line[value_at] == '<';
    if (base64 || url) ++value_at;
    while (value_at < line.size() && is_space(line[value_at])) ++value_at;
    if (entry.values.empty() && !name_is(name, "dn")) {
      if (name_is(name, "version")) return;  // `version: 1` heads the file
      records_.issue_at(ImportIssue::skipped_row, "entry skipped: it does not start with 'dn:'", "", line_start);
      entry.where = line_start;
      entry.offset = offset;
      entry.values.push_back({"", "", line_start, false});  // the rest of the entry is ignored with it
      return;
    }
    if (entry.values.empty()) {
      entry.where = line_start;
      entry.offset = offset;
    }
    if (url) return;  // a value by URL (`jpegPhoto:< file:///...`) is nothing orgaudit reads
    std::string_view value = line.substr(value_at);
    if (folded) value = entry.owned.emplace_back(value);  // `line` is the reused unfolding buffer
    // Placed on the attribute's first line (a folded value starts there).
    entry.values.push_back({std::string(name), value, at(place, offset + std::min(value_at, place.end - offset)), base64});
  }

  // The value of `value` as text, decoding base64; false (with an issue) when it does not decode.
  bool text_of(Entry& entry, Value& value, std::string_view entity) {
    if (!value.base64) return true;
    std::string decoded;
    if (!decode_base64(value.text, decoded)) {
      records_.issue_at(ImportIssue::bad_value, "the base64 value of '" + std::string(value.name) + "' does not decode; ignored",
                        std::string(entity), value.where);
      return false;
    }
    if (first_invalid_utf8(decoded) != std::string::npos) {
      records_.issue_at(ImportIssue::bad_value, "the base64 value of '" + std::string(value.name) +
                                                    "' is not UTF-8 once decoded; read as Windows-1252",
                        std::string(entity), value.where);
      decoded = repair_utf8(decoded);
    }
    value.text = entry.owned.emplace_back(std::move(decoded));
    return true;
  }

  static bool is_person(const Entry& entry) {
    bool classes = false, person = false;
    for (const Value& v : entry.values) {
      if (!name_is(v.name, "objectClass")) continue;
      classes = true;
      if (name_is(v.text, "computer")) return false;  // AD computers are users too, by class
      person |= name_is(v.text, "person") || name_is(v.text, "organizationalPerson") || name_is(v.text, "inetOrgPerson") ||
                name_is(v.text, "user");
    }
    return person || !classes;  // an export of chosen attributes may leave objectClass out
  }

  // Reads the entry, then empties it for the next (keeping its buffers).
  void finish_entry(Entry& entry) {
    if (entry.values.empty()) return;
    read_entry(entry);
    entry.clear();
  }

  void read_entry(Entry& current) {
    if (current.values.front().name.empty()) return;  // skipped: no dn
    Value& dn = current.values.front();
    std::string& id = id_;
    if (!text_of(current, dn, "") || (normalise_dn(dn.text, id), id.empty())) {
      records_.begin_at(current.where);
      records_.skip("its DN is empty or does not decode");
      return;
    }
    if (!is_person(current)) return;  // organizational units, groups, computers: not people
    records_.begin_at(current.where, current.offset);
    records_.set_at(Field::id, id, dn.where);
    records_.set_attribute_at(dn_as_written, dn.text, dn.where);
    bool disabled = false, named = false;
    for (std::size_t i = 1; i < current.values.size(); ++i) {
      Value& v = current.values[i];
      const std::string_view n = v.name;
      if (name_is(n, "directReports")) {
        if (text_of(current, v, id)) reports_.push_back({id, normalise_dn(v.text), v.where});
        continue;
      }
      if (name_is(n, "userAccountControl")) {
        disabled = (std::strtoul(std::string(v.text).c_str(), nullptr, 10) & 2u) != 0;
        continue;
      }
      const bool display = name_is(n, "displayName");
      Field field = Field::count;
      std::size_t slot = static_cast<std::size_t>(-1);
      if (display || (name_is(n, "cn") && !named)) field = Field::name;
      else if (name_is(n, "givenName")) field = Field::first_name;
      else if (name_is(n, "sn")) field = Field::last_name;
      else if (name_is(n, "title")) field = Field::title;
      else if (name_is(n, "department")) field = Field::unit;
      else if (name_is(n, "manager")) field = Field::manager;
      else if (name_is(n, "mail")) slot = email;
      else if (name_is(n, "employeeID") || name_is(n, "employeeNumber")) slot = employee_id;
      else if (name_is(n, "uid") || name_is(n, "sAMAccountName")) slot = user_name;
      else continue;
      if (!text_of(current, v, id)) continue;
      if (field == Field::manager) {
        normalise_dn(v.text, manager_);
        records_.set_at(field, manager_, v.where);
      } else if (field != Field::count) records_.set_at(field, v.text, v.where);
      else records_.set_attribute_at(slot, v.text, v.where);
      named |= display;
    }
    // Nothing names the person: the DN's first value does ("Ada" of "CN=Ada,OU=Users").
    if (records_.value(Field::name).empty() && records_.value(Field::first_name).empty() && records_.value(Field::last_name).empty())
      records_.set_at(Field::name, first_rdn_value(dn.text), dn.where);
    if (disabled) {
      records_.leave_out();
      disabled_.insert(id);
    } else {
      records_.add();
    }
  }

  // AD writes each manager's `directReports` back-link: one that disagrees with the reports' own
  // `manager` says the export is inconsistent (a partial export, a replication lag).
  void cross_check_direct_reports() {
    if (reports_.empty()) return;
    records_.wait_for_rows();  // the people, all of them
    std::unordered_map<std::string_view, PersonIndex> people;
    for (PersonIndex p = 0; p < org_.people.size(); ++p) people.emplace(org_.people[p].id, p);
    auto name = [&](std::string_view id) {  // messages name people as the audit does
      const auto found = people.find(id);
      const bool named = found != people.end() && !org_.people[found->second].name.empty();
      return std::string("'").append(named ? org_.people[found->second].name.view() : id).append("'");
    };
    for (const Report& r : reports_) {
      if (disabled_.count(r.report)) continue;
      const auto found = people.find(r.report);
      if (found == people.end()) {
        records_.issue_at(ImportIssue::bad_value, "directReports of " + name(r.manager) + " lists '" + r.report +
                                                      "', who is not in this export", r.manager, r.where);
        continue;
      }
      const Person& report = org_.people[found->second];
      if (report.manager_id == r.manager) continue;
      records_.issue_at(ImportIssue::bad_value, "directReports of " + name(r.manager) + " lists " + name(report.id) +
                                                    ", whose manager is " + (report.manager_id.empty() ? std::string("not set") : name(report.manager_id)),
                                  r.manager, r.where);
    }
  }

  struct Report {
    std::string manager, report;
    SourceLocation where;
  };

  std::string_view text_;
  FileIndex file_;
  TextLocator no_offsets_;
  DirectoryRecords records_;
  Org& org_;
  const std::string& path_;
  std::string id_, manager_;  // the current entry's normalised DN and manager, their room reused
  std::unordered_set<std::string> disabled_;
  std::vector<Report> reports_;
};

int base64_digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

bool decode_base64(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size() / 4 * 3 + 2);
  std::uint32_t bits = 0;
  int count = 0, padding = 0;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    const int digit = base64_digit(c);
    if (digit < 0 || padding > 0) return false;  // not base64, or data after the padding
    bits = (bits << 6) | static_cast<std::uint32_t>(digit);
    if (++count == 4) {
      out += static_cast<char>((bits >> 16) & 0xFF);
      out += static_cast<char>((bits >> 8) & 0xFF);
      out += static_cast<char>(bits & 0xFF);
      bits = 0;
      count = 0;
    }
  }
  if (count == 1 || padding > 2) return false;
  if (count == 2) out += static_cast<char>((bits >> 4) & 0xFF);
  if (count == 3) {
    out += static_cast<char>((bits >> 10) & 0xFF);
    out += static_cast<char>((bits >> 2) & 0xFF);
  }
  return true;
}

std::string normalise_dn(std::string_view dn) {
  std::string out;
  normalise_dn(dn, out);
  return out;
}

void normalise_dn(std::string_view dn, std::string& out) {
  out.clear();
  // Most DNs have no escape and no space: lower case, `;` read as `,`, is all there is to do.
  if (dn.find_first_of("\\ \t") == std::string_view::npos) {
    out.resize(dn.size());
    for (std::size_t i = 0; i < dn.size(); ++i) {
      const char c = dn[i];
      out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c == ';' ? ',' : c;
    }
    return;
  }
  out.reserve(dn.size());
  bool in_value = false, pending_space = false;
  bool after_separator = true;  // nothing of the current type or value written yet
  for (std::size_t i = 0; i < dn.size(); ++i) {
    char c = dn[i];
    if (c == '\\' && i + 1 < dn.size()) {  // an escaped character, as `\,` or as hex `\2C`
      char escaped = dn[i + 1];
      ++i;
      auto hex = [](char h) { return h >= '0' && h <= '9' ? h - '0' : (h | 0x20) >= 'a' && (h | 0x20) <= 'f' ? (h | 0x20) - 'a' + 10 : -1; };
      if (i + 1 < dn.size() && hex(escaped) >= 0 && hex(dn[i + 1]) >= 0) {
        escaped = static_cast<char>(hex(escaped) * 16 + hex(dn[i + 1]));
        ++i;
      }
      if (pending_space) out += ' ';
      pending_space = false;
      after_separator = false;
      if (std::strchr(",+\"\\<>;=", escaped) && escaped) out += '\\';
      out += escaped >= 'A' && escaped <= 'Z' ? static_cast<char>(escaped | 0x20) : escaped;
      continue;
    }
    if (is_space(c)) {
      pending_space = in_value && !after_separator;
      continue;
    }
    if (c == ',' || c == ';' || c == '+' || c == '=') {  // separators: no space around them
      pending_space = false;
      out += c == ';' ? ',' : c;
      in_value = c == '=';
      after_separator = true;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    after_separator = false;
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
  }
}

void load_ldif(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
               std::vector<Diagnostic>& warnings, Progress& progress) {
  read_whole_export(files, path, options, org, progress, [&](std::string_view text, FileIndex file) {
    LdifReader reader(text, org, file, path, options.limits);
    reader.read();
    reader.finish(warnings);
  });
}

}  // namespace orgaudit::import
