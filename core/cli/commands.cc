#include "cli/commands.h"

#include "cli/audit.h"
#include "cli/session.h"

namespace orgaudit::cli {
namespace {

std::vector<OptionDecl> plus_plugin_options(std::vector<OptionDecl> decls) {
  decls.insert(decls.end(), kPluginOptions.begin(), kPluginOptions.end());
  decls.insert(decls.end(), kConfigOptions.begin(), kConfigOptions.end());
  return decls;
}

}  // namespace

const std::vector<OptionDecl> kGlobalOptions{
    {"help", nullptr, "show this help", 'h'},
    {"version", nullptr, "print orgaudit's version and the rule pack API version", 'V'},
};

const OptionDecl kRuleDocsUrlOption{
    "rule-docs-url", "URL",
    "SARIF: link each rule to URL/<pack>/<id>.md, where its page is published (default: no link, the page embedded)"};

std::vector<OptionDecl> accepted_options(const Command& command) {
  std::vector<OptionDecl> decls = command.options;
  decls.insert(decls.end(), kGlobalOptions.begin(), kGlobalOptions.end());
  return decls;
}

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands{
      {"check", "audit org files and report findings", "[options] FILE...",
       "  orgaudit check samples/traditional/org.yaml\n"
       "  orgaudit check org.yaml --format json --output findings.json\n"
       "  orgaudit check org.yaml --output text=audit.txt --output json=audit.json\n"
       "  orgaudit check org.yaml --output sarif=orgaudit.sarif --output junit=orgaudit-junit.xml --output markdown=comment.md\n"
       "  orgaudit check org.yaml --profile classic\n"
       "  orgaudit check org.yaml --fail-on warning --rule-option structure-hierarchy-depth.max-layers=5\n"
       "  orgaudit check org.yaml --disable '*' --enable 'structure-*' --disable structure-grade-inversion\n"
       "  orgaudit check org.yaml --baseline orgaudit-baseline.json\n"
       "  ORGAUDIT_ANONYMIZE_KEY=... orgaudit check org.yaml --anonymize --format json --output shared.json\n",
       audit_options({
           {"format", "FORMAT", "output format: text (default), json, sarif, junit, xml, markdown, html, codequality (docs/outputs.md)"},
           {"output", "[FORMAT=]FILE", "write the report to FILE instead of standard output (repeatable)", 'o'},
           {"fail-on", "LEVEL", "exit 1 on findings at or above LEVEL: error (default), warning, info, never"},
           {"min-score", "N", "exit 1 when the org score is below N (0-100)"},
           {"color", "WHEN", "colour the text output: auto (default: on a terminal, not with NO_COLOR or TERM=dumb; into a pipe with FORCE_COLOR or CLICOLOR_FORCE), always, never"},
           {"quiet", nullptr, "text output without the closing summary"},
           {"baseline", "FILE", "fail only on findings not in this baseline (orgaudit baseline create); report fixed ones"},
           kRuleDocsUrlOption,
       }),
       run_check},
      {"report", "write the audit as one self-contained HTML report (scores, units, findings, map)",
       "[options] FILE... [--output FILE]",
       "  orgaudit report samples/traditional/org.yaml --output audit.html\n"
       "  orgaudit report org.yaml --output audit.html --fail-on never\n"
       "  orgaudit report org.yaml --output html=audit.html --output json=audit.json\n",
       report_options(),
       run_report},
      {"map", "draw the org with Graphviz: units as clusters, findings coloured", "[options] FILE... --output FILE",
       "  orgaudit map samples/traditional/org.yaml --output org.svg\n"
       "  orgaudit map org.yaml --output org.png --root P-0042 --depth 3\n"
       "  orgaudit map big-org.yaml --level unit --output units.svg\n"
       "  orgaudit map big-org.yaml --level unit --root U-SALES --depth 2 --output sales.pdf\n"
       "  orgaudit map org.yaml --format dot > org.dot\n",
       map_options(),
       run_map},
      {"rules", "list the loaded rules, or explain one", "[--explain RULE-ID]",
       "  orgaudit rules\n"
       "  orgaudit rules --explain structure-span-of-control\n"
       "  orgaudit rules --plugin-dir ./my-packs\n"
       "  orgaudit rules --rules rules/cookbook/team-size.yaml --explain custom-team-size\n",
       plus_plugin_options({{"explain", "RULE-ID", "print the rule's documentation and options"}}),
       run_rules},
      {"baseline", "record today's findings so CI fails only on new ones; prune fixed ones",
       "create|prune [options] FILE...",
       "  orgaudit baseline create org.yaml -o orgaudit-baseline.json\n"
       "  orgaudit check org.yaml --baseline orgaudit-baseline.json\n"
       "  orgaudit baseline prune org.yaml --baseline orgaudit-baseline.json\n",
       audit_options({
           {"output", "FILE", "create: where to write the baseline; prune: write the pruned one here instead", 'o'},
           {"baseline", "FILE", "prune: the baseline to prune (default: 'baseline:' in .orgaudit.yaml)"},
       }),
       run_baseline},
      {"diff", "compare two snapshots of an org: people, posts, spans, layers, findings, scores",
       "[options] OLD NEW   or   diff [options] --old FILE... --new FILE...",
       "  orgaudit diff org-2026-03.yaml org-2026-09.yaml\n"
       "  orgaudit diff old.yaml new.yaml --format markdown --output diff.md\n"
       "  orgaudit diff --old senior-2013.csv --old junior-2013.csv --new senior-2014.csv --new junior-2014.csv\n",
       audit_options({
           {"old", "FILE", "a file of the old snapshot (repeatable)"},
           {"new", "FILE", "a file of the new snapshot (repeatable)"},
           {"format", "FORMAT", "text (default), json, markdown"},
           {"output", "FILE", "write the diff to FILE instead of standard output", 'o'},
           {"limit", "N", "list at most N entries per section in text and markdown (default 25, 0: all)"},
           {"fail-on", "LEVEL", "exit 1 when the new snapshot introduces findings at or above LEVEL (default error; never)"},
           {"allow-unrelated", nullptr, "compare snapshots even when they look like two different organisations"},
       }),
       run_diff},
      {"whatif", "audit the org as a scenario of changes would leave it: scores, findings fixed and introduced, spans, layers",
       "[options] FILE... --scenario SCENARIO.yaml   or   whatif [options] FILE... --move ID:MANAGER ...",
       "  orgaudit whatif samples/traditional/org.yaml --remove-layer P-0134\n"
       "  orgaudit whatif org.yaml --scenario flatter.yaml --format json\n"
       "  orgaudit whatif org.yaml --move P-17:P-3 --move-unit U-LAB:U-RND\n"
       "  orgaudit whatif org.yaml --scenario flatter.yaml --apply -o org-after.yaml\n",
       whatif_options(),
       run_whatif},
      {"fix", "propose a re-org for the findings with a mechanical remedy, as a what-if scenario (never rewrites the input)",
       "--propose [options] FILE... [-o SCENARIO.yaml]",
       "  orgaudit fix --propose samples/traditional/org.yaml\n"
       "  orgaudit fix --propose org.yaml -o proposed.yaml\n"
       "  orgaudit whatif org.yaml --scenario proposed.yaml --apply -o org-after.yaml\n",
       fix_options(),
       run_fix},
      {"test-rules", "run rule fixtures: org files whose '# expect:' comments say what one rule must find",
       "[--plugin-dir DIR] FIXTURES-DIR...",
       "  orgaudit test-rules tests/fixtures\n"
       "  orgaudit test-rules --plugin-dir build my-pack/fixtures\n"
       "  orgaudit test-rules --rules my-rules.yaml my-rules/fixtures\n",
       plus_plugin_options({}),
       run_test_rules},
      {"convert", "write HR exports (CSV, XML) as org-chart-as-code YAML", "[options] INPUT... -o FILE",
       "  orgaudit convert export.csv -o org.yaml\n"
       "  orgaudit convert --preset uk-organogram dept-senior.csv dept-junior.csv -o dept.yaml\n"
       "  orgaudit convert people.csv units.yaml -o org.yaml\n"
       "  orgaudit convert staff.xml --preset hr-xml -o - | less\n",
       convert_options(),
       run_convert},
      {"init", "write a commented starter .orgaudit.yaml", "[options] [DIR]",
       "  orgaudit init\n"
       "  orgaudit init teams/ops --force\n",
       {{"force", nullptr, "replace an existing .orgaudit.yaml"}},
       run_init},
      {"config", "print the effective configuration with every default", "--dump [options] [FILE|DIR]",
       "  orgaudit config --dump\n"
       "  orgaudit config --dump samples/traditional/org.yaml --profile classic\n",
       audit_options({{"dump", nullptr, "print the effective configuration as a .orgaudit.yaml"}}),
       run_config},
      {"completion", "print the shell completion script for bash, zsh or fish", "bash|zsh|fish",
       "  orgaudit completion bash > ~/.local/share/bash-completion/completions/orgaudit\n"
       "  orgaudit completion zsh > \"${fpath[1]}/_orgaudit\"\n"
       "  orgaudit completion fish > ~/.config/fish/completions/orgaudit.fish\n",
       {},
       run_completion},
  };
  return kCommands;
}

}  // namespace orgaudit::cli
