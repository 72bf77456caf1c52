// The example pack's module: it names each of its rules, one line per rule, as a clang-tidy module
// does. Every id starts with the pack's name and a dash; the host refuses any other.
#include <orgaudit/plugin.h>

#include "missing_title.h"

namespace {

void register_example_rules(orgaudit::RuleRegistry& registry) {
  registry.add<example::MissingTitle>("example-missing-title");
}

}  // namespace

ORGAUDIT_DECLARE_PACK("example", "1.0.0", register_example_rules)
