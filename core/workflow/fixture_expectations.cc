#include "workflow/fixture_expectations.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <sstream>
#include <tuple>

#include "util/text.h"

namespace orgaudit::fixtures {
namespace {

bool valid_rule_id(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

constexpr const char* kMessageKey = "message=";
constexpr std::size_t kMessageKeyLength = 8;

// Where the quoted text or pattern that opens at `open` (its delimiter) ends: the index of the
// closing delimiter, or npos. A backslash always takes the next character with it.
std::size_t closing_delimiter(const std::string& text, std::size_t open) {
  const char delimiter = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] == '\\') ++i;
    else if (text[i] == delimiter) return i;
  }
  return std::string::npos;
}

// The list after `# expect:`, cut at commas and at a note's `#`, neither of which counts inside a
// message's quotes or pattern. Empty when a quote or pattern is not closed (`error` says so).
std::vector<std::string> split_items(const std::string& list, std::string& error) {
  std::vector<std::string> items(1);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const char c = list[i];
    if (c == '#') break;
    if (c == ',') {
      items.emplace_back();
      continue;
    }
    if (list.compare(i, kMessageKeyLength, kMessageKey) == 0 && i + kMessageKeyLength < list.size() &&
        (list[i + kMessageKeyLength] == '"' || list[i + kMessageKeyLength] == '/')) {
      const std::size_t close = closing_delimiter(list, i + kMessageKeyLength);
      if (close == std::string::npos) {
        error = "the message in '" + trim(list.substr(i)) + "' is not closed";
        return {};
      }
      items.back() += list.substr(i, close + 1 - i);
      i = close;
      continue;
    }
    items.back() += c;
  }
  return items;
}

// The text between a message's delimiters, with `\"`/`\\` (quoted) or `\/` (pattern) unescaped.
bool unescape(const std::string& body, char delimiter, std::string& out) {
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    const char next = ++i < body.size() ? body[i] : '\0';
    if (next == delimiter) out += next;
    else if (delimiter == '"' && next == '\\') out += next;
    else if (delimiter == '/' && next != '\0') out += std::string{'\\', next};  // the regex's own escape
    else return false;
  }
  return true;
}

// One `message=...` at the start of `attribute`; sets `length` to the characters it took.
bool parse_message(const std::string& attribute, MessageExpectation& out, std::size_t& length) {
  const char delimiter = attribute[kMessageKeyLength];
  if (delimiter != '"' && delimiter != '/') return false;
  const std::size_t close = closing_delimiter(attribute, kMessageKeyLength);
  if (close == std::string::npos) return false;
  length = close + 1;
  out.is_pattern = delimiter == '/';
  if (!unescape(attribute.substr(kMessageKeyLength + 1, close - kMessageKeyLength - 1), delimiter, out.text)) return false;
  if (!out.is_pattern) return true;
  try {
    out.pattern = std::regex(out.text, std::regex::ECMAScript);
  } catch (const std::regex_error&) {
    return false;
  }
  return true;
}

// "rule-id[:severity] [col=N] [message="..." | message=/.../]".
bool parse_expectation(const std::string& item, std::uint32_t line, ExpectedFinding& out) {
  out.line = line;
  std::size_t end = 0;
  while (end < item.size() && !std::isspace(static_cast<unsigned char>(item[end]))) ++end;
  const std::string head = item.substr(0, end);
  const std::size_t colon = head.find(':');
  out.rule_id = head.substr(0, colon);
  if (colon != std::string::npos) {
    out.severity = parse_severity(head.substr(colon + 1));
    if (!out.severity) return false;
  }
  if (!valid_rule_id(out.rule_id)) return false;
  std::string rest = item.substr(end);
  while (!(rest = trim(rest)).empty()) {
    if (rest.rfind("col=", 0) == 0 && !out.column) {
      std::size_t digits = 4;
      while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
      if (digits == 4 || digits > 4 + 6) return false;  // a column, not a number that overflows
      out.column = static_cast<std::uint32_t>(std::stoul(rest.substr(4, digits - 4)));
      rest = rest.substr(digits);
    } else if (rest.rfind(kMessageKey, 0) == 0 && rest.size() > kMessageKeyLength && !out.message) {
      MessageExpectation message;
      std::size_t length = 0;
      if (!parse_message(rest, message, length)) return false;
      out.message = std::move(message);
      rest = rest.substr(length);
    } else {
      return false;
    }
    // Attributes are separated by white space.
    if (!rest.empty() && !std::isspace(static_cast<unsigned char>(rest[0]))) return false;
  }
  return true;
}

