#include "workflow/baseline.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "json.h"
#include "util/diagnostic.h"
#include "util/tracked_chars.h"

namespace orgaudit {
namespace {

constexpr const char* kSchema = "orgaudit-baseline";

// The fingerprint kind each format version holds.
std::string fingerprint_kind(int version) { return "v" + std::to_string(version) + ":"; }

// One baseline entry as read, with where it is, checked once the version is known (the keys of an
// object may come in any order).
struct ReadEntry {
  BaselineEntry entry;
  std::size_t offset = 0;              // of the entry's '{'
  std::size_t fingerprint_offset = 0;  // of its "fingerprint" key
  bool has_fingerprint = false, has_rule = false;
};

// Reads the baseline's structure as the parser reports it: the root object's "schema", "version",
// "tool" and "findings", each finding's fields. Keys it does not know are skipped whatever they hold,
// so a later format can add some. Everything else is the parser's: strict JSON, any depth without
// recursion, escaped surrogate pairs decoded to UTF-8.
class BaselineHandler final : public nlohmann::json_sax<nlohmann::json> {
 public:
  BaselineHandler(std::string path, std::string_view text) : path_(std::move(path)), text_(text), read_up_to_(text.data()) {}

  const char** read_up_to() { return &read_up_to_; }

  bool null() override { return scalar("null"); }
  bool boolean(bool value) override { return scalar(value ? "true" : "false"); }
  bool number_integer(number_integer_t value) override { return scalar(std::to_string(value)); }
  bool number_unsigned(number_unsigned_t value) override { return scalar(std::to_string(value)); }
  bool number_float(number_float_t, const string_t& text) override { return scalar(text); }
  bool binary(binary_t&) override { return scalar("binary data"); }

  bool string(string_t& value) override {
    if (skip_depth_ > 0) return true;
    if (in_entities()) entry().entities.push_back(std::move(value));
    else if (in_entry() && is_entry_field(key_)) entry_field(std::move(value));
    else if (depth_ == 1 && key_ == "schema") schema_ = std::move(value);
    else if (depth_ == 2 && in_tool_ && key_ == "version") tool_version_ = std::move(value);
    else return scalar('"' + value + '"', value);
    return true;
  }

  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& key) override {
    if (skip_depth_ > 0) return true;
    key_ = std::move(key);
    key_offset_ = string_start();
    if (in_entry() && key_ == "fingerprint") entries_.back().fingerprint_offset = key_offset_;
    if (depth_ == 1 && key_ == "version") version_offset_ = key_offset_;
    if (depth_ == 1 && key_ == "findings") findings_offset_ = key_offset_;
    return true;
  }

  bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e) override {
    // nlohmann's message starts "[json.exception.parse_error.101] parse error at line 1, column 2: ";
    // the position is given as this file's other errors give it.
    std::string why = e.what();
    if (const std::size_t colon = why.find(": "); colon != std::string::npos) why.erase(0, colon + 2);
    fail(byte == 0 ? 0 : byte - 1, "not valid JSON: " + why);
  }

  Baseline finish() const {
    if (!root_is_object_ || schema_ != kSchema)
      throw InputError(Diagnostic{path_, 1, 1, "not an orgaudit baseline (no \"schema\": \"orgaudit-baseline\"); "
                                              "create one with 'orgaudit baseline create'"});
    Baseline baseline;
    baseline.tool_version = tool_version_;
    baseline.version = known_version();
    if (!findings_is_list_) fail(findings_offset_, "\"findings\" must be a list");
    const std::string kind = fingerprint_kind(baseline.version);
    baseline.findings.reserve(entries_.size());
    for (const ReadEntry& read : entries_) {
      if (!read.has_fingerprint) fail(read.offset, "a baseline entry needs \"fingerprint\"");
      if (!read.has_rule) fail(read.offset, "a baseline entry needs \"rule\"");
      if (read.entry.fingerprint.rfind(kind, 0) != 0)
        fail(read.fingerprint_offset, "fingerprint '" + read.entry.fingerprint + "' is not of the kind a version " +
                                          std::to_string(baseline.version) + " baseline holds (" + kind +
                                          "...); re-create the baseline with 'orgaudit baseline create'");
      baseline.findings.push_back(read.entry);
    }
    return baseline;
  }

 private:
  bool in_findings() const { return depth_ == 2 && in_findings_; }
  bool in_entry() const { return depth_ == 3 && in_findings_; }
  bool in_entities() const { return depth_ == 4 && in_entities_; }
  BaselineEntry& entry() { return entries_.back().entry; }

