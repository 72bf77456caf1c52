// structure-integrity: ids that resolve to nothing, or to two records. Org::resolve() recorded each
// one in org.reference_problems with the field it came from; this file turns them into findings at
// that field, so the user's editor lands on the value to fix.
#include "integrity.h"
#include "orgaudit/message_text.h"

namespace orgaudit::structure {
namespace {

void report_person_reference(const Org& org, const ReferenceProblem& problem, FindingSink& sink) {
  const Person& person = org.people[problem.entity];
  Severity severity = Severity::warning;
  std::string message;
  const char* key = "";
  switch (problem.kind) {
    case ReferenceProblem::unknown_manager:
      // An error: the person drops out of the tree (they become a stray root, with everyone below).
      severity = Severity::error;
      key = "unknown-manager";
      message = quoted(person) + " names manager " + quoted(problem.id) + ", who matches no one";
      break;
    case ReferenceProblem::unknown_dotted_manager:
      key = "unknown-dotted-manager";
      message = quoted(person) + " names dotted-line manager " + quoted(problem.id) + ", who matches no one";
      break;
    case ReferenceProblem::unknown_unit:
      key = "unknown-unit";
      message = quoted(person) + " names unit " + quoted(problem.id) + ", which matches no unit";
      break;
    default:
      return;
  }
  sink.report({EntityRef::person, problem.entity}, severity, message)
      .key(key)
      .at(problem.where)
      .concerns_unknown(problem.id);
}

void report_unit_reference(const Org& org, const ReferenceProblem& problem, FindingSink& sink) {
  const Unit& unit = org.units[problem.entity];
  std::string message = "unit " + quoted(unit);
  const char* key = "";
  switch (problem.kind) {
    case ReferenceProblem::unknown_parent_unit:
      key = "unknown-parent-unit";
      message += " names parent unit " + quoted(problem.id) + ", which matches no unit";
      break;
    case ReferenceProblem::unknown_owner:
      key = "unknown-owner";
      message += " names owner " + quoted(problem.id) + ", who matches no one";
      break;
    case ReferenceProblem::unknown_member:
      key = "unknown-member";
      message += " names member unit " + quoted(problem.id) + ", which matches no unit";
      break;
    default:
      return;
  }
  sink.report({EntityRef::unit, problem.entity}, Severity::warning, message)
      .key(key)
      .at(problem.where)
      .concerns_unknown(problem.id);
}

// The second record with an id already taken. Its fields were read but every reference to the id
// resolves to the first record, so the second is invisible to the analysis: an error.
template <typename Record>
void report_duplicate(const std::vector<Record>& records, const ReferenceProblem& problem, EntityRef::Kind kind,
                      const std::string& noun, FindingSink& sink) {
  const std::uint32_t first = problem.first_use;
  const Record& again = records[problem.entity];
  const Record& original = records[first];
  sink.report({kind, problem.entity}, Severity::error,
              noun + " id " + quoted(problem.id) + " of " + quoted(again) + " is already used by " +
                  quoted(original))
      .key("duplicate-id")
      .related(original.where, "first use of " + quoted(problem.id) + ": " + quoted(original), {kind, first});
}

}  // namespace

void Integrity::check_references(const CheckContext& context, FindingSink& sink) {
  const Org& org = context.org;
  for (const ReferenceProblem& problem : org.reference_problems) {
    switch (problem.kind) {
      case ReferenceProblem::duplicate_person:
        report_duplicate(org.people, problem, EntityRef::person, "person", sink);
        break;
      case ReferenceProblem::duplicate_unit:
        report_duplicate(org.units, problem, EntityRef::unit, "unit", sink);
        break;
      case ReferenceProblem::unknown_link_end:
        break;  // a link is not a person or a unit: check_link_ends anchors it to one
      default:
        if (problem.is_unit_entity)
          report_unit_reference(org, problem, sink);
        else
          report_person_reference(org, problem, sink);
    }
  }
}

void Integrity::check_link_ends(const CheckContext& context, FindingSink& sink) {
  const Org& org = context.org;
  auto name_of = [&](const LinkEnd& end) {
    if (end.index == kNoIndex) return quoted(end.id);
    return end.is_unit ? "unit " + quoted(org.units[end.index]) : quoted(org.people[end.index]);
  };
  for (const Link& link : org.links) {
    const bool from_known = link.from.index != kNoIndex;
    const bool to_known = link.to.index != kNoIndex;
    if (from_known && to_known) continue;
    // A link is neither a person nor a unit: the finding is about the end that resolved, located at
    // the link itself, or, when neither end resolves, about the place in the file alone.
    std::string unknown = !from_known ? quoted(link.from.id) : "";
    if (!to_known) unknown += (unknown.empty() ? "" : " and ") + quoted(link.to.id);
    const std::string message = std::string(to_string(link.kind)) + " link from " + name_of(link.from) + " to " +
                                name_of(link.to) + " names " + unknown + ", which " +
                                (from_known || to_known ? "matches" : "match") + " no person or unit";
    const LinkEnd* known = from_known ? &link.from : to_known ? &link.to : nullptr;
    FindingBuilder finding =
        known ? sink.report({known->is_unit ? EntityRef::unit : EntityRef::person, known->index}, Severity::warning, message)
              : sink.report_at(link.where, Severity::warning, message);
    finding.key("unknown-link-end").at(link.where);
    if (!from_known) finding.concerns_unknown(link.from.id);
    if (!to_known) finding.concerns_unknown(link.to.id);
  }
}

}  // namespace orgaudit::structure