bool satisfies(const ActualFinding& a, const ExpectedFinding& e) {
  return e.line == a.line && e.rule_id == a.rule_id && (!e.severity || *e.severity == a.severity) &&
         (!e.column || *e.column == a.column) && (!e.message || e.message->matches(a.message));
}

std::string describe(const ExpectedFinding& e) {
  std::string out = (e.severity ? std::string(to_string(*e.severity)) + ": " : std::string()) + "[" + e.rule_id + "]";
  if (e.column) out += " col=" + std::to_string(*e.column);
  if (e.message) {
    const char delimiter = e.message->is_pattern ? '/' : '"';
    out += std::string(" message=") + delimiter + e.message->text + delimiter;
  }
  return out;
}

}  // namespace

bool MessageExpectation::matches(const std::string& message) const {
  return is_pattern ? std::regex_search(message, pattern) : message == text;
}

FixtureComments parse_fixture_comments(std::istream& text) {
  static const std::string kExpect = "# expect:";
  static const std::string kOption = "# option:";
  FixtureComments out;
  std::string line;
  for (std::uint32_t number = 1; std::getline(text, line); ++number) {
    const std::string where = std::to_string(number) + ": ";
    const std::string stripped = trim(line);
    if (stripped.rfind(kOption, 0) == 0) {
      const std::string setting = trim(stripped.substr(kOption.size()));
      const std::size_t equals = setting.find('=');
      if (equals == std::string::npos || trim(setting.substr(0, equals)).empty())
        out.errors.push_back(where + "expected '# option: name=value', got '" + stripped + "'");
      else
        out.options[trim(setting.substr(0, equals))] = trim(setting.substr(equals + 1));
      continue;
    }
    const std::size_t at = line.find(kExpect);
    if (at == std::string::npos) continue;
    std::string error;
    const std::vector<std::string> items = split_items(line.substr(at + kExpect.size()), error);
    if (!error.empty()) out.errors.push_back(where + error);
    for (const std::string& item : items) {
      ExpectedFinding expected;
      if (parse_expectation(trim(item), number, expected))
        out.expected.push_back(std::move(expected));
      else
        out.errors.push_back(where + "'" + trim(item) +
                             "' is not 'rule-id[:severity] [col=N] [message=\"text\" or message=/pattern/]'");
    }
  }
  return out;
}

// A maximum matching of expectations to findings (augmenting paths): with several findings on one
// line, a greedy choice could give an expectation the one finding another needed, and report a
// mismatch that is not there. Fixtures have a handful of findings a line, so the cost is nil.
FixtureDiff compare_findings(const std::vector<ExpectedFinding>& expected,
                             const std::vector<ActualFinding>& actual) {
  constexpr std::size_t kFree = static_cast<std::size_t>(-1);
  std::vector<std::size_t> owner(actual.size(), kFree);  // actual -> the expectation it satisfies
  std::vector<bool> visited;
  const std::function<bool(std::size_t)> assign = [&](std::size_t e) {
    for (std::size_t a = 0; a < actual.size(); ++a) {
      if (visited[a] || !satisfies(actual[a], expected[e])) continue;
      visited[a] = true;
      if (owner[a] == kFree || assign(owner[a])) {
        owner[a] = e;
        return true;
      }
    }
    return false;
  };
  FixtureDiff diff;
  for (std::size_t e = 0; e < expected.size(); ++e) {
    visited.assign(actual.size(), false);
    if (!assign(e)) diff.missing.push_back(expected[e]);
  }
  for (std::size_t a = 0; a < actual.size(); ++a)
    if (owner[a] == kFree) diff.unexpected.push_back(actual[a]);
  std::stable_sort(diff.missing.begin(), diff.missing.end(), [](const ExpectedFinding& a, const ExpectedFinding& b) {
    return std::tie(a.line, a.rule_id) < std::tie(b.line, b.rule_id);
  });
  return diff;
}

std::string format_diff(const std::string& path, const FixtureDiff& diff) {
  std::ostringstream out;
  out << path << ": " << diff.missing.size() << " missing, " << diff.unexpected.size()
      << " unexpected finding" << (diff.unexpected.size() == 1 ? "" : "s") << "\n";
  for (const ExpectedFinding& e : diff.missing) out << "  missing:    " << path << ":" << e.line << ": " << describe(e) << "\n";
  for (const ActualFinding& a : diff.unexpected)
    out << "  unexpected: " << path << ":" << a.line << ":" << a.column << ": " << to_string(a.severity) << ": "
        << a.message << " [" << a.rule_id << "]\n";
  return out.str();
}

}  // namespace orgaudit::fixtures
