// The rule interface: one small class per rule, in the style of clang-tidy checks.
//
//   class SpanOfControl : public Rule {
//    public:
//     static RuleInfo info();                         // summary, severity, dimension, options
//     explicit SpanOfControl(const RuleOptions& o);   // reads its options once
//     void check(const CheckContext& ctx, FindingSink& sink) const override;
//   };
//
// A pack's module names its rules, as clang-tidy modules name their checks (orgaudit/plugin.h):
//
//   registry.add<SpanOfControl>("structure-span-of-control");
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "orgaudit/export.h"
#include "orgaudit/finding.h"
#include "orgaudit/metrics.h"
#include "orgaudit/model.h"

namespace orgaudit {

enum class OptionType : std::uint8_t { integer, number, string, boolean, list };
ORGAUDIT_API const char* to_string(OptionType type);

struct OptionSpec {
  std::string name;           // kebab-case, e.g. "max-layers"
  OptionType type = OptionType::integer;
  std::string default_value;  // as it would be written on the command line; lists comma-separated
  std::string description;
};

// What a rule declares about itself. Its id is not here: the pack's module gives it on registration.
struct RuleInfo {
  std::string summary;  // one line, for `orgaudit rules` and SARIF shortDescription
  Severity default_severity = Severity::warning;
  std::string dimension;  // scoring dimension, e.g. "Flatness"
  std::vector<OptionSpec> options;
};

// A bad option value (wrong type, unknown name); the host turns it into an exit-2 usage error.
class ORGAUDIT_API OptionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A rule's options: the user's values over the declared defaults. Read them in the constructor.
class ORGAUDIT_API RuleOptions {
 public:
  virtual ~RuleOptions() = default;
  virtual long get_int(const std::string& name) const = 0;
  virtual double get_number(const std::string& name) const = 0;
  virtual bool get_bool(const std::string& name) const = 0;
  virtual std::string get_string(const std::string& name) const = 0;
  virtual std::vector<std::string> get_list(const std::string& name) const = 0;
};

struct CheckContext {
  const Org& org;
  const OrgMetrics& metrics;
};

class FindingSink;
struct Finding;  // the host's (engine/finding.h)

// Adds detail to a finding as it is reported. It names the finding by its place among the rule's
// findings, not by address, so it stays valid however many the rule reports after it.
class ORGAUDIT_API FindingBuilder {
 public:
  FindingBuilder(std::vector<Finding>& findings, std::size_t index, const Org& org)
      : findings_(&findings), index_(index), org_(&org) {}
  // Which of the rule's problems this is (kebab-case, stable: baselines and suppressions keep it).
  FindingBuilder& key(std::string problem_key);
  // Another entity this finding concerns (part of its identity, e.g. the manager of an inversion).
  FindingBuilder& concerns(EntityRef entity);
  // An id the input names but that is no entity (the unknown manager of a dangling reference).
  FindingBuilder& concerns_unknown(const std::string& id);
  // Someone the problem reaches; scored with `severity` (the finding's by default). Once a finding
  // names whom it affects, those are what fail in scoring and the subject is only where it is
  // reported (a depth finding at the manager above the people too deep): name the subject too when
  // it shares the problem (the top unit of a subtree of silos).
  FindingBuilder& affects(EntityRef entity);
  FindingBuilder& affects(EntityRef entity, Severity severity);
  FindingBuilder& related(const SourceLocation& where, std::string message, EntityRef entity);
  FindingBuilder& related(const SourceLocation& where, std::string message);
  // The management chain the problem runs along, root first, each person managing the next (the
  // layers of a line that goes too deep). The map draws it; give the steps a reader should see as
  // related locations too.
  FindingBuilder& chain(std::vector<PersonIndex> people);
  // Point at a specific field rather than the entity (e.g. the `manager:` value that is unknown).
  FindingBuilder& at(const SourceLocation& where);

 private:
  std::string_view id_of(EntityRef entity) const;
  Finding& finding() const;

  std::vector<Finding>* findings_;
  std::size_t index_;
  const Org* org_;
};

class ORGAUDIT_API FindingSink {
 public:
  virtual ~FindingSink() = default;
  // Reports a finding about a person or unit at the entity's location with the rule's severity.
  virtual FindingBuilder report(EntityRef entity, std::string message) = 0;
  virtual FindingBuilder report(EntityRef entity, Severity severity, std::string message) = 0;
  // Reports a finding at a place in an input that is no entity (a row that could not be loaded, a
  // link whose two ends are unknown). It scores in the rule's dimension like any other.
  virtual FindingBuilder report_at(const SourceLocation& where, std::string message) = 0;
  virtual FindingBuilder report_at(const SourceLocation& where, Severity severity, std::string message) = 0;
  // What the rule looked at: the denominator of its score, and of every unit's that holds it.
  virtual void assessed(EntityRef entity) = 0;
  // For populations that are not entities (the rows of an HR export): how many were looked at.
  virtual void assessed_records(std::size_t record_count) = 0;
  // The rule cannot run on this org: names the missing field once, and the rule counts as not
  // assessed (never as a pass).
  virtual void not_assessed(const std::string& missing_data) = 0;
};

class ORGAUDIT_API Rule {
 public:
  virtual ~Rule() = default;
  virtual void check(const CheckContext& context, FindingSink& sink) const = 0;
};

}  // namespace orgaudit
