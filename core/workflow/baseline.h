// Baselines: the findings an org already had when the team adopted orgaudit, so CI fails only on
// new ones. Keyed by fingerprint (rule id + entity ids, see engine.h), never by line, so
// reformatting or reordering the org file, or converting it between formats, does not disturb it.
//
// The file is versioned JSON (docs/config.md, "Baselines"):
//   {"schema": "orgaudit-baseline", "version": 1, "tool": {"name": "orgaudit", "version": "0.1.0"},
//    "findings": [{"fingerprint": "v1:...", "rule": "...", "entities": [...], "severity": "...",
//                  "message": "..."}]}
// sorted by fingerprint so that a re-created baseline diffs cleanly in version control.
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"
#include "io/file_system.h"

namespace orgaudit {

inline constexpr int kBaselineVersion = 1;

struct BaselineEntry {
  std::string fingerprint;
  std::string rule;
  std::vector<std::string> entities;
  std::string severity;
  std::string message;  // for people reading the file, and for "fixed" reports
};

struct Baseline {
  std::string tool_version;  // of the orgaudit that wrote it
  std::vector<BaselineEntry> findings;
};

// The run's findings, less suppressed ones (they are accepted already, and should fail again
// if their suppression is removed or expires).
Baseline make_baseline(const RunResult& run, const std::string& tool_version);

std::string write_baseline(const Baseline& baseline);

// Throws InputError (exit 2) naming the file for malformed JSON, a file that is not a baseline, a
// format version this orgaudit does not read, or fingerprints of another kind.
Baseline read_baseline(const FileSystem& files, const std::string& path);

struct BaselineComparison {
  std::size_t unchanged = 0;
  std::size_t new_findings = 0;
  std::vector<BaselineEntry> fixed;  // in the baseline, no longer found
};

// Sets Finding::baseline on every finding (unchanged or new) and lists the fixed ones.
BaselineComparison apply_baseline(RunResult& run, const Baseline& baseline);

// The baseline without the entries `comparison` found fixed; never adds new findings.
Baseline prune_baseline(const Baseline& baseline, const BaselineComparison& comparison);

}  // namespace orgaudit
