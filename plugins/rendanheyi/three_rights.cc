#include "three_rights.h"

#include <algorithm>
#include <tuple>

#include "rendanheyi_support.h"

namespace orgaudit::rendanheyi {
namespace {

// The right as a consultant names it, with what it covers.
std::string right_name(const char* which) {
  const std::string key = which;
  if (key == "decision") return "decision right (business decisions)";
  if (key == "people") return "people right (hiring)";
  return "pay right (compensation)";
}

std::string unit_description(const Unit& unit) {
  switch (unit.kind) {
    case UnitKind::platform: return "the platform " + quoted(unit);
    case UnitKind::department: return "the department " + quoted(unit);
    case UnitKind::shared_service: return "the shared service " + quoted(unit);
    case UnitKind::emc: return "the EMC " + quoted(unit);
    case UnitKind::me: return "another ME, " + quoted(unit);
    case UnitKind::external_partner: return "the external partner " + quoted(unit);
    case UnitKind::unspecified: break;
  }
  return quoted(unit);
}

}  // namespace

RuleInfo ThreeRights::info() {
  return {"micro-enterprises that do not hold their own decision, people (hiring) or pay right",
          Severity::warning,
          "Autonomy",
          {}};
}

ThreeRights::ThreeRights(const RuleOptions&) {}

void ThreeRights::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const std::vector<UnitIndex> mes = units_of_kind(org, UnitKind::me);
  if (mes.empty()) return sink.not_assessed("units of kind 'me' (micro-enterprises)");
  // Each ME's own people, and whether any of them records an approver, in one pass over the org.
  std::vector<std::vector<PersonIndex>> people_of(org.units.size());
  std::vector<bool> approvers_recorded(org.units.size(), false);
  for (PersonIndex p = 0; p < org.people.size(); ++p) {
    const Person& person = org.people[p];
    if (person.unit == kNoIndex || org.units[person.unit].kind != UnitKind::me) continue;
    people_of[person.unit].push_back(p);
    if (person.approvers) approvers_recorded[person.unit] = true;
  }
  bool any_stated = false;
  for (UnitIndex u : mes) any_stated = any_stated || org.units[u].rights().stated || approvers_recorded[u];
  if (!any_stated)
    return sink.not_assessed("'rights' (decision, people, pay) on its MEs, or hiring and pay approvers on their people");
  for (UnitIndex u : mes) sink.assessed({EntityRef::unit, u});

  // A rights block says who holds a right; without one, who approves the ME's people's hiring and
  // pay shows it (the catalogue's alternative for HR data).
  const Approvals hiring{&Approvers::hiring_id, &Approvers::hiring, "hiring_approver", "hiring"};
  const Approvals pay{&Approvers::pay_id, &Approvers::pay, "pay_approver", "pay"};
  for (UnitIndex u : mes) {
    const Unit& me = org.units[u];
    if (!me.rights().stated && !approvers_recorded[u]) {
      // Other MEs state theirs: this one is a gap in the data, and an ME whose rights nobody can
      // name does not visibly hold them.
      sink.report({EntityRef::unit, u},
                  quoted(me) + " does not state who holds its three rights (decision, people, pay); "
                               "add a rights block, 'self' for each right the ME holds")
          .key("rights-not-stated");
      continue;
    }
    check_right(context, u, me.rights().decision, "decision", sink);
    for (const auto& [right, approvals, which] :
         {std::tuple{&me.rights().people, &hiring, "people"}, std::tuple{&me.rights().pay, &pay, "pay"}}) {
      if (!right->stated() && check_approvals(context, u, people_of[u], *approvals, which, sink)) continue;
      check_right(context, u, *right, which, sink);
    }
  }
}

