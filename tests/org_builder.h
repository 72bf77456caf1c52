// Small orgs built in C++ for unit tests, the one builder every test uses. Entities are added in
// order; each call names the fields a test cares about and leaves the rest at the model's defaults:
//
//   const Org org = OrgBuilder()
//                       .unit("TOP").kind(UnitKind::platform)
//                       .unit("ME", "TOP").kind(UnitKind::me).owner("BOSS")
//                       .person("BOSS").name("Ann").in("TOP")
//                       .person("P1", "BOSS").in("ME").flags(kUserFacing).fte(0.5)
//                       .link("P1", "TOP", LinkKind::contract)
//                       .build();
//
// Every entity sits on its own lines of a file t.yaml: the entity at column 5 of one line, its
// manager or parent field at the next (column 14 or 13), so findings have places to compare.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "orgaudit/model.h"

namespace orgaudit::testing {

class OrgBuilder;

// A field set from a test's string: a Text is stored in the org, other strings as they are.
inline void assign(Org& org, Text& field, std::string_view value) { field = org.text(value); }
inline void assign(Org&, std::string& field, std::string_view value) { field = std::string(value); }
inline void assign(Org& org, SmallList<Text>& field, const std::vector<std::string>& values) {
  field.clear();
  for (const std::string& value : values) field.push_back(org.text(value));
}
inline void assign(Org&, std::vector<std::string>& field, const std::vector<std::string>& values) { field = values; }

// A list of the model's texts as strings, for comparing with what a test expects.
inline std::vector<std::string> strings(const SmallList<Text>& texts) {
  std::vector<std::string> out;
  for (Text text : texts) out.push_back(text.str());
  return out;
}

// What the last person or unit call returned: sets more of that entity's fields, or goes on
// building (person, unit, link, build) as the builder itself would.
template <typename Entity>
class EntityEditor {
 public:
  EntityEditor(OrgBuilder& builder, Org& org, std::vector<Entity>& entities, std::size_t index)
      : builder_(builder), org_(org), entities_(entities), index_(index) {}

  EntityEditor<Person> person(std::string id, std::string manager = "");
  EntityEditor<Unit> unit(std::string id, std::string parent = "");
  OrgBuilder& link(std::string from, std::string to, LinkKind kind = LinkKind::collaboration, double weight = 1.0);
  Org build();
  operator OrgBuilder&() { return builder_; }

  EntityEditor& name(const std::string& name) { return text(&Entity::name, name); }

  // Person fields.
  EntityEditor& in(const std::string& unit) { return text(&Person::unit_id, unit); }
  EntityEditor& flags(std::uint8_t flags) { return set(&Person::flags, flags); }
  EntityEditor& fte(double fte) { return set(&Person::fte, fte); }
  EntityEditor& grade(const std::string& grade) { return text(&Person::grade, grade); }
  EntityEditor& title(const std::string& title) { return text(&Person::title, title); }
  EntityEditor& dotted(const std::vector<std::string>& ids) { return text(&Person::dotted_ids, ids); }

  // Unit fields.
  EntityEditor& kind(UnitKind kind) { return set(&Unit::kind, kind); }
  EntityEditor& owner(const std::string& owner) { return text(&Unit::owner_id, owner); }
  EntityEditor& user_facing(bool facing = true) { return set(&Unit::user_facing, facing); }
  EntityEditor& members(const std::vector<std::string>& members) { return text(&Unit::member_ids, members); }

 private:
  template <typename Value>
  EntityEditor& set(Value Entity::*field, Value value) {
    entities_[index_].*field = std::move(value);
    return *this;
  }
  template <typename Field, typename Value>
  EntityEditor& text(Field Entity::*field, const Value& value) {
    assign(org_, entities_[index_].*field, value);
    return *this;
  }

  OrgBuilder& builder_;
  Org& org_;
  std::vector<Entity>& entities_;
  std::size_t index_;
};

class OrgBuilder {
 public:
  OrgBuilder() { org_.add_file("t.yaml"); }

  // A person or post reporting to `manager` ("" for a top of the org).
  EntityEditor<Person> person(std::string id, std::string manager = "") {
    return add(org_.people, id, &Person::manager_id, manager, &Person::manager_where, 14);
  }

  // A unit under `parent` ("" for a top unit).
  EntityEditor<Unit> unit(std::string id, std::string parent = "") {
    return add(org_.units, id, &Unit::parent_id, parent, &Unit::parent_where, 13);
  }

  // A tie between two people, two units, or one of each.
  OrgBuilder& link(std::string from, std::string to, LinkKind kind = LinkKind::collaboration, double weight = 1.0) {
    Link l;
    l.from.id = std::move(from);
    l.to.id = std::move(to);
    l.kind = kind;
    l.weight = weight;
    l.where = SourceLocation{0, line_++, 5};
    org_.links.push_back(std::move(l));
    return *this;
  }

  // The org as built so far, to change what no call sets (before build()).
  Org& org() { return org_; }

  // Resolves every id reference, as the loaders do.
  Org build() {
    org_.resolve();
    return std::move(org_);
  }

 private:
  // An entity on the next two lines: itself at column 5, then the field naming its manager or parent.
  template <typename Entity, typename Reference>
  EntityEditor<Entity> add(std::vector<Entity>& entities, const std::string& id, Reference Entity::*reference,
                           const std::string& referenced, SourceLocation Entity::*reference_where,
                           std::uint32_t reference_column) {
    Entity entity;
    assign(org_, entity.id, id);
    assign(org_, entity.*reference, referenced);
    entity.where = SourceLocation{0, line_, 5};
    entity.*reference_where = SourceLocation{0, line_ + 1, reference_column};
    line_ += 2;
    entities.push_back(std::move(entity));
    return {*this, org_, entities, entities.size() - 1};
  }

  Org org_;
  std::uint32_t line_ = 1;
};

template <typename Entity>
EntityEditor<Person> EntityEditor<Entity>::person(std::string id, std::string manager) {
  return builder_.person(std::move(id), std::move(manager));
}
template <typename Entity>
EntityEditor<Unit> EntityEditor<Entity>::unit(std::string id, std::string parent) {
  return builder_.unit(std::move(id), std::move(parent));
}
template <typename Entity>
OrgBuilder& EntityEditor<Entity>::link(std::string from, std::string to, LinkKind kind, double weight) {
  return builder_.link(std::move(from), std::move(to), kind, weight);
}
template <typename Entity>
Org EntityEditor<Entity>::build() {
  return builder_.build();
}

}  // namespace orgaudit::testing
