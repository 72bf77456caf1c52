#include "workflow/starter_config.h"

namespace orgaudit {

std::string starter_config(const std::vector<std::string>& profiles) {
  std::string names;
  for (const std::string& name : profiles) names += (names.empty() ? "" : ", ") + name;
  std::string text = R"(# orgaudit settings for the org charts in this directory and below it.
# orgaudit finds this file by searching upward from the first input (or use --config FILE).
# Reference: docs/config.md. See the full effective settings with: orgaudit config --dump
orgaudit-config: 1

# Which rules run with what thresholds: a shipped profile (@PROFILES@) or a path to a profile file.
# Not set, each run chooses: rendanheyi when the org declares platforms, EMCs or MEs, else classic.
# profile: classic

# Turn rules on or off (patterns apply in order), change severities and options.
# List the rules with: orgaudit rules
rules:
  # structure-hierarchy-depth:
  #   severity: error
  #   options: {max-layers: 6, error-layers: 8}
  # structure-grade-inversion: off

# Grades from most to least senior, for structure-grade-inversion.
# grade-order: [SCS4, SCS3, SCS2, SCS1, G6, G7, SEO, HEO, EO, AO]

# Exit 1 on findings at or above this severity: error, warning, info or never.
fail-on: error

# Exit 1 when the org score (0-100) is below this.
# min-score: 70

# How to read HR exports (CSV, XML); YAML org files need nothing here.
# input:
#   format: csv
#   preset: bamboohr
#   columns: {id: EmployeeNumber, manager: SupervisorEmployeeNumber}

# Accepted findings, for inputs that cannot carry '# orgaudit-ignore:' comments.
# A reason is required; after the expiry date the finding is reported again.
suppressions:
  # - rule: structure-span-of-control
  #   entity: P-17
  #   reason: interim team while the unit merges
  #   expires: 2027-03-31

# Findings that existed when orgaudit was adopted (orgaudit baseline create); only new ones fail.
# baseline: orgaudit-baseline.json
)";
  text.replace(text.find("@PROFILES@"), 10, names.empty() ? "none found" : names);
  return text;
}

}  // namespace orgaudit
