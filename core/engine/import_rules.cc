#include "engine/import_rules.h"
#include "model/import_log.h"


namespace orgaudit {
namespace {

struct IssueRule {
  ImportIssue::Kind kind;
  const char* id;
  const char* summary;
  Severity severity;
};

const IssueRule kIssueRules[] = {
    {ImportIssue::skipped_row, "import-skipped-row",
     "rows of an HR export that could not be loaded (no id, wrong number of fields, malformed quoting), and why",
     Severity::warning},
    {ImportIssue::duplicate_id, "import-duplicate-id",
     "rows whose id an earlier row of the same export already used; the later row is not loaded", Severity::warning},
    {ImportIssue::bad_value, "import-bad-value",
     "cells that cannot be read as their field (FTE not a number or out of range, a flag that is not yes/no)",
     Severity::warning},
    {ImportIssue::encoding, "import-encoding",
     "exports that are not (all) UTF-8; the other bytes were read as Windows-1252", Severity::warning},
};

class ImportIssueRule final : public Rule {
 public:
  explicit ImportIssueRule(ImportIssue::Kind kind) : kind_(kind) {}

  void check(const CheckContext& context, FindingSink& sink) const override {
    const Org& org = context.org;
    // The rows read from exports are what these rules assess: a YAML org has none, so the
    // Data quality score of an org-chart-as-code file is unaffected.
    sink.assessed_records(org.import_log->records);
    for (const ImportIssue& issue : org.import_log->issues) {
      if (issue.kind != kind_) continue;
      // A bad cell belongs to the person its row loaded as; a row that was not loaded (no id, a
      // duplicate) is a place in the export and nothing more, which still counts against the export.
      const PersonIndex p = issue.kind == ImportIssue::bad_value ? issue.person : kNoIndex;
      if (p != kNoIndex) {
        sink.report({EntityRef::person, p}, issue.message).at(issue.where);
        continue;
      }
      FindingBuilder finding = sink.report_at(issue.where, issue.message);
      if (!issue.entity_id.empty()) finding.concerns_unknown(issue.entity_id);
    }
  }

 private:
  ImportIssue::Kind kind_;
};

}  // namespace

const char* import_rule_id(ImportIssue::Kind kind) {
  for (const IssueRule& rule : kIssueRules)
    if (rule.kind == kind) return rule.id;
  return "import";
}

void register_import_rules(RuleCatalog& catalog) {
  catalog.begin_pack("import", "built-in");
  for (const IssueRule& rule : kIssueRules) {
    const ImportIssue::Kind kind = rule.kind;
    catalog.add(rule.id, RuleInfo{rule.summary, rule.severity, "Data quality", {}},
                [kind](const RuleOptions&) -> std::unique_ptr<Rule> { return std::make_unique<ImportIssueRule>(kind); });
  }
}

}  // namespace orgaudit