bool ThreeRights::check_approvals(const CheckContext& context, UnitIndex u, const std::vector<PersonIndex>& people,
                                  const Approvals& approvals, const char* which, FindingSink& sink) {
  const Org& org = context.org;
  const Unit& me = org.units[u];
  bool recorded = false;
  // Approvers outside the ME, each with the ME's people they approve, in first-seen order.
  std::vector<std::pair<PersonIndex, std::vector<PersonIndex>>> outside;
  for (PersonIndex p : people) {
    const Person& person = org.people[p];
    const std::string approver_id(person.approver(approvals.id));
    if (approver_id.empty()) continue;
    recorded = true;
    const PersonIndex approver = person.approver(approvals.approver);
    if (approver == kNoIndex) {
      sink.report({EntityRef::unit, u}, Severity::error,
                  quoted(person) + " of " + quoted(me) + " names " + quoted(approver_id) + " as their " +
                      approvals.key + ", but no person has that id")
          .key(std::string(which) + "-unknown-approver")
          .at(person.where)
          .concerns({EntityRef::person, p});
      continue;
    }
    if (is_person_of(org, approver, u)) continue;  // the ME's own owner or entrepreneur approves
    auto same = std::find_if(outside.begin(), outside.end(), [&](const auto& entry) { return entry.first == approver; });
    if (same == outside.end()) same = outside.insert(outside.end(), {approver, {}});
    same->second.push_back(p);
  }
  if (!recorded) return false;
  if (outside.empty()) return true;

  // The finding names the approver of most of the ME's people; the others are counted.
  const auto& [approver, approved] = *std::max_element(
      outside.begin(), outside.end(), [](const auto& a, const auto& b) { return a.second.size() < b.second.size(); });
  const Person& holder = org.people[approver];
  std::string where_they_sit;
  if (holder.unit != kNoIndex) where_they_sit = " in " + quoted(org.units[holder.unit]);
  std::string message = quoted(me) + " does not hold its own " + right_name(which) + ": " + person_with_title(holder) +
                        where_they_sit + ", outside the ME, approves the " + approvals.noun + " of " +
                        std::to_string(approved.size()) + " of its " + count_of(people.size(), "person", "people");
  if (outside.size() == 2) message += "; another approver outside the ME approves others";
  if (outside.size() > 2) message += "; " + std::to_string(outside.size() - 1) + " other approvers outside the ME approve others";
  FindingBuilder finding = sink.report({EntityRef::unit, u}, message);
  finding.key(std::string(which) + "-not-held")
      .concerns({EntityRef::person, approver})
      .related(holder.where, "approves the " + std::string(approvals.noun) + ": " + quoted(holder),
               {EntityRef::person, approver});
  constexpr std::size_t kListed = 5;  // enough to find them; the count is in the message
  for (std::size_t i = 0; i < approved.size() && i < kListed; ++i) {
    const Person& person = org.people[approved[i]];
    finding.related(person.where, std::string(approvals.noun) + " approved outside the ME: " + quoted(person),
                    {EntityRef::person, approved[i]});
  }
  return true;
}

void ThreeRights::check_right(const CheckContext& context, UnitIndex u, const RightHolder& right, const char* which,
                              FindingSink& sink) {
  const Org& org = context.org;
  const Unit& me = org.units[u];
  if (!right.stated()) {
    sink.report({EntityRef::unit, u},
                quoted(me) + " does not say who holds its " + right_name(which) + "; write 'self' if the ME holds it")
        .key(std::string(which) + "-not-stated");
    return;
  }
  if (right.held_by_self() || right.holder == me.id) return;

  const UnitIndex unit = right.unit;
  if (unit == u) return;
  if (unit != kNoIndex) {
    const Unit& holder = org.units[unit];
    sink.report({EntityRef::unit, u},
                quoted(me) + " does not hold its own " + right_name(which) + ": " + unit_description(holder) +
                    " holds it")
        .key(std::string(which) + "-not-held")
        .at(right.where)
        .concerns({EntityRef::unit, unit})
        .related(holder.where, "holds the " + std::string(which) + " right: " + quoted(holder), {EntityRef::unit, unit});
    return;
  }
  const PersonIndex person = right.person;
  if (is_person_of(org, person, u)) return;  // one of the ME's own entrepreneurs holds it
  if (person != kNoIndex) {
    const Person& holder = org.people[person];
    std::string where_they_sit;
    if (holder.unit != kNoIndex) where_they_sit = " in " + quoted(org.units[holder.unit]);
    sink.report({EntityRef::unit, u},
                quoted(me) + " does not hold its own " + right_name(which) + ": " + person_with_title(holder) +
                    where_they_sit + ", outside the ME, holds it")
        .key(std::string(which) + "-not-held")
        .at(right.where)
        .concerns({EntityRef::person, person})
        .related(holder.where, "holds the " + std::string(which) + " right: " + quoted(holder), {EntityRef::person, person});
    return;
  }
  sink.report({EntityRef::unit, u}, Severity::error,
              quoted(me) + " names " + quoted(right.holder) + " as the holder of its " + right_name(which) +
                  ", but no unit or person has that id")
      .key(std::string(which) + "-unknown-holder")
      .at(right.where);
}

}  // namespace orgaudit::rendanheyi
