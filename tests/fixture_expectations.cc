#include "fixture_expectations.h"

#include <algorithm>
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

// "rule-id" or "rule-id:severity".
bool parse_expectation(const std::string& item, std::uint32_t line, ExpectedFinding& out) {
  out.line = line;
  const std::size_t colon = item.find(':');
  out.rule_id = trim(item.substr(0, colon));
  if (colon != std::string::npos) {
    out.severity = parse_severity(trim(item.substr(colon + 1)));
    if (!out.severity) return false;
  }
  return valid_rule_id(out.rule_id);
}

bool same_place(const ExpectedFinding& e, const ActualFinding& a) {
  return e.line == a.line && e.rule_id == a.rule_id && (!e.severity || *e.severity == a.severity);
}

}  // namespace

FixtureComments parse_fixture_comments(std::istream& text) {
  static const std::string kExpect = "# expect:";
  static const std::string kOption = "# option:";
  FixtureComments out;
  std::string line;
  for (std::uint32_t number = 1; std::getline(text, line); ++number) {
    const std::string where = "line " + std::to_string(number) + ": ";
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
    std::string list = line.substr(at + kExpect.size());
    list = list.substr(0, list.find('#'));  // a trailing "# note" is for readers
    for (const std::string& item : split(list, ',')) {
      ExpectedFinding expected;
      if (parse_expectation(trim(item), number, expected))
        out.expected.push_back(expected);
      else
        out.errors.push_back(where + "'" + trim(item) + "' is not 'rule-id' or 'rule-id:severity'");
    }
  }
  return out;
}

FixtureDiff compare_findings(const std::vector<ExpectedFinding>& expected,
                             const std::vector<ActualFinding>& actual) {
  FixtureDiff diff;
  std::vector<bool> used(actual.size(), false);
  // Expectations that pin a severity first: they can only take a finding of that severity, so
  // letting the unpinned ones choose first could steal it and report a false mismatch.
  std::vector<const ExpectedFinding*> order;
  for (const ExpectedFinding& e : expected) order.push_back(&e);
  std::stable_partition(order.begin(), order.end(), [](const ExpectedFinding* e) { return e->severity.has_value(); });
  for (const ExpectedFinding* e : order) {
    bool found = false;
    for (std::size_t i = 0; i < actual.size() && !found; ++i) {
      if (used[i] || !same_place(*e, actual[i])) continue;
      used[i] = true;
      found = true;
    }
    if (!found) diff.missing.push_back(*e);
  }
  for (std::size_t i = 0; i < actual.size(); ++i)
    if (!used[i]) diff.unexpected.push_back(actual[i]);
  std::sort(diff.missing.begin(), diff.missing.end(), [](const ExpectedFinding& a, const ExpectedFinding& b) {
    return std::tie(a.line, a.rule_id) < std::tie(b.line, b.rule_id);
  });
  return diff;
}

std::string format_diff(const std::string& path, const FixtureDiff& diff) {
  std::ostringstream out;
  out << path << ": " << diff.missing.size() << " missing, " << diff.unexpected.size()
      << " unexpected finding" << (diff.unexpected.size() == 1 ? "" : "s") << "\n";
  for (const ExpectedFinding& e : diff.missing)
    out << "  missing:    " << path << ":" << e.line << ": "
        << (e.severity ? std::string(to_string(*e.severity)) + ": " : std::string()) << "[" << e.rule_id << "]\n";
  for (const ActualFinding& a : diff.unexpected)
    out << "  unexpected: " << path << ":" << a.line << ": " << to_string(a.severity) << ": " << a.message << " ["
        << a.rule_id << "]\n";
  return out.str();
}

}  // namespace orgaudit::fixtures
