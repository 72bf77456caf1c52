#include "workflow/suppressions.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <unordered_map>

#include "util/text.h"

namespace orgaudit {
namespace {

// One suppression of one rule on one entity, from either source.
struct Candidate {
  std::string rule;
  std::string entity;
  const std::string* reason;
  const std::optional<Date>* expires;
  const char* kind;
  SourceLocation where;  // in the org's files (inline only)
  Diagnostic place;      // where warnings point
  bool used = false;
  bool expired = false;
  bool matched_while_expired = false;
};

std::string key_of(const std::string& rule, const std::string& entity) { return rule + '\0' + entity; }

// Entities by the line their mapping starts on, only for the lines some directive targets.
std::map<std::pair<FileIndex, std::uint32_t>, std::vector<std::string>> entities_at_targets(
    const Org& org, const std::vector<InlineDirectives>& sources) {
  std::map<std::pair<FileIndex, std::uint32_t>, std::vector<std::string>> at;
  for (const InlineDirectives& file : sources)
    for (const InlineDirective& d : file.directives)
      if (d.target_line) at[{file.file, d.target_line}];
  if (at.empty()) return at;
  auto note = [&at](const SourceLocation& where, std::string_view id) {
    const auto found = at.find({where.file, where.line});
    if (found != at.end()) found->second.emplace_back(id);
  };
  for (const Person& p : org.people) note(p.where, p.id);
  for (const Unit& u : org.units) note(u.where, u.id);
  return at;
}

std::vector<Candidate> gather(const Org& org, const SuppressionSources& sources, const Date& today,
                              std::vector<Diagnostic>& warnings) {
  std::vector<Candidate> candidates;
  const auto at = entities_at_targets(org, sources.inline_directives);
  for (const InlineDirectives& file : sources.inline_directives) {
    for (const InlineDirective& d : file.directives) {
      const Diagnostic place{file.path, d.line, d.column, ""};
      const auto found = d.target_line ? at.find({file.file, d.target_line}) : at.end();
      if (found == at.end() || found->second.empty()) {
        Diagnostic w = place;
        w.message = "this orgaudit-ignore comment is not on or directly above the first line of a person or unit, "
                    "so it suppresses nothing";
        warnings.push_back(std::move(w));
        continue;
      }
      for (const std::string& rule : d.rules)
        for (const std::string& entity : found->second)
          candidates.push_back({rule, entity, &d.reason, &d.expires, "inline",
                                SourceLocation{file.file, d.line, d.column}, place});
    }
  }
  for (const ConfigSuppression& s : sources.config) {
    const std::string entity = sources.entity_id ? sources.entity_id(s.entity) : s.entity;
    candidates.push_back({s.rule, entity, &s.reason, &s.expires, "config", SourceLocation{},
                          Diagnostic{sources.config_path, s.line, s.column, ""}});
  }
  for (Candidate& c : candidates)
    c.expired = *c.expires && days_between(**c.expires, today) > 0;
  return candidates;
}

void report_leftovers(const std::vector<Candidate>& candidates, const std::set<std::string>& rules_run,
                      std::vector<Diagnostic>& warnings) {
  for (const Candidate& c : candidates) {
    Diagnostic w = c.place;
    const std::string what = "'" + c.rule + "' finding on '" + c.entity + "'";
    if (c.expired)
      w.message = "suppression of the " + what + " expired on " + (*c.expires)->to_string() +
                  (c.matched_while_expired ? ": the finding is reported again" : "; remove it");
    else if (!c.used && rules_run.count(c.rule))
      w.message = "unused suppression: this run has no " + what + "; remove it";
    else
      continue;
    warnings.push_back(std::move(w));
  }
}

}  // namespace

std::vector<Diagnostic> check_suppression_rules(SuppressionSources& sources, const RuleCatalog& catalog) {
  const std::vector<std::string> ids = catalog.ids();
  std::vector<Diagnostic> warnings;
  auto check = [&](std::string& rule, const std::string& file, std::uint32_t line, std::uint32_t column) {
    if (catalog.find(rule)) return;
    if (const CatalogEntry* successor = catalog.merged_into(rule)) {
      warnings.push_back(Diagnostic{file, line, column, "suppression names a retired rule: " + catalog.retired_note(rule) +
                                                            "; it now suppresses the '" + successor->info.id +
                                                            "' finding on the same entity"});
      rule = successor->info.id;
      return;
    }
    const std::string near = did_you_mean(rule, ids);
    throw InputError(Diagnostic{file, line, column, "suppression names an unknown rule '" + rule + "'" +
                                                        (near.empty() ? "" : "; did you mean '" + near + "'?")});
  };
  for (ConfigSuppression& s : sources.config) check(s.rule, sources.config_path, s.line, s.column);
  for (InlineDirectives& file : sources.inline_directives)
    for (InlineDirective& d : file.directives)
      for (std::string& rule : d.rules) check(rule, file.path, d.line, d.column);
  return warnings;
}

SuppressionReport apply_suppressions(RunResult& run, const Org& org, const SuppressionSources& sources,
                                     const std::set<std::string>& rules_run, const Date& today) {
  SuppressionReport report;
  std::vector<Candidate> candidates = gather(org, sources, today, report.warnings);
  std::unordered_map<std::string, std::vector<std::size_t>> by_key;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    by_key[key_of(candidates[i].rule, candidates[i].entity)].push_back(i);
  for (Finding& f : run.findings) {
    if (f.entity_ids.empty() || by_key.empty()) continue;
    const auto found = by_key.find(key_of(f.rule_id, f.entity_ids.front()));
    if (found == by_key.end()) continue;
    for (std::size_t i : found->second) {
      Candidate& c = candidates[i];
      if (c.expired) {
        c.matched_while_expired = true;
        continue;
      }
      c.used = true;
      if (!f.suppression) f.suppression = FindingSuppression{c.kind, *c.reason, c.where};
    }
    report.suppressed += f.suppression ? 1 : 0;
  }
  report_leftovers(candidates, rules_run, report.warnings);
  std::stable_sort(report.warnings.begin(), report.warnings.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
  return report;
}

Date today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  return Date{parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday};
}

}  // namespace orgaudit
