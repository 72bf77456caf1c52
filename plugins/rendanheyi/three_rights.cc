#include "three_rights.h"

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
  return {"rendanheyi-three-rights",
          "micro-enterprises that do not hold their own decision, people (hiring) or pay right",
          Severity::warning,
          "Autonomy",
          {},
          ""};
}

ThreeRights::ThreeRights(const RuleOptions&) {}

void ThreeRights::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const std::vector<UnitIndex> mes = units_of_kind(org, UnitKind::me);
  if (mes.empty()) return sink.not_assessed("units of kind 'me' (micro-enterprises)");
  bool any_stated = false;
  for (UnitIndex u : mes) any_stated = any_stated || org.units[u].rights.stated;
  if (!any_stated) return sink.not_assessed("'rights' (decision, people, pay) on its MEs");
  sink.assessed(mes.size());

  for (UnitIndex u : mes) {
    const Unit& me = org.units[u];
    if (!me.rights.stated) {
      // Other MEs state theirs: this one is a gap in the data, and an ME whose rights nobody can
      // name does not visibly hold them.
      sink.report({EntityRef::unit, u},
                  quoted(me) + " does not state who holds its three rights (decision, people, pay); "
                               "add a rights block, 'self' for each right the ME holds");
      continue;
    }
    check_right(context, u, me.rights.decision, "decision", sink);
    check_right(context, u, me.rights.people, "people", sink);
    check_right(context, u, me.rights.pay, "pay", sink);
  }
}

void ThreeRights::check_right(const CheckContext& context, UnitIndex u, const RightHolder& right, const char* which,
                              FindingSink& sink) {
  const Org& org = context.org;
  const Unit& me = org.units[u];
  if (!right.stated()) {
    sink.report({EntityRef::unit, u},
                quoted(me) + " does not say who holds its " + right_name(which) + "; write 'self' if the ME holds it");
    return;
  }
  if (right.held_by_self() || right.holder == me.id) return;

  const UnitIndex unit = org.find_unit(right.holder);
  if (unit == u) return;
  if (unit != kNoIndex) {
    const Unit& holder = org.units[unit];
    sink.report({EntityRef::unit, u},
                quoted(me) + " does not hold its own " + right_name(which) + ": " + unit_description(holder) +
                    " holds it")
        .at(right.where)
        .concerns(holder.id)
        .related(holder.where, "holds the " + std::string(which) + " right: " + quoted(holder), holder.id);
    return;
  }
  const PersonIndex person = org.find_person(right.holder);
  if (is_person_of(org, person, u)) return;  // one of the ME's own entrepreneurs holds it
  if (person != kNoIndex) {
    const Person& holder = org.people[person];
    std::string where_they_sit;
    if (holder.unit != kNoIndex) where_they_sit = " in " + quoted(org.units[holder.unit]);
    sink.report({EntityRef::unit, u},
                quoted(me) + " does not hold its own " + right_name(which) + ": " + person_with_title(holder) +
                    where_they_sit + ", outside the ME, holds it")
        .at(right.where)
        .concerns(holder.id)
        .related(holder.where, "holds the " + std::string(which) + " right: " + quoted(holder), holder.id);
    return;
  }
  sink.report({EntityRef::unit, u}, Severity::error,
              quoted(me) + " names " + quoted(right.holder) + " as the holder of its " + right_name(which) +
                  ", but no unit or person has that id")
      .at(right.where);
}

}  // namespace orgaudit::rendanheyi
