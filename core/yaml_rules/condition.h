// A YAML rule's conditions in compiled form: a flat array of nodes read once per entity, with every
// field resolved and every literal parsed when the rule file was read, so checking a million people
// re-parses nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "orgaudit/finding.h"
#include "orgaudit/metrics.h"
#include "orgaudit/model.h"
#include "yaml_rules/fields.h"

namespace orgaudit::yaml_rules {

enum class Test : std::uint8_t { is, is_not, above, below, at_least, at_most, in, not_in, like, exists };

// A value a test compares with: written in the rule, or an option's (`$max`), filled in when the
// rule is made with the user's options (bind_options).
struct Operand {
  bool from_option = false;
  std::uint32_t option = 0;     // index into the rule's options
  double number = 0;
  std::string text;
  bool flag = false;
  std::vector<std::string> texts;  // in, not-in: sorted (sort_lists), so a long list costs a binary search
  std::vector<double> numbers;     // in, not-in over a number, sorted
};

void sort_lists(Operand& operand);

struct Node {
  enum Kind : std::uint8_t { always, all, any, negate, compare, in_unit } kind = always;
  Test test = Test::is;
  std::uint32_t field = 0;          // compare: index into Condition::fields
  std::uint32_t in_unit_slot = 0;   // in_unit: which of the rule's unit sets
  std::vector<std::uint32_t> children;  // all, any, negate
  Operand operand;
};

struct Condition {
  Subject subject = Subject::person;
  std::vector<Node> nodes;
  std::vector<FieldRef> fields;
  std::uint32_t root = 0;  // an empty condition holds for everyone
};

// A rule's named count: how many related entities (a person's reports, a unit's people, sub-units
// or members) meet a condition.
struct Count {
  enum Of : std::uint8_t { reports, people, sub_units, member_units } of = reports;
  std::string name;
  Condition where;  // on the counted entities
};

// A value read for one entity: missing when the data has none (no manager, no such attribute).
struct Value {
  bool present = false;
  ValueType type = ValueType::number;
  double number = 0;
  std::string_view text;
  bool flag = false;
};

// What a check computes once for the whole org before reading any entity.
struct OrgView {
  const Org& org;
  const OrgMetrics& metrics;
  std::vector<std::uint32_t> unit_people_start, unit_people;    // people by unit (CSR), when a count needs it
  std::vector<std::uint32_t> sub_units_start, sub_units;        // child units by unit (CSR)
  std::vector<std::int32_t> unit_depth;
  std::vector<std::vector<bool>> in_unit;  // per slot: units in the subtree of the ids it names
  const std::vector<Count>* counts = nullptr;

  // What a rule reads beyond the model and metrics, so a check builds only that.
  struct Needs {
    bool people_by_unit = false;  // a count of a unit's people
    bool sub_units = false;       // the sub-units field or a count of them
    bool unit_depth = false;
  };
  OrgView(const Org& o, const OrgMetrics& m, const Needs& needs);
  // Marks every unit in the subtrees of `ids` (a unit and all below it); returns the ids no unit has.
  std::vector<std::string> add_unit_set(const std::vector<std::string>& ids);
};

Value read_field(const FieldRef& field, EntityRef entity, const OrgView& view);
bool holds(const Condition& condition, EntityRef entity, const OrgView& view);
std::uint32_t count_of(const Count& count, EntityRef entity, const OrgView& view);

}  // namespace orgaudit::yaml_rules