  // A container the reader follows, or one it skips (an unknown key's value, whatever it holds).
  bool open(bool array) {
    const std::size_t at = offset() - 1;  // its '[' or '{', the last character read
    if (skip_depth_ > 0) return ++skip_depth_, true;
    if (in_entities()) fail(at, "\"entities\" must be a list of ids");
    if (in_findings() && array) fail(at, "a baseline entry must be an object");
    const bool followed = depth_ == 0 || (depth_ == 1 && key_ == "tool" && !array) ||
                          (depth_ == 1 && key_ == "findings" && array) || in_findings() ||
                          (in_entry() && key_ == "entities" && array);
    if (!followed) {
      if (in_entry() && is_entry_field(key_)) wrong_type();
      return ++skip_depth_, true;  // "findings" that is not a list stays unset and is refused at the end
    }
    if (depth_ == 0) {
      root_is_object_ = !array;
    } else if (depth_ == 1 && array) {
      in_findings_ = findings_is_list_ = true;
    } else if (depth_ == 1) {
      in_tool_ = true;
    } else if (in_findings()) {
      entries_.emplace_back().offset = at;
    } else {
      in_entities_ = true;
    }
    ++depth_;
    return true;
  }

  bool close() {
    if (skip_depth_ > 0) return --skip_depth_, true;
    --depth_;
    if (depth_ == 1) in_tool_ = in_findings_ = false;
    if (depth_ == 3) in_entities_ = false;
    return true;
  }

  // A value the reader does not keep as a string: "version" (a number, or a string of one), or the
  // wrong type in a place the reader knows.
  bool scalar(const std::string& shown, const std::string& number = {}) {
    if (skip_depth_ > 0) return true;
    if (depth_ == 1 && key_ == "version") version_ = shown, version_number_ = number.empty() ? shown : number;
    else if (in_entities()) fail(offset() - 1, "\"entities\" must be a list of ids");
    else if (in_findings()) fail(offset() - 1, "a baseline entry must be an object");
    else if (in_entry() && is_entry_field(key_)) wrong_type();
    return true;
  }

  [[noreturn]] void wrong_type() const {
    fail(key_offset_, "\"" + key_ + (key_ == "entities" ? "\" must be a list of ids" : "\" must be a string"));
  }

  static bool is_entry_field(const std::string& key) {
    return key == "fingerprint" || key == "rule" || key == "key" || key == "severity" || key == "message" ||
           key == "entities";
  }

  void entry_field(std::string value) {
    ReadEntry& read = entries_.back();
    if (key_ == "fingerprint") read.entry.fingerprint = std::move(value), read.has_fingerprint = true;
    else if (key_ == "rule") read.entry.rule = std::move(value), read.has_rule = true;
    else if (key_ == "key") read.entry.key = std::move(value);
    else if (key_ == "severity") read.entry.severity = std::move(value);
    else if (key_ == "message") read.entry.message = std::move(value);
    else wrong_type();  // a string for "entities"
  }

  int known_version() const {
    for (int known = kOldestBaselineVersion; known <= kBaselineVersion; ++known)
      if (version_number_ == std::to_string(known)) return known;
    fail(version_offset_, "baseline format version " + (version_.empty() ? std::string("(none)") : version_) +
                              (tool_version_.empty() ? "" : " (written by orgaudit " + tool_version_ + ")") +
                              " is not one this orgaudit reads (versions " + std::to_string(kOldestBaselineVersion) +
                              " to " + std::to_string(kBaselineVersion) + "); re-create it with 'orgaudit baseline create'");
  }

  // How far the parser has read: just past the token it last reported (a number's one character more).
  std::size_t offset() const { return static_cast<std::size_t>(read_up_to_ - text_.data()); }

  std::size_t string_start() const { return json_string_start(text_, offset()); }

  [[noreturn]] void fail(std::size_t offset, const std::string& message) const {
    throw InputError(diagnostic_at(path_, text_, offset, message));
  }

  std::string path_;
  std::string_view text_;
  const char* read_up_to_;
  int depth_ = 0;               // of the containers the reader follows
  std::size_t skip_depth_ = 0;  // of containers inside an unknown key's value
  std::string key_;             // the last key read in a followed object
  std::size_t key_offset_ = 0, version_offset_ = 0, findings_offset_ = 0;
  bool root_is_object_ = false, in_tool_ = false, in_findings_ = false, in_entities_ = false, findings_is_list_ = false;
  std::string schema_, version_, version_number_, tool_version_;
  std::vector<ReadEntry> entries_;
};

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

Baseline read_baseline(const FileSystem& files, const std::string& path, std::uint64_t max_bytes) {
  const std::unique_ptr<FileBytes> bytes = read_all_within(files, path, max_bytes, "a baseline");
  const std::string_view text = bytes->view();
  BaselineHandler handler(path, text);
  nlohmann::json::sax_parse(TrackedChars(text.data(), handler.read_up_to()),
                            TrackedChars(text.data() + text.size(), handler.read_up_to()), &handler);
  return handler.finish();
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
