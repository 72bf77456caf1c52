#include "engine/engine.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace orgaudit {
namespace {

class RuleSink final : public FindingSink {
 public:
  RuleSink(const Org& org, const ConfiguredRule& rule, std::vector<Finding>& out, RuleOutcome& outcome)
      : org_(org), rule_(rule), out_(out), outcome_(outcome) {}

  FindingBuilder report(EntityRef entity, std::string message) override {
    return report(entity, rule_.severity, std::move(message));
  }

  FindingBuilder report(EntityRef entity, Severity severity, std::string message) override {
    Finding& f = start(severity, std::move(message));
    f.where = entity.kind == EntityRef::person ? org_.people.at(entity.index).where : org_.units.at(entity.index).where;
    return builder_of_last().concerns(entity);
  }

  FindingBuilder report_at(const SourceLocation& where, std::string message) override {
    return report_at(where, rule_.severity, std::move(message));
  }

  FindingBuilder report_at(const SourceLocation& where, Severity severity, std::string message) override {
    start(severity, std::move(message)).where = where;
    return builder_of_last();
  }

  void assessed(EntityRef entity) override {
    std::vector<bool>& seen = entity.kind == EntityRef::person ? outcome_.assessed_people : outcome_.assessed_units;
    if (seen.empty()) seen.resize(entity.kind == EntityRef::person ? org_.people.size() : org_.units.size());
    if (entity.index >= seen.size() || seen[entity.index]) return;  // each entity is one of the population once
    seen[entity.index] = true;
    ++outcome_.assessed;
  }

  void assessed_records(std::size_t record_count) override {
    outcome_.assessed_records += record_count;
    outcome_.assessed += record_count;
  }

  void not_assessed(const std::string& missing_data) override {
    if (outcome_.not_assessed) return;  // once per rule, however often a rule says it
    outcome_.not_assessed = true;
    Finding& f = start(Severity::info, "not assessed: this org has no " + missing_data +
                                           "; add it to enable " + rule_.entry->info.id);
    f.where = SourceLocation{0, 1, 1};
    f.not_assessed_note = true;
  }

 private:
  FindingBuilder builder_of_last() { return FindingBuilder(out_, out_.size() - 1, org_); }

  Finding& start(Severity severity, std::string message) {
    Finding& f = out_.emplace_back();
    f.rule_id = rule_.entry->info.id;
    f.dimension = rule_.entry->info.dimension;
    // A severity the user set for the rule replaces the rule's own choice, for the finding and for
    // everyone it affects (applied when the rule is done, once the affected are known).
    f.severity = rule_.severity_overridden ? rule_.severity : severity;
    f.message = std::move(message);
    return f;
  }

  const Org& org_;
  const ConfiguredRule& rule_;
  std::vector<Finding>& out_;
  RuleOutcome& outcome_;
};

std::uint64_t fingerprint_hash(const std::string& rule_id, const std::string& key,
                               const std::vector<std::string>& entity_ids) {
  std::uint64_t hash = 1469598103934665603ull;
  auto mix = [&hash](const std::string& text) {
    for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
    hash = (hash ^ 0x1f) * 1099511628211ull;  // separator, so ("ab","c") != ("a","bc")
  };
  mix(rule_id);
  mix(key);
  for (const std::string& id : entity_ids) mix(id);
  return hash;
}

std::string format_fingerprint(std::uint64_t hash) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%s%016llx", kFingerprintKind, static_cast<unsigned long long>(hash));
  return buffer;
}

void assign_fingerprints(std::vector<Finding>& findings) {
  // Two findings of one rule and key on the same entities get an occurrence suffix, in the
  // deterministic sort order, so every fingerprint stays unique.
  std::unordered_map<std::uint64_t, int> seen;
  seen.reserve(findings.size());
  for (Finding& f : findings) {
    const std::uint64_t hash = fingerprint_hash(f.rule_id, f.key, f.entity_ids);
    const int n = ++seen[hash];
    f.fingerprint = format_fingerprint(hash);
    if (n > 1) f.fingerprint += "-" + std::to_string(n);
  }
}

// A severity set for the rule by the user holds for the entities its findings affect, too.
void apply_severity_override(const ConfiguredRule& rule, std::vector<Finding>& findings) {
  if (!rule.severity_overridden) return;
  for (Finding& f : findings)
    for (AffectedEntity& a : f.affected) a.severity = rule.severity;
}

