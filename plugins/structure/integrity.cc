#include "integrity.h"

#include <algorithm>

#include "orgaudit/message_text.h"

namespace orgaudit::structure {

RuleInfo Integrity::info() {
  return {"reporting cycles, unknown or duplicate ids, extra roots, self-management, units with no owner",
          Severity::error,
          "Data quality",
          {{"expected-roots", OptionType::integer, "1",
            "how many people may have no manager (the top of each separate tree)"}}};
}

Integrity::Integrity(const RuleOptions& options) : expected_roots_(options.get_int("expected-roots")) {}

void Integrity::check(const CheckContext& context, FindingSink& sink) const {
  check_reporting_cycles(context, sink);
  check_self_management(context, sink);
  check_references(context, sink);
  check_link_ends(context, sink);
  check_roots(context, sink);
  check_unit_cycles(context, sink);
  check_unit_owners(context, sink);
  // Every person and unit record was looked at.
  for (PersonIndex p = 0; p < context.org.people.size(); ++p) sink.assessed({EntityRef::person, p});
  for (UnitIndex u = 0; u < context.org.units.size(); ++u) sink.assessed({EntityRef::unit, u});
}

void Integrity::check_roots(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const ReportingMetrics& reporting = context.metrics.reporting;
  // metrics.roots holds everyone without a resolvable manager. Two kinds are not "extra roots":
  // a person whose manager id matches no one (already an unknown-manager error: one problem, one
  // finding) and a person marked external (outside the organisation's reporting lines by design).
  // A root the input declares (an organogram's `XX`) is meant: it is expected, whatever the option.
  std::vector<PersonIndex> roots;
  std::size_t declared = 0;
  for (PersonIndex p : reporting.roots) {
    const Person& person = org.people[p];
    if (person.manager_id.empty() && !person.has(kExternal)) roots.push_back(p);
    if (person.has(kDeclaredRoot)) ++declared;
  }
  const std::size_t expected = std::max(declared, static_cast<std::size_t>(std::max(0L, expected_roots_)));
  if (roots.size() <= expected) return;
  // The root with the largest tree is the organisation's real top, wherever it sits in the file;
  // the stray ones are the smaller trees. Declared roots come first; ties keep input order.
  std::stable_sort(roots.begin(), roots.end(), [&](PersonIndex a, PersonIndex b) {
    const bool da = org.people[a].has(kDeclaredRoot), db = org.people[b].has(kDeclaredRoot);
    if (da != db) return da;
    return reporting.subtree_size[a] > reporting.subtree_size[b];
  });
  // One finding per extra root rather than one listing them all: each is a separate record to fix
  // (give it a manager, or mark it external), and each can be baselined or suppressed on its own.
  const std::string how_many = " is one of " + std::to_string(roots.size()) +
                               " roots (people with no manager) where " + std::to_string(expected) +
                               (expected == 1 ? " is" : " are") + " expected";
  for (std::size_t i = expected; i < roots.size(); ++i) {
    FindingBuilder finding =
        sink.report({EntityRef::person, roots[i]}, Severity::warning, quoted(org.people[roots[i]]) + how_many).key("extra-root");
    for (std::size_t k = 0; k < expected; ++k) {
      const Person& kept = org.people[roots[k]];
      finding.related(kept.where,
                      "expected root: " + quoted(kept) + ", at the top of " +
                          count_of(reporting.subtree_size[roots[k]], "person", "people"),
                      {EntityRef::person, roots[k]});
    }
  }
}

void Integrity::check_self_management(const CheckContext& context, FindingSink& sink) {
  const Org& org = context.org;
  // Not a cycle in metrics.cycles (the core drops the self-edge), and not a root either: the person
  // and everyone below them hang in the air with no depth.
  for (PersonIndex p = 0; p < org.people.size(); ++p) {
    const Person& person = org.people[p];
    if (person.manager != p) continue;
    sink.report({EntityRef::person, p}, Severity::error, quoted(person) + " is their own manager")
        .key("own-manager")
        .at(person.manager_where);
  }
}

void Integrity::check_unit_owners(const CheckContext& context, FindingSink& sink) {
  const Org& org = context.org;
  for (UnitIndex u = 0; u < org.units.size(); ++u) {
    const Unit& unit = org.units[u];
    // An external partner's owner sits outside the organisation and is often not in its data; an
    // owner id that matches no one is an unknown-owner finding instead.
    if (!unit.owner_id.empty() || unit.kind == UnitKind::external_partner) continue;
    sink.report({EntityRef::unit, u}, Severity::warning, "unit " + quoted(unit) + " has no owner").key("no-owner");
  }
}

}  // namespace orgaudit::structure
