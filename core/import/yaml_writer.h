// Writes an org as org-chart-as-code YAML (docs/org-format.md), for `orgaudit convert`: an HR
// export becomes a file a team can review in git, and `orgaudit check` reads it back to the same
// findings.
//
// Every string is written so that YAML cannot read it as anything else: plain only when it is a
// run of letters, digits and a few safe marks that YAML gives no meaning, and double-quoted with
// escapes otherwise (quotes, line breaks, `#`, a leading `-` or `:`, `yes`, `null`, `~`, `007`,
// `<script>`). Non-ASCII text (names in any script, emoji) is kept as UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "orgaudit/model.h"

namespace orgaudit::import {

// `text` as one YAML scalar, quoted where needed.
std::string yaml_scalar(std::string_view text);

// Comment lines (without the `#`) to write on the lines above entities, by index: convert carries
// the inputs' `# orgaudit-ignore:` directives over this way, so they apply to the same entities.
struct EntityComments {
  std::unordered_map<PersonIndex, std::vector<std::string>> people;
  std::unordered_map<UnitIndex, std::vector<std::string>> units;
};

// The whole org, block style, units then people then links; a header comment names `sources`.
// Import issues are not part of the org and are not written.
std::string write_org_yaml(const Org& org, const std::vector<std::string>& sources, const EntityComments& comments = {});

}  // namespace orgaudit::import
