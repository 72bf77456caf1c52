#include "cli/commands.h"

#include "cli/audit.h"
#include "cli/session.h"

namespace orgaudit::cli {
namespace {

std::vector<OptionDecl> plus_plugin_options(std::vector<OptionDecl> decls) {
  decls.insert(decls.end(), kPluginOptions.begin(), kPluginOptions.end());
  return decls;
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands{
      {"check", "audit org files and report findings", "[options] FILE...",
       "  orgaudit check samples/traditional/org.yaml\n"
       "  orgaudit check org.yaml --format json --output findings.json\n"
       "  orgaudit check org.yaml --output text=audit.txt --output json=audit.json\n"
       "  orgaudit check org.yaml --profile classic\n"
       "  orgaudit check org.yaml --fail-on warning --rule-option structure-hierarchy-depth.max-layers=5\n"
       "  orgaudit check org.yaml --disable '*' --enable 'structure-*' --disable structure-grade-inversion\n",
       audit_options({
           {"format", "FORMAT", "output format: text (default), json"},
           {"output", "[FORMAT=]FILE", "write the report to FILE instead of standard output (repeatable)"},
           {"fail-on", "LEVEL", "exit 1 on findings at or above LEVEL: error (default), warning, info, never"},
           {"min-score", "N", "exit 1 when the org score is below N (0-100)"},
           {"color", "WHEN", "colour the text output: auto (default: only on a terminal, not with NO_COLOR), always, never"},
           {"quiet", nullptr, "text output without the closing summary"},
       }),
       run_check},
      {"rules", "list the loaded rules, or explain one", "[--explain RULE-ID]",
       "  orgaudit rules\n"
       "  orgaudit rules --explain structure-span-of-control\n"
       "  orgaudit rules --plugin-dir ./my-packs\n",
       plus_plugin_options({{"explain", "RULE-ID", "print the rule's documentation and options"}}),
       run_rules},
  };
  return kCommands;
}

}  // namespace orgaudit::cli
