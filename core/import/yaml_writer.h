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
#include <vector>

#include "orgaudit/model.h"

namespace orgaudit::import {

// `text` as one YAML scalar, quoted where needed.
std::string yaml_scalar(std::string_view text);

// The whole org, block style, units then people then links; a header comment names `sources`.
// Import issues are not part of the org and are not written.
std::string write_org_yaml(const Org& org, const std::vector<std::string>& sources);

}  // namespace orgaudit::import