// Sorts by file name, line, column, rule id and message, keeping the rules' own order for ties.
// Sorting indices by a compact key and then moving each finding once is several times faster than
// sorting the findings themselves when a profile flags most of a large org.
void sort_findings(const Org& org, std::vector<Finding>& findings) {
  std::vector<std::uint32_t> by_name(org.files.size());
  std::iota(by_name.begin(), by_name.end(), 0);
  std::sort(by_name.begin(), by_name.end(), [&org](std::uint32_t a, std::uint32_t b) { return org.files[a] < org.files[b]; });
  std::vector<std::uint32_t> file_rank(org.files.size());
  for (std::uint32_t rank = 0; rank < by_name.size(); ++rank) file_rank[by_name[rank]] = rank + 1;  // 0: no file

  struct Key {
    std::uint32_t file, line, column, index;
  };
  std::vector<Key> keys(findings.size());
  for (std::uint32_t i = 0; i < findings.size(); ++i) {
    const SourceLocation& at = findings[i].where;
    keys[i] = {at.file < file_rank.size() ? file_rank[at.file] : 0, at.line, at.column, i};
  }
  std::sort(keys.begin(), keys.end(), [&findings](const Key& a, const Key& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    if (a.column != b.column) return a.column < b.column;
    const Finding& x = findings[a.index];
    const Finding& y = findings[b.index];
    return std::tie(x.rule_id, x.message, a.index) < std::tie(y.rule_id, y.message, b.index);
  });
  std::vector<Finding> sorted;
  sorted.reserve(findings.size());
  for (const Key& k : keys) sorted.push_back(std::move(findings[k.index]));
  findings.swap(sorted);
}

// Runs one rule into its own findings and outcome; a rule that throws leaves one error finding.
void run_rule(const CheckContext& context, const ConfiguredRule& rule, std::vector<Finding>& findings,
              RuleOutcome& outcome) {
  outcome.rule_id = rule.entry->info.id;
  outcome.dimension = rule.entry->info.dimension;
  RuleSink sink(context.org, rule, findings, outcome);
  const auto started = std::chrono::steady_clock::now();
  try {
    rule.rule->check(context, sink);
  } catch (const std::exception& e) {
    findings.clear();  // what a crashed rule reported before throwing cannot be trusted
    outcome.crashed = true;
    outcome.assessed = 0;
    outcome.assessed_records = 0;
    outcome.assessed_people.clear();
    outcome.assessed_units.clear();
    Finding& f = findings.emplace_back();
    f.rule_id = rule.entry->info.id;
    f.dimension = rule.entry->info.dimension;
    f.severity = Severity::error;
    f.message = "rule '" + rule.entry->info.id + "' failed and was skipped: " + e.what();
    f.where = SourceLocation{0, 1, 1};
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  apply_severity_override(rule, findings);
  outcome.findings = findings.size();
}

// The order in which the rules are started: the rules that take longest on a large org first
// (ORGAUDIT_TIMING at a million people), then the others in rule order, so that one thread runs a
// long rule while the other takes the short ones, rather than a long rule starting last.
std::vector<std::size_t> longest_first(const std::vector<ConfiguredRule>& rules) {
  static const char* const kLongest[] = {"structure-span-of-control", "structure-grade-inversion"};
  auto rank = [](const std::string& id) {
    const auto found = std::find(std::begin(kLongest), std::end(kLongest), id);
    return static_cast<std::size_t>(found - std::begin(kLongest));
  };
  std::vector<std::size_t> order(rules.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return rank(rules[a].entry->info.id) < rank(rules[b].entry->info.id);
  });
  return order;
}

}  // namespace

std::string fingerprint(const std::string& rule_id, const std::string& key, const std::vector<std::string>& entity_ids) {
  return format_fingerprint(fingerprint_hash(rule_id, key, entity_ids));
}

RunResult run_rules(const Org& org, const OrgMetrics& metrics, const std::vector<ConfiguredRule>& rules,
                    detail::Split split) {
  RunResult result;
  result.headcount = org.headcount();
  result.cut_off = metrics.reporting.cut_off;
  const CheckContext context{org, metrics};
  // Each rule reports into its own findings and outcome, so the rules can run on two threads and be
  // joined in rule order, the same on one thread or two.
  result.outcomes.resize(rules.size());
  std::vector<std::vector<Finding>> findings(rules.size());
  const std::vector<std::size_t> order = longest_first(rules);
  detail::for_each_index(detail::split_in_two(split, org.people.size(), detail::kMinPeopleToSplit), order.size(),
                         [&](std::size_t i) { run_rule(context, rules[order[i]], findings[order[i]], result.outcomes[order[i]]); });
  std::size_t total = 0;
  for (const std::vector<Finding>& some : findings) total += some.size();
  result.findings.reserve(total);
  for (std::vector<Finding>& some : findings) {
    for (Finding& f : some) result.findings.push_back(std::move(f));
    std::vector<Finding>().swap(some);  // the moved-from shells, freed before the sort moves them all again
  }
  sort_findings(org, result.findings);
  assign_fingerprints(result.findings);
  return result;
}

}  // namespace orgaudit
