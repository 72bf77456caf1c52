// Rule documentation pages (rules/<pack>/<id>.md): printed whole by `orgaudit rules --explain`; the
// HTML report shows their "Why" and "How to fix" sections.
#pragma once

#include <string>

#include "engine/rule_catalog.h"
#include "io/file_system.h"

namespace orgaudit::html {

// The page's Markdown: the rule's own (a YAML rule's `doc:`), else <datadir>/orgaudit/rules/<pack>/<id>.md (io/install_location.h); ""
// when the rule has no page (a third-party pack may ship none).
std::string find_rule_doc(const FileSystem& files, const RegisteredRule& info);

// One "## heading" section of a page as HTML: paragraphs, lists, code blocks, `code` and **bold**.
// Links keep only their text, as the report must work offline. "" when there is no such section.
std::string doc_section_html(const std::string& markdown, const std::string& heading);

}  // namespace orgaudit::html
