// Small orgs for the scenario and fix-proposal tests: a person or a unit in one line.
#pragma once

#include <string>

#include "orgaudit/model.h"

namespace orgaudit {

inline void add_person(Org& org, const std::string& id, const std::string& manager, const std::string& unit) {
  Person p;
  p.id = id;
  p.name = "Name " + id;
  p.manager_id = manager;
  p.unit_id = unit;
  org.people.push_back(p);
}

inline void add_unit(Org& org, const std::string& id, UnitKind kind, const std::string& parent, const std::string& owner) {
  Unit u;
  u.id = id;
  u.name = "Unit " + id;
  u.kind = kind;
  u.parent_id = parent;
  u.owner_id = owner;
  org.units.push_back(u);
}

}  // namespace orgaudit
