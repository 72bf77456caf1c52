#include "import/yaml_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "import/encoding.h"

namespace orgaudit::import {
namespace {

bool safe_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == '/' || c == ' ';
}

// Words YAML 1.1 and 1.2 read as booleans or null, in any of their spellings.
bool special_word(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const char* word : {"y", "n", "yes", "no", "true", "false", "on", "off", "null"})
    if (lower == word) return true;
  return false;
}

std::string number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

class Writer {
 public:
  void key(int indent, const char* name) { out_.append(indent, ' ').append(name).append(":"); }
  void text(int indent, const char* name, std::string_view value) {
    if (value.empty()) return;
    key(indent, name);
    out_ += " " + yaml_scalar(value) + "\n";
  }
  void raw(int indent, const char* name, const std::string& value) {
    key(indent, name);
    out_ += " " + value + "\n";
  }
  void flag(int indent, const char* name, bool on) {
    if (on) raw(indent, name, "true");
  }
  template <typename Texts>
  void list(int indent, const char* name, const Texts& items) {
    if (items.empty()) return;
    key(indent, name);
    out_ += " [";
    for (std::size_t i = 0; i < items.size(); ++i) out_ += (i ? ", " : "") + yaml_scalar(items[i]);
    out_ += "]\n";
  }
  template <typename Attributes>
  void attributes(int indent, const Attributes& attributes) {
    if (attributes.empty()) return;
    key(indent, "attributes");
    out_ += "\n";
    for (const Attribute& a : attributes) data_key(indent + 2, a.key) += " " + yaml_scalar(a.value) + "\n";
  }
  void table(int indent, const char* name, const PeriodTable& table) {
    if (table.empty() && table.periods.empty()) return;
    key(indent, name);
    out_ += "\n";
    list(indent + 2, "periods", table.periods);
    for (const MetricSeries& s : table.series) {
      data_key(indent + 2, s.name) += " [";
      for (std::size_t i = 0; i < s.values.size(); ++i) out_ += (i ? ", " : "") + number(s.values[i]);
      out_ += "]\n";
    }
  }
  std::string& out() { return out_; }

 private:
  // A key taken from the input (an export's column name), up to its ':'. YAML allows an implicit
  // key of at most 1024 characters; a longer one is written as an explicit key (`? key` on a line
  // of its own), which any length may be.
  std::string& data_key(int indent, std::string_view name) {
    const std::string key = yaml_scalar(name);
    out_.append(static_cast<std::size_t>(indent), ' ');
    if (key.size() > kImplicitKeyLimit) out_.append("? ").append(key).append("\n").append(static_cast<std::size_t>(indent), ' ');
    else out_ += key;
    return out_ += ":";
  }
  static constexpr std::size_t kImplicitKeyLimit = 1000;  // bytes, so below 1024 characters


  std::string out_;
};

void write_unit(Writer& w, const Unit& u) {
  w.out() += "  - id: " + yaml_scalar(u.id) + "\n";
  w.text(4, "name", u.name);
  if (u.kind != UnitKind::unspecified) w.raw(4, "kind", to_string(u.kind));
  w.text(4, "parent", u.parent_id);
  w.text(4, "owner", u.owner_id);
  w.flag(4, "user_facing", u.user_facing);
  w.list(4, "members", u.member_ids);
  if (u.rights().stated) {
    w.key(4, "rights");
    w.out() += "\n";
    w.text(6, "decision", u.rights().decision.holder);
    w.text(6, "people", u.rights().people.holder);
    w.text(6, "pay", u.rights().pay.holder);
    if (!u.rights().decision.stated() && !u.rights().people.stated() && !u.rights().pay.stated()) w.out().back() = ' ', w.out() += "{}\n";
  }
  w.table(4, "metrics", u.metrics());
  if (u.contract().present) {
    w.key(4, "contract");
    w.out() += "\n";
    if (u.contract().updated) w.raw(6, "updated", u.contract().updated->to_string());
    w.list(6, "objectives", u.contract().objectives);
    w.text(6, "value_sharing", u.contract().value_sharing);
    if (u.contract().loss_threshold) w.raw(6, "loss_threshold", number(*u.contract().loss_threshold));
    if (!u.contract().updated && u.contract().objectives.empty() && u.contract().value_sharing.empty() && !u.contract().loss_threshold)
      w.out().back() = ' ', w.out() += "{}\n";
  }
  w.table(4, "win_win", u.win_win());
  w.attributes(4, u.attributes);
}

