// How an XML export maps onto the org model: an XPath selecting person (and unit) elements, and a
// path per field relative to each. `hr-xml` is such a mapping with HR-XML 3.0 OrganizationChart
// names; `generic-xml` is the user's own, from `input.columns` (docs/import.md), and any field of
// `hr-xml` can be overridden the same way.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "import/presets.h"

namespace orgaudit::import::xml {

// The child elements of one element that the mapping's paths start at, found once: a record's
// fields mostly start at its own children, and finding each by name again (pugixml's child())
// compares it with every sibling before it, a million records times a dozen fields. The names
// are the mapping's (Mapping::first_steps); a path knows its name's slot.
class Children {
 public:
  // Finds the children of `parent` named `names` into `slots` (names.size() of them, null before):
  // a streamed batch's records have theirs found on the thread that parsed it, while its nodes are
  // in that core's cache.
  static void find(pugi::xml_node parent, const std::vector<std::string>& names, pugi::xml_node* slots);
  // The children of `parent`, found now, or as find() found them into `slots`.
  void read(pugi::xml_node parent, const std::vector<std::string>& names);
  void use(pugi::xml_node parent, const pugi::xml_node* slots) {
    parent_ = parent;
    slots_ = slots;
  }
  pugi::xml_node parent() const { return parent_; }
  // The first child named names[slot], as parent.child(names[slot]).
  pugi::xml_node first(int slot) const { return slots_[static_cast<std::size_t>(slot)]; }

 private:
  pugi::xml_node parent_;
  std::vector<pugi::xml_node> own_;
  const pugi::xml_node* slots_ = nullptr;
};

// One path. Plain child and attribute steps (`PositionID`, `@id`, `Manager/@ref`) are followed
// directly, which is what keeps a million records fast; anything else goes to pugixml's XPath.
class FieldPath {
 public:
  FieldPath() = default;
  // Throws pugi::xpath_exception for an expression that is not XPath. The shapes hr-xml's paths
  // take (a ReportsTo* line by RelationshipTypeCode, `not(Child)`, `ancestor::Unit[1]/Id`) are also
  // followed directly, with the same meaning as the XPath.
  explicit FieldPath(std::string expression);

  bool empty() const { return expression_.empty(); }
  const std::string& expression() const { return expression_; }
  // Whether pugixml's XPath engine evaluates it (which reads an element's text as its child nodes);
  // else it is followed directly.
  bool by_xpath() const { return query_ != nullptr; }

  // The first value under `context`; `at` points at it in the parsed buffer when it lives there (for
  // its line and column), else null. Computed strings go to `storage`.
  // `children`, when given, must be the context's (read once for all the paths of a record).
  std::string_view first(pugi::xml_node context, std::string& storage, const char** at,
                         const Children* children = nullptr) const;
  // Every value under `context`, for fields that may repeat (dotted lines).
  std::vector<std::string> all(pugi::xml_node context, const Children* children = nullptr) const;

  // The child element name the path starts at, when it starts at one ("" else), and that name's
  // slot in Children.
  std::string first_step() const;
  void set_first_slot(int slot) { first_slot_ = slot; }

 private:
  // The context's first child element named steps_[0]: from `children` when they are the context's.
  pugi::xml_node first_child(pugi::xml_node context, const Children* children) const;

  enum class Shape { xpath, plain, primary_line, secondary_line, no_child, ancestor_child };
  bool shaped(const std::string& expression);

  std::string expression_;
  std::vector<std::string> steps_;  // child element names: a plain path; or the shapes' names
  std::string attribute_;           // a final @name
  bool plain_ = false;
  Shape shape_ = Shape::xpath;
  std::shared_ptr<pugi::xpath_query> query_;
  int first_slot_ = -1;
};

struct Mapping {
  std::string preset;  // "hr-xml" or "generic-xml"
  std::string person_selector;
  std::string unit_selector;  // may be empty: units come from the people's unit values then
  std::array<FieldPath, static_cast<std::size_t>(Field::count)> fields;
  std::vector<std::pair<std::string, FieldPath>> attributes;  // attribute key, path
  // Position-based exports name a manager by person instead (HR-XML ReportsToPerson): that person
  // id is looked up among the positions' incumbents.
  FieldPath manager_person, dotted_person, incumbent;
  FieldPath unit_id, unit_name, unit_parent, unit_owner, unit_kind;

  const FieldPath& operator[](Field f) const { return fields[static_cast<std::size_t>(f)]; }
  // Every path of the mapping: the person's fields, attributes and lines by person, the unit's.
  std::vector<const FieldPath*> paths() const;
  // The child element names the paths start at, each once (see Children).
  std::vector<std::string> first_steps;
};

// The mapping for a document whose root element is `root`: the named preset (or, when none is
// named, hr-xml for an <OrganizationChart>, generic-xml when the column map has `person`) with the
// column map over it. Throws InputError at `path` for an unknown preset or key, a document no
// mapping fits, a generic-xml map without `person` or `id`, an invalid XPath.
Mapping make_mapping(const std::string& preset, const std::map<std::string, std::string>& columns,
                     const std::string& root, const std::string& path, const std::string& columns_source);

}  // namespace orgaudit::import::xml
