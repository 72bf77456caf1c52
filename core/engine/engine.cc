#include "engine/engine.h"

#include <chrono>

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "engine/located_finding_sink.h"

namespace orgaudit {
namespace {

class RuleSink final : public FindingSink, public LocatedFindingSink {
 public:
  RuleSink(const Org& org, const ConfiguredRule& rule, std::vector<Finding>& out, RuleOutcome& outcome)
      : org_(org), rule_(rule), out_(out), outcome_(outcome) {}

  FindingBuilder report(EntityRef entity, std::string message) override {
    return report(entity, rule_.severity, std::move(message));
  }

  FindingBuilder report(EntityRef entity, Severity severity, std::string message) override {
    Finding& f = start(rule_.severity_overridden ? rule_.severity : severity, std::move(message));
    if (entity.kind == EntityRef::person) {
      const Person& p = org_.people.at(entity.index);
      f.where = p.where;
      f.entity_ids.push_back(p.id);
    } else {
      const Unit& u = org_.units.at(entity.index);
      f.where = u.where;
      f.entity_ids.push_back(u.id);
    }
    return FindingBuilder(f);
  }

  void assessed(std::size_t entity_count) override { outcome_.assessed += entity_count; }

  // Import issues: a place in an input, and the row's id when it has one.
  void report_at(const SourceLocation& where, std::string message, std::vector<std::string> entity_ids) override {
    Finding& f = start(rule_.severity, std::move(message));
    f.where = where;
    f.entity_ids = std::move(entity_ids);
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
  Finding& start(Severity severity, std::string message) {
    Finding& f = out_.emplace_back();
    f.rule_id = rule_.entry->info.id;
    f.dimension = rule_.entry->info.dimension;
    f.severity = severity;
    f.message = std::move(message);
    return f;
  }

  const Org& org_;
  const ConfiguredRule& rule_;
  std::vector<Finding>& out_;
  RuleOutcome& outcome_;
};

void assign_fingerprints(std::vector<Finding>& findings) {
  // Two findings of one rule on the same entities (say two problems with one person's record) get
  // an occurrence suffix, in the deterministic sort order, so every fingerprint stays unique.
  std::map<std::string, int> seen;
  for (Finding& f : findings) {
    std::string base = fingerprint(f.rule_id, f.entity_ids);
    int n = ++seen[base];
    f.fingerprint = n == 1 ? base : base + "-" + std::to_string(n);
  }
}

}  // namespace

std::string fingerprint(const std::string& rule_id, const std::vector<std::string>& entity_ids) {
  std::uint64_t hash = 1469598103934665603ull;
  auto mix = [&hash](const std::string& text) {
    for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
    hash = (hash ^ 0x1f) * 1099511628211ull;  // separator, so ("ab","c") != ("a","bc")
  };
  mix(rule_id);
  for (const std::string& id : entity_ids) mix(id);
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "v1:%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

RunResult run_rules(const Org& org, const OrgMetrics& metrics, const std::vector<ConfiguredRule>& rules) {
  RunResult result;
  const CheckContext context{org, metrics};
  for (const ConfiguredRule& rule : rules) {
    RuleOutcome& outcome = result.outcomes.emplace_back();
    outcome.rule_id = rule.entry->info.id;
    outcome.dimension = rule.entry->info.dimension;
    std::vector<Finding> findings;
    RuleSink sink(org, rule, findings, outcome);
    const auto started = std::chrono::steady_clock::now();
    try {
      rule.rule->check(context, sink);
    } catch (const std::exception& e) {
      findings.clear();  // what a crashed rule reported before throwing cannot be trusted
      outcome.crashed = true;
      outcome.assessed = 0;
      Finding& f = findings.emplace_back();
      f.rule_id = rule.entry->info.id;
      f.dimension = rule.entry->info.dimension;
      f.severity = Severity::error;
      f.message = "rule '" + rule.entry->info.id + "' failed and was skipped: " + e.what();
      f.where = SourceLocation{0, 1, 1};
    }
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    outcome.findings = findings.size();
    for (Finding& f : findings) result.findings.push_back(std::move(f));
  }
  static const std::string kNoFile;
  auto key = [&org](const Finding& f) {
    const std::string& file = f.where.file < org.files.size() ? org.files[f.where.file] : kNoFile;
    return std::tie(file, f.where.line, f.where.column, f.rule_id, f.message);
  };
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  assign_fingerprints(result.findings);
  return result;
}

}  // namespace orgaudit
