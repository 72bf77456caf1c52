// Runs the configured rules over one org and collects their findings in a deterministic order.
#pragma once

#include <string>
#include <vector>

#include "engine/rule_catalog.h"
#include "engine/finding.h"
#include "orgaudit/metrics.h"
#include "orgaudit/model.h"
#include "util/parallel.h"

namespace orgaudit {

// How one rule fared: the denominator of its dimension's score, or why it could not be scored.
struct RuleOutcome {
  std::string rule_id;
  std::string dimension;
  std::size_t assessed = 0;  // entities and records looked at: the denominator of its score
  bool not_assessed = false;  // lacked the data it needs
  bool crashed = false;       // threw: reported as an error finding, not scored
  double seconds = 0;         // wall-clock time of its check(), for ORGAUDIT_TIMING
  std::size_t findings = 0;
  // Which people and units it looked at (empty when none), so a unit's score counts its own.
  std::vector<bool> assessed_people, assessed_units;
  std::size_t assessed_records = 0;  // of `assessed`, the records that are no entity (export rows)
};

struct RunResult {
  std::vector<Finding> findings;  // sorted by file, line, column, rule id, message
  std::vector<RuleOutcome> outcomes;  // in rule id order
  // Of the org the rules ran on: who it counts (Org::headcount, counted once here for every report
  // that heads with it), and the individuals cut off from the top by a broken reporting line
  // (ReportingMetrics::cut_off), whom no score can vouch for.
  Headcount headcount;
  std::size_t cut_off = 0;
};

// Runs every rule; a rule that throws becomes one error finding naming it and the others still run.
// A large org's rules run on two threads (`split` chooses, for tests: util/parallel.h); the
// result is the same either way. Rules must not change anything but what they report.
RunResult run_rules(const Org& org, const OrgMetrics& metrics, const std::vector<ConfiguredRule>& rules,
                    detail::Split split = detail::Split::by_size);

// The kind of fingerprint this orgaudit computes. v1 hashed the rule id and entity ids only, so two
// problems of one rule on one entity shared it; v2 adds the finding's key.
inline constexpr const char* kFingerprintKind = "v2:";

// "v2:" + 16 hex digits of FNV-1a over the rule id, the key and the entity ids: stable across
// reformatting, reordering and conversion between formats, because positions never enter it.
std::string fingerprint(const std::string& rule_id, const std::string& key, const std::vector<std::string>& entity_ids);

}  // namespace orgaudit
