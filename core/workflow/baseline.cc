#include "workflow/baseline.h"

#include <algorithm>
#include <sstream>
#include <unordered_set>

#include <yaml-cpp/yaml.h>

#include "config/rule_settings.h"
#include "json.h"
#include "util/diagnostic.h"

namespace orgaudit {
namespace {

constexpr const char* kSchema = "orgaudit-baseline";
constexpr const char* kFingerprintKind = "v1:";  // engine.h's fingerprint() version

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
  if (found != std::to_string(kBaselineVersion))
    fail_at(version ? version : root, path,
            "baseline format version " + found + (baseline.tool_version.empty() ? "" : " (written by orgaudit " + baseline.tool_version + ")") +
                " is not one this orgaudit reads (version " + std::to_string(kBaselineVersion) +
                "); re-create it with 'orgaudit baseline create'");
}

}  // namespace

Baseline make_baseline(const RunResult& run, const std::string& tool_version) {
  Baseline baseline;
  baseline.tool_version = tool_version;
  for (const Finding& f : run.findings)
    if (!f.suppression)
      baseline.findings.push_back({f.fingerprint, f.rule_id, f.entity_ids, to_string(f.severity), f.message});
  std::sort(baseline.findings.begin(), baseline.findings.end(),
            [](const BaselineEntry& a, const BaselineEntry& b) { return a.fingerprint < b.fingerprint; });
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
    if (e.fingerprint.rfind(kFingerprintKind, 0) != 0)
      fail_at(item["fingerprint"], path, "fingerprint '" + e.fingerprint + "' is of a kind this orgaudit does not compute (" +
                                             kFingerprintKind + "...); re-create the baseline with 'orgaudit baseline create'");
    e.rule = scalar(item, "rule", path);
    if (const YAML::Node entities = item["entities"]; entities && entities.IsSequence())
      for (const YAML::Node& id : entities) e.entities.push_back(id.Scalar());
    if (item["severity"] && item["severity"].IsScalar()) e.severity = item["severity"].Scalar();
    if (item["message"] && item["message"].IsScalar()) e.message = item["message"].Scalar();
    baseline.findings.push_back(std::move(e));
  }
  return baseline;
}

BaselineComparison apply_baseline(RunResult& run, const Baseline& baseline) {
  BaselineComparison comparison;
  std::unordered_set<std::string> known, seen;
  for (const BaselineEntry& e : baseline.findings) known.insert(e.fingerprint);
  for (Finding& f : run.findings) {
    const bool unchanged = known.count(f.fingerprint) > 0;
    f.baseline = unchanged ? BaselineState::unchanged : BaselineState::new_finding;
    if (unchanged) seen.insert(f.fingerprint);
    // Suppressed findings get a state too (SARIF carries both), but only active ones are counted.
    if (!f.suppression) ++(unchanged ? comparison.unchanged : comparison.new_findings);
  }
  for (const BaselineEntry& e : baseline.findings)
    if (!seen.count(e.fingerprint)) comparison.fixed.push_back(e);
  return comparison;
}

Baseline prune_baseline(const Baseline& baseline, const BaselineComparison& comparison) {
  std::unordered_set<std::string> fixed;
  for (const BaselineEntry& e : comparison.fixed) fixed.insert(e.fingerprint);
  Baseline pruned;
  pruned.tool_version = baseline.tool_version;
  for (const BaselineEntry& e : baseline.findings)
    if (!fixed.count(e.fingerprint)) pruned.findings.push_back(e);
  return pruned;
}

}  // namespace orgaudit
