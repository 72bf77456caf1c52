#include "rule_help.h"

#include <catch2/catch.hpp>

using namespace orgaudit;

namespace {

RuleInfo rule() {
  RuleInfo info;
  info.summary = "one-line summary";
  return info;
}

const char* kPage =
    "# test-rule\n\nPack `test` · default severity `warning`\n\n"
    "## What it flags\n\nManagers with **too few** reports, below `min-span`\nor above it.\n\n"
    "A second paragraph, see [the other rule](other-rule.md).\n\n"
    "## Options\n\n| option | default |\n|---|---|\n| `min-span` | 4 |\n\n"
    "## Why\n\nOrgvue's [span bands](https://example.org/bands).\n\n"
    "## Example\n\n```\n## not a heading\n```\n\n"
    "## How to fix\n\n- merge teams\n";

}  // namespace

TEST_CASE("rule help: the first paragraph of 'What it flags' is the full description, as plain text", "[rule_help]") {
  const RuleHelp help = rule_help(rule(), kPage);
  CHECK(help.full_description == "Managers with too few reports, below min-span or above it.");
}

TEST_CASE("rule help: What it flags, Why and How to fix, in Markdown and in plain text", "[rule_help]") {
  const RuleHelp help = rule_help(rule(), kPage);
  CHECK(help.markdown ==
        "## What it flags\n\nManagers with **too few** reports, below `min-span`\nor above it.\n\n"
        "A second paragraph, see the other rule.\n\n"
        "## Why\n\nOrgvue's [span bands](https://example.org/bands).\n\n"
        "## How to fix\n\n- merge teams\n");
  CHECK(help.text ==
        "What it flags\n\nManagers with too few reports, below min-span\nor above it.\n\n"
        "A second paragraph, see the other rule.\n\n"
        "Why\n\nOrgvue's span bands (https://example.org/bands).\n\n"
        "How to fix\n\n- merge teams\n");
}

TEST_CASE("rule help: a first paragraph that introduces a list keeps the sentences before it", "[rule_help]") {
  CHECK(rule_help(rule(), "## What it flags\n\nA bad cell. The row is loaded, with:\n\n- a default\n").full_description ==
        "A bad cell.");
  CHECK(rule_help(rule(), "## What it flags\n\nFor each EMC:\n\n- a contract\n").full_description == "one-line summary");
}

TEST_CASE("rule help: a rule without a page is described by its summary", "[rule_help]") {
  const RuleHelp help = rule_help(rule(), "");
  CHECK(help.full_description == "one-line summary");
  CHECK(help.text == "one-line summary");
  CHECK(help.markdown == "one-line summary");
}