void write_person(Writer& w, const Person& p) {
  w.out() += "  - id: " + yaml_scalar(p.id) + "\n";
  w.text(4, "name", p.name);
  w.text(4, "title", p.title);
  w.text(4, "grade", p.grade);
  w.text(4, "manager", p.manager_id);
  w.list(4, "dotted", p.dotted_ids);
  w.text(4, "unit", p.unit_id);
  w.text(4, "hiring_approver", p.approver(&Approvers::hiring_id));
  w.text(4, "pay_approver", p.approver(&Approvers::pay_id));
  if (p.fte != 1.0) w.raw(4, "fte", number(p.fte));
  w.flag(4, "assistant", p.has(kAssistant));
  w.flag(4, "contractor", p.has(kContractor));
  w.flag(4, "vacant", p.has(kVacant));
  w.flag(4, "user_facing", p.has(kUserFacing));
  w.flag(4, "external", p.has(kExternal));
  w.flag(4, "aggregate", p.has(kAggregate));
  w.flag(4, "top", p.has(kDeclaredRoot));
  w.attributes(4, p.attributes);
}

}  // namespace

std::string yaml_scalar(std::string_view text) {
  const bool plain = !text.empty() && text.front() != ' ' && text.front() != '-' && text.front() != '.' &&
                     text.back() != ' ' && !(text.front() >= '0' && text.front() <= '9') && !special_word(text) &&
                     std::all_of(text.begin(), text.end(), safe_char);
  if (plain) return std::string(text);
  // Double-quoted: the one YAML style where every character can be written, escaped.
  const std::string utf8 = first_invalid_utf8(text) == std::string_view::npos ? std::string(text) : repair_utf8(text);
  std::string out = "\"";
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\x%02X", c);
      out += escape;
    } else if (c == 0xC2 && i + 1 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) == 0x85) {
      out += "\\N";  // NEL: a line break to YAML
      ++i;
    } else if (c == 0xE2 && i + 2 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(utf8[i + 2]) == 0xA8 || static_cast<unsigned char>(utf8[i + 2]) == 0xA9)) {
      out += static_cast<unsigned char>(utf8[i + 2]) == 0xA8 ? "\\L" : "\\P";  // line and paragraph separators
      i += 2;
    } else if (c == 0xEF && i + 2 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) == 0xBB &&
               static_cast<unsigned char>(utf8[i + 2]) == 0xBF) {
      out += "\\uFEFF";  // a byte order mark inside a value
      i += 2;
    } else if (c == 0xC2 && i + 1 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) < 0xA0) {
      char escape[8];  // the other C1 controls, which YAML (and the loader) take only escaped
      std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned char>(utf8[i + 1]));
      out += escape;
      ++i;
    } else if (c == 0xEF && i + 2 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) == 0xBF &&
               static_cast<unsigned char>(utf8[i + 2]) >= 0xBE) {
      out += static_cast<unsigned char>(utf8[i + 2]) == 0xBE ? "\\uFFFE" : "\\uFFFF";  // noncharacters, likewise
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string write_org_yaml(const Org& org, const std::vector<std::string>& sources, const EntityComments& comments) {
  auto comment_lines = [](std::string& out, const auto& by_index, std::uint32_t index) {
    const auto found = by_index.find(index);
    if (found == by_index.end()) return;
    for (const std::string& line : found->second) {
      out += "  #";
      for (char c : line) out += c == '\n' || c == '\r' ? ' ' : c;  // one comment line, whatever the text
      out += "\n";
    }
  };
  Writer w;
  std::string& out = w.out();
  out.reserve(org.people.size() * 120 + org.units.size() * 80 + 256);
  out += "# Written by `orgaudit convert` from:";
  for (const std::string& s : sources) out += " " + yaml_scalar(s);
  out += "\n# Org-chart-as-code (docs/org-format.md): review it, then keep it in version control.\norgaudit: 1\n";
  if (!org.name.empty() || org.as_of) {
    out += "\norg:\n";
    w.text(2, "name", org.name);
    if (org.as_of) w.raw(2, "as_of", org.as_of->to_string());
  }
  out += "\nunits:";
  out += org.units.empty() ? " []\n" : "\n";
  for (UnitIndex u = 0; u < org.units.size(); ++u) {
    comment_lines(out, comments.units, u);
    write_unit(w, org.units[u]);
  }
  out += "\npeople:";
  out += org.people.empty() ? " []\n" : "\n";
  for (PersonIndex p = 0; p < org.people.size(); ++p) {
    comment_lines(out, comments.people, p);
    write_person(w, org.people[p]);
  }
  if (!org.links.empty()) {
    out += "\nlinks:\n";
    for (const Link& l : org.links) {
      out += "  - {from: " + yaml_scalar(l.from.id) + ", to: " + yaml_scalar(l.to.id);
      if (l.kind != LinkKind::collaboration) out += ", kind: " + std::string(to_string(l.kind));
      if (l.weight != 1.0) out += ", weight: " + number(l.weight);
      out += "}\n";
    }
  }
  return out;
}

}  // namespace orgaudit::import
