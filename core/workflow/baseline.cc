#include "workflow/baseline.h"

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include <yaml-cpp/yaml.h>

#include "config/rule_settings.h"
#include "json.h"
#include "util/diagnostic.h"

namespace orgaudit {
namespace {

constexpr const char* kSchema = "orgaudit-baseline";

// The fingerprint kind each format version holds.
std::string fingerprint_kind(int version) { return "v" + std::to_string(version) + ":"; }

std::string scalar(const YAML::Node& entry, const char* key, const std::string& path) {
  const YAML::Node node = entry[key];
  if (!node || !node.IsScalar()) fail_at(entry, path, std::string("a baseline entry needs \"") + key + "\"");
  return node.Scalar();
}

YAML::Node parse(const FileSystem& files, const std::string& path) {
  std::ostringstream text;
  text << files.open_for_reading(path)->rdbuf();
  try {
    return YAML::Load(text.str());  // JSON is YAML; yaml-cpp is already how orgaudit reads files
  } catch (const YAML::Exception& e) {
    throw InputError(Diagnostic{path, static_cast<std::uint32_t>(e.mark.line + 1),
                                static_cast<std::uint32_t>(e.mark.column + 1), "not valid JSON: " + e.msg});
  }
}

void check_version(const YAML::Node& root, const std::string& path, Baseline& baseline) {
  if (!root.IsMap() || !root["schema"] || !root["schema"].IsScalar() || root["schema"].Scalar() != kSchema)
    throw InputError(Diagnostic{path, 1, 1, "not an orgaudit baseline (no \"schema\": \"orgaudit-baseline\"); "
                                            "create one with 'orgaudit baseline create'"});
  if (const YAML::Node tool = root["tool"]; tool && tool.IsMap() && tool["version"] && tool["version"].IsScalar())
    baseline.tool_version = tool["version"].Scalar();
  const YAML::Node version = root["version"];
  const std::string found = version && version.IsScalar() ? version.Scalar() : "(none)";
  for (int known = kOldestBaselineVersion; known <= kBaselineVersion; ++known)
    if (found == std::to_string(known)) {
      baseline.version = known;
      return;
    }
  fail_at(version ? version : root, path,
          "baseline format version " + found + (baseline.tool_version.empty() ? "" : " (written by orgaudit " + baseline.tool_version + ")") +
              " is not one this orgaudit reads (versions " + std::to_string(kOldestBaselineVersion) + " to " +
              std::to_string(kBaselineVersion) + "); re-create it with 'orgaudit baseline create'");
}

BaselineEntry entry_of(const Finding& f) {
  return {f.fingerprint, f.rule_id, f.key, f.entity_ids, to_string(f.severity), f.message};
}

void sort_entries(std::vector<BaselineEntry>& entries) {
  std::sort(entries.begin(), entries.end(),
            [](const BaselineEntry& a, const BaselineEntry& b) { return a.fingerprint < b.fingerprint; });
}

// A version 1 entry's identity: the rule and the entities, which v1 fingerprints hashed.
std::string legacy_identity(const std::string& rule, const std::vector<std::string>& entities) {
  std::string identity = rule;
  for (const std::string& id : entities) identity += '\x1f' + id;
  return identity;
}

}  // namespace

Baseline make_baseline(const RunResult& run, const std::string& tool_version) {
  Baseline baseline;
  baseline.tool_version = tool_version;
  for (const Finding& f : run.findings)
    if (!f.suppression) baseline.findings.push_back(entry_of(f));
  sort_entries(baseline.findings);
  return baseline;
}

std::string write_baseline(const Baseline& baseline) {
  JsonWriter w;
  w.begin_object();
  w.key("schema").value(kSchema);
  w.key("version").value(kBaselineVersion);
  w.key("tool").begin_object().key("name").value("orgaudit").key("version").value(baseline.tool_version).end_object();
  w.key("findings").begin_array();
  for (const BaselineEntry& e : baseline.findings) {
    w.begin_object();
    w.key("fingerprint").value(e.fingerprint);
    w.key("rule").value(e.rule);
    if (!e.key.empty()) w.key("key").value(e.key);
    w.key("entities").begin_array();
    for (const std::string& id : e.entities) w.value(id);
    w.end_array();
    w.key("severity").value(e.severity);
    w.key("message").value(e.message);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take() + "\n";
}

Baseline read_baseline(const FileSystem& files, const std::string& path) {
  const YAML::Node root = parse(files, path);
  Baseline baseline;
  check_version(root, path, baseline);
  const YAML::Node findings = root["findings"];
  if (!findings || !findings.IsSequence()) fail_at(findings ? findings : root, path, "\"findings\" must be a list");
  for (const YAML::Node& item : findings) {
    if (!item.IsMap()) fail_at(item, path, "a baseline entry must be an object");
    BaselineEntry e;
    e.fingerprint = scalar(item, "fingerprint", path);
    const std::string kind = fingerprint_kind(baseline.version);
    if (e.fingerprint.rfind(kind, 0) != 0)
      fail_at(item["fingerprint"], path, "fingerprint '" + e.fingerprint + "' is not of the kind a version " +
                                             std::to_string(baseline.version) + " baseline holds (" + kind +
                                             "...); re-create the baseline with 'orgaudit baseline create'");
    e.rule = scalar(item, "rule", path);
    if (item["key"] && item["key"].IsScalar()) e.key = item["key"].Scalar();
    if (const YAML::Node entities = item["entities"]; entities && entities.IsSequence())
      for (const YAML::Node& id : entities) e.entities.push_back(id.Scalar());
    if (item["severity"] && item["severity"].IsScalar()) e.severity = item["severity"].Scalar();
    if (item["message"] && item["message"].IsScalar()) e.message = item["message"].Scalar();
    baseline.findings.push_back(std::move(e));
  }
  return baseline;
}

std::size_t adopt_retired_rules(Baseline& baseline, const RuleCatalog& catalog) {
  std::size_t renamed = 0;
  for (BaselineEntry& e : baseline.findings)
    if (const CatalogEntry* successor = catalog.merged_into(e.rule)) {
      e.rule = successor->info.id;
      e.retired_rule = true;
      ++renamed;
    }
  return renamed;
}

BaselineComparison apply_baseline(RunResult& run, const Baseline& baseline) {
  BaselineComparison comparison;
  comparison.version = baseline.version;
  std::vector<bool> matched(baseline.findings.size(), false);
  // Current entries by fingerprint; version 1 entries by rule and entities, several per identity
  // when a rule reported more than one problem of an entity.
  std::unordered_map<std::string, std::size_t> by_fingerprint;
  std::unordered_map<std::string, std::vector<std::size_t>> by_legacy_identity;
  std::unordered_map<std::string, std::vector<std::size_t>> of_retired_rules;  // by rule and entities
  for (std::size_t i = 0; i < baseline.findings.size(); ++i) {
    const BaselineEntry& e = baseline.findings[i];
    if (e.retired_rule)
      of_retired_rules[legacy_identity(e.rule, e.entities)].push_back(i);
    else if (baseline.version == kBaselineVersion)
      by_fingerprint.emplace(e.fingerprint, i);
    else
      by_legacy_identity[legacy_identity(e.rule, e.entities)].push_back(i);
  }
  auto match_retired = [&](const Finding& f) -> bool {
    const auto found = of_retired_rules.find(legacy_identity(f.rule_id, f.entity_ids));
    if (found == of_retired_rules.end()) return false;
    // Every such entry is this finding's: one manager had up to three findings before the merge.
    for (std::size_t i : found->second) matched[i] = true;
    return true;
  };
  auto match_current = [&](const Finding& f) -> bool {
    if (baseline.version == kBaselineVersion) {
      const auto found = by_fingerprint.find(f.fingerprint);
      if (found == by_fingerprint.end()) return false;
      matched[found->second] = true;
      return true;
    }
    const auto found = by_legacy_identity.find(legacy_identity(f.rule_id, f.entity_ids));
    if (found == by_legacy_identity.end()) return false;
    for (std::size_t i : found->second) {
      // A rule with keyed problems must also say the same thing: a v1 entry for the missing
      // decision right is not the missing pay right of the same ME.
      if (matched[i] || (!f.key.empty() && baseline.findings[i].message != f.message)) continue;
      matched[i] = true;
      return true;
    }
    return false;
  };
  for (Finding& f : run.findings) {
    const bool retired = match_retired(f);
    const bool unchanged = match_current(f) || retired;
    f.baseline = unchanged ? BaselineState::unchanged : BaselineState::new_finding;
    if (unchanged) comparison.still_found.push_back(entry_of(f));
    // Suppressed findings get a state too (SARIF carries both), but only active ones are counted.
    if (!f.suppression) ++(unchanged ? comparison.unchanged : comparison.new_findings);
  }
  for (std::size_t i = 0; i < baseline.findings.size(); ++i)
    if (!matched[i]) comparison.fixed.push_back(baseline.findings[i]);
  return comparison;
}

Baseline prune_baseline(const Baseline& baseline, const BaselineComparison& comparison) {
  // The entries still found, as this run writes them: the same set as the baseline less the fixed
  // ones, and in the current format whatever version was read.
  Baseline pruned;
  pruned.tool_version = baseline.tool_version;
  pruned.findings = comparison.still_found;
  sort_entries(pruned.findings);
  return pruned;
}

}  // namespace orgaudit
