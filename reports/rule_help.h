// A rule's help as code-scanning services show it (SARIF reportingDescriptor fullDescription and
// help): taken from the rule's documentation page, so the rule panel says what `orgaudit rules
// --explain` says.
#pragma once

#include <string>

#include "orgaudit/rule.h"

namespace orgaudit {

struct RuleHelp {
  std::string full_description;  // plain text: the first paragraph of "What it flags" (or the summary)
  std::string text;              // plain text: "What it flags", "Why" and "How to fix"
  std::string markdown;          // the same sections as Markdown
};

// From a documentation page (rules/<pack>/<id>.md). Links to other pages keep only their text, as
// the panel showing them has no page beside it; links with a scheme are kept. A page without those
// sections (or none at all: a third-party pack may ship none) gives the rule's one-line summary.
RuleHelp rule_help(const RuleInfo& info, const std::string& page_markdown);

}  // namespace orgaudit
