// Baselines: the findings an org already had when the team adopted orgaudit, so CI fails only on
// new ones. Keyed by fingerprint (rule id + problem key + entity ids, see engine.h), never by line,
// so reformatting or reordering the org file, or converting it between formats, does not disturb it.
//
// The file is versioned JSON (docs/config.md, "Baselines"):
//   {"schema": "orgaudit-baseline", "version": 2, "tool": {"name": "orgaudit", "version": "0.2.0"},
//    "findings": [{"fingerprint": "v2:...", "rule": "...", "key": "...", "entities": [...],
//                  "severity": "...", "message": "..."}]}
// sorted by fingerprint so that a re-created baseline diffs cleanly in version control.
//
// Version 1 files (fingerprints without the key) are still read: their entries match a finding of
// the same rule and entities, and, where the rule tells problems apart by key, the same message, so
// a fixed problem is not mistaken for a new one of the same rule. `baseline prune` writes them back
// as version 2.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/rule_catalog.h"
#include "io/file_system.h"

namespace orgaudit {

inline constexpr int kBaselineVersion = 2;
inline constexpr int kOldestBaselineVersion = 1;  // still read, and migrated by `baseline prune`

struct BaselineEntry {
  std::string fingerprint;
  std::string rule;
  std::string key;  // the finding's problem key (version 2)
  std::vector<std::string> entities;
  std::string severity;
  std::string message;  // for people reading the file, and for "fixed" reports
  // Written for a rule since retired (adopt_retired_rules): `rule` is now the rule it was merged
  // into, and the entry matches that rule's finding on the same entities, whatever its problem.
  bool retired_rule = false;
};

struct Baseline {
  int version = kBaselineVersion;  // of the file it was read from
  std::string tool_version;  // of the orgaudit that wrote it
  std::vector<BaselineEntry> findings;
};

// The run's findings, less suppressed ones (they are accepted already, and should fail again
// if their suppression is removed or expires).
Baseline make_baseline(const RunResult& run, const std::string& tool_version);

std::string write_baseline(const Baseline& baseline);

// A baseline is read whole: 1,000,000 findings are about 300 MB.
inline constexpr std::uint64_t kMaxBaselineBytes = 2ull << 30;

// Throws InputError (exit 2) naming the file and line:col for malformed JSON, a file that is not a
// baseline, a format version this orgaudit does not read, or fingerprints of another kind, and
// naming the file when it is larger than `max_bytes`.
Baseline read_baseline(const FileSystem& files, const std::string& path, std::uint64_t max_bytes = kMaxBaselineBytes);

struct BaselineComparison {
  std::size_t unchanged = 0;
  std::size_t new_findings = 0;
  std::vector<BaselineEntry> fixed;  // in the baseline, no longer found
  std::vector<BaselineEntry> still_found;  // in the baseline and found again, as this run writes them
  int version = kBaselineVersion;          // of the baseline file
};

// Renames the entries of retired rules (RuleRegistry::retire) to the rule they were merged into, so
// a baseline written before the merge still accepts those findings instead of failing the run on
// them as new. Returns how many entries it renamed.
std::size_t adopt_retired_rules(Baseline& baseline, const RuleCatalog& catalog);

// Sets Finding::baseline on every finding (unchanged or new) and lists the fixed ones.
BaselineComparison apply_baseline(RunResult& run, const Baseline& baseline);

// The baseline without the entries `comparison` found fixed, in the current format (a version 1
// baseline is migrated); never adds new findings.
Baseline prune_baseline(const Baseline& baseline, const BaselineComparison& comparison);

}  // namespace orgaudit
