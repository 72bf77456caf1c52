// What a YAML rule can read about a person or a unit (docs/yaml-rules.md): the fields of the model
// and the shared metrics, by name, resolved once when the rule file is read.
//
//   span                    a person's field
//   manager.grade           the same field of their solid-line manager (a "hop")
//   unit.kind               a field of the person's unit
//   attribute.Location      a free-form attribute, by its key as written
//   metric.revenue.trend    a unit's metric series: last (default), previous, first, change, trend, mean, periods
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace orgaudit::yaml_rules {

enum class Subject : std::uint8_t { person, unit };
const char* to_string(Subject subject);  // "person", "unit"

enum class ValueType : std::uint8_t { number, text, boolean };
const char* to_string(ValueType type);  // "a number", "text", "true or false"

enum class FieldId : std::uint8_t {
  // people
  person_id, person_name, title, grade, span, direct_reports, depth, subtree_size, managers_among_reports,
  person_fte, dotted_lines, is_manager, is_root, assistant, contractor, vacant, person_user_facing, external,
  // units
  unit_id, unit_name, kind, headcount, unit_fte, staff_fte, subtree_fte, subtree_headcount, unit_depth,
  sub_units, members, lateral_ties, user_hops, ei_index, unit_user_facing, has_owner, has_contract,
  // either
  attribute, metric, count,
};

// One step from an entity to a related one before the field is read.
enum class Hop : std::uint8_t { manager, unit, parent, owner };

enum class MetricAspect : std::uint8_t { last, previous, first, change, trend, mean, periods };

struct FieldInfo {
  const char* name;
  Subject subject;
  FieldId id;
  ValueType type;
  const char* meaning;  // one line, for docs/yaml-rules.md (a test checks the page lists every name)
};

// Every named field, people's first.
const std::vector<FieldInfo>& field_table();

struct HopInfo {
  const char* name;
  Subject from;
  Subject to;
  Hop hop;
  const char* meaning;
};
const std::vector<HopInfo>& hop_table();

struct AspectInfo {
  const char* name;
  MetricAspect aspect;
  const char* meaning;
};
const std::vector<AspectInfo>& metric_aspects();

// A field as a rule names it, resolved.
struct FieldRef {
  std::vector<Hop> hops;  // from the subject, in order; any may lead nowhere (no manager), then the value is missing
  Subject subject = Subject::person;  // of the entity the field is read on, after the hops
  FieldId id = FieldId::person_id;
  ValueType type = ValueType::text;
  std::string key;  // the attribute key or metric series name
  MetricAspect aspect = MetricAspect::last;
  std::uint32_t count = 0;  // FieldId::count: which of the rule's counts
  std::string written;      // the path as the rule wrote it
};

// A rule's named count (`counts:`), visible as a field of the rule's subject.
struct CountName {
  std::string name;
  std::uint32_t index;
};

// Resolves `path` on `subject`. On failure returns false and sets `error` to a sentence with a
// did-you-mean ("unknown field 'spam' for a person; did you mean 'span'?").
bool resolve_field(const std::string& path, Subject subject, const std::vector<CountName>& counts, FieldRef& out,
                   std::string& error);

}  // namespace orgaudit::yaml_rules
