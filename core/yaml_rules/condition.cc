#include "yaml_rules/condition.h"

#include <algorithm>
#include <charconv>
#include <functional>

#include "util/text.h"

namespace orgaudit::yaml_rules {
namespace {

// Levels below the top unit; -1 for the units on, or under, a parent cycle. Each unit is walked once.
std::vector<std::int32_t> unit_depths(const Org& org) {
  constexpr std::int32_t kUnknown = -2, kOnPath = -3;
  std::vector<std::int32_t> depth(org.units.size(), kUnknown);
  std::vector<UnitIndex> path;
  for (UnitIndex start = 0; start < org.units.size(); ++start) {
    path.clear();
    UnitIndex u = start;
    while (u < org.units.size() && depth[u] == kUnknown) {
      depth[u] = kOnPath;
      path.push_back(u);
      u = org.units[u].parent;
    }
    std::int32_t next = 0;  // the walk reached the top
    if (u < org.units.size()) next = depth[u] < 0 ? -1 : depth[u] + 1;  // a cycle (kOnPath) or under one (-1)
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      depth[*it] = next;
      if (next >= 0) ++next;
    }
  }
  return depth;
}

// CSR lists: the items of group g are items[start[g] .. start[g + 1]).
void group_by(std::size_t groups, std::size_t items, const std::function<UnitIndex(std::uint32_t)>& group_of,
              std::vector<std::uint32_t>& start, std::vector<std::uint32_t>& out) {
  start.assign(groups + 1, 0);
  for (std::uint32_t i = 0; i < items; ++i)
    if (const UnitIndex g = group_of(i); g < groups) ++start[g + 1];
  for (std::size_t g = 0; g < groups; ++g) start[g + 1] += start[g];
  out.assign(start[groups], 0);
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (std::uint32_t i = 0; i < items; ++i)
    if (const UnitIndex g = group_of(i); g < groups) out[next[g]++] = i;
}

bool parse_number(std::string_view text, double& out) {
  const std::string trimmed = trim(text);
  if (trimmed.empty()) return false;
  const auto [end, error] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), out);
  return error == std::errc() && end == trimmed.data() + trimmed.size();
}

Value number(double n) { return Value{true, ValueType::number, n, {}, false}; }
Value text(std::string_view t) { return Value{true, ValueType::text, 0, t, false}; }
Value flag(bool f) { return Value{true, ValueType::boolean, 0, {}, f}; }
Value count_value(std::uint32_t n) { return number(static_cast<double>(n)); }
const Value kMissing{};

template <typename Attributes>
std::string_view attribute_of(const Attributes& attributes, const std::string& key, bool& found) {
  for (const Attribute& a : attributes)
    if (a.key == key) return found = true, std::string_view(a.value);
  found = false;
  return {};
}

Value metric_value(const MetricSeries* series, MetricAspect aspect) {
  if (!series || series->values.empty()) return kMissing;
  const std::vector<double>& v = series->values;
  const std::size_t n = v.size();
  switch (aspect) {
    case MetricAspect::last: return number(v.back());
    case MetricAspect::first: return number(v.front());
    case MetricAspect::periods: return number(static_cast<double>(n));
    case MetricAspect::previous: return n < 2 ? kMissing : number(v[n - 2]);
    case MetricAspect::change: return n < 2 ? kMissing : number(v[n - 1] - v[n - 2]);
    case MetricAspect::mean: {
      double sum = 0;
      for (double x : v) sum += x;
      return number(sum / static_cast<double>(n));
    }
    case MetricAspect::trend: {
      if (n < 2) return kMissing;
      // Least squares over periods 0..n-1.
      const double mean_x = static_cast<double>(n - 1) / 2;
      double mean_y = 0;
      for (double y : v) mean_y += y;
      mean_y /= static_cast<double>(n);
      double sxy = 0, sxx = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const double dx = static_cast<double>(i) - mean_x;
        sxy += dx * (v[i] - mean_y);
        sxx += dx * dx;
      }
      return number(sxy / sxx);
    }
  }
  return kMissing;
}

Value person_field(const FieldRef& f, PersonIndex p, const OrgView& view) {
  const Person& person = view.org.people[p];
  const ReportingMetrics& r = view.metrics.reporting;
  switch (f.id) {
    case FieldId::person_id: return text(person.id);
    case FieldId::person_name: return text(person.name.empty() ? person.id : person.name);
    case FieldId::title: return text(person.title);
    case FieldId::grade: return text(person.grade);
    case FieldId::span: return count_value(r.span[p]);
    case FieldId::direct_reports: return count_value(r.direct_reports[p]);
    case FieldId::depth: return r.depth[p] < 0 ? kMissing : number(r.depth[p]);
    case FieldId::subtree_size: return count_value(r.subtree_size[p]);
    case FieldId::managers_among_reports: return count_value(r.managers_among_reports[p]);
    case FieldId::person_fte: return number(person.fte);
    case FieldId::dotted_lines: return count_value(static_cast<std::uint32_t>(person.dotted_ids.size()));
    case FieldId::is_manager: return flag(r.is_manager(p));
    case FieldId::is_root: return flag(person.manager == kNoIndex);
    case FieldId::assistant: return flag(person.has(kAssistant));
    case FieldId::contractor: return flag(person.has(kContractor));
    case FieldId::vacant: return flag(person.has(kVacant));
    case FieldId::person_user_facing: return flag(person.has(kUserFacing));
    case FieldId::external: return flag(person.has(kExternal));
    case FieldId::attribute: {
      bool found = false;
      const std::string_view value = attribute_of(person.attributes, f.key, found);
      return found ? text(value) : kMissing;
    }
    case FieldId::count: return count_value(count_of((*view.counts)[f.count], {EntityRef::person, p}, view));
    default: return kMissing;
  }
}

template <typename T>
Value at_or_missing(const std::vector<T>& values, UnitIndex u) {
  return u < values.size() ? number(static_cast<double>(values[u])) : kMissing;
}

Value unit_field(const FieldRef& f, UnitIndex u, const OrgView& view) {
  const Unit& unit = view.org.units[u];
  const UnitMetrics& m = view.metrics.units;
  const NetworkMetrics& n = view.metrics.network;
  switch (f.id) {
    case FieldId::unit_id: return text(unit.id);
    case FieldId::unit_name: return text(unit.name.empty() ? unit.id : unit.name);
    case FieldId::kind: return text(to_string(unit.kind));
    case FieldId::headcount: return at_or_missing(m.people, u);
    case FieldId::unit_fte: return at_or_missing(m.fte, u);
    case FieldId::staff_fte: return at_or_missing(m.staff_fte, u);
    case FieldId::subtree_fte: return at_or_missing(m.subtree_fte, u);
    case FieldId::subtree_headcount: return at_or_missing(m.subtree_people, u);
    case FieldId::unit_depth: return view.unit_depth[u] < 0 ? kMissing : number(view.unit_depth[u]);
    case FieldId::sub_units: return count_value(view.sub_units_start[u + 1] - view.sub_units_start[u]);
    case FieldId::members: return count_value(static_cast<std::uint32_t>(unit.members.size()));
    case FieldId::lateral_ties: return at_or_missing(n.lateral_ties, u);
    case FieldId::user_hops: return u < n.user_hops.size() && n.user_hops[u] >= 0 ? number(n.user_hops[u]) : kMissing;
    case FieldId::ei_index:
      if (u >= n.internal_weight.size() || n.internal_weight[u] + n.external_weight[u] <= 0) return kMissing;
      return number(n.ei_index(u));
    case FieldId::unit_user_facing: return flag(u < n.user_facing.size() ? n.user_facing[u] : unit.user_facing);
    case FieldId::has_owner: return flag(unit.owner != kNoIndex);
    case FieldId::has_contract: return flag(unit.contract().present);
    case FieldId::attribute: {
      bool found = false;
      const std::string_view value = attribute_of(unit.attributes, f.key, found);
      return found ? text(value) : kMissing;
    }
    case FieldId::metric: return metric_value(unit.metrics().find(f.key), f.aspect);
    case FieldId::count: return count_value(count_of((*view.counts)[f.count], {EntityRef::unit, u}, view));
    default: return kMissing;
  }
}

bool compare(const Node& node, const Value& v) {
  const Operand& o = node.operand;
  if (node.test == Test::exists) return v.present == o.flag;
  if (!v.present) return false;
  double x = v.number;
  switch (v.type) {
    case ValueType::boolean:
      return node.test == Test::is ? v.flag == o.flag : v.flag != o.flag;
    case ValueType::text:
      switch (node.test) {
        case Test::is: return v.text == o.text;
        case Test::is_not: return v.text != o.text;
        case Test::in:
        case Test::not_in: {
          const bool found = std::binary_search(o.texts.begin(), o.texts.end(), v.text,
                                                [](std::string_view a, std::string_view b) { return a < b; });
          return found == (node.test == Test::in);
        }
        case Test::like: return glob_match(o.text, v.text);
        default:
          // A numeric test on text (an attribute): the text must read as a number.
          if (!parse_number(v.text, x)) return false;
          break;
      }
      break;
    case ValueType::number:
      break;
  }
  switch (node.test) {
    case Test::is: return x == o.number;
    case Test::is_not: return x != o.number;
    case Test::above: return x > o.number;
    case Test::below: return x < o.number;
    case Test::at_least: return x >= o.number;
    case Test::at_most: return x <= o.number;
    case Test::in:
    case Test::not_in: return std::binary_search(o.numbers.begin(), o.numbers.end(), x) == (node.test == Test::in);
    default: return false;
  }
}

bool holds_node(const Condition& c, std::uint32_t index, EntityRef entity, const OrgView& view) {
  const Node& node = c.nodes[index];
  switch (node.kind) {
    case Node::always: return true;
    case Node::all:
      for (std::uint32_t child : node.children)
        if (!holds_node(c, child, entity, view)) return false;
      return true;
    case Node::any:
      for (std::uint32_t child : node.children)
        if (holds_node(c, child, entity, view)) return true;
      return false;
    case Node::negate: return !holds_node(c, node.children.front(), entity, view);
    case Node::in_unit: {
      const UnitIndex u = entity.kind == EntityRef::unit ? entity.index : view.org.people[entity.index].unit;
      const std::vector<bool>& set = view.in_unit[node.in_unit_slot];
      return u < set.size() && set[u];
    }
    case Node::compare: return compare(node, read_field(c.fields[node.field], entity, view));
  }
  return false;
}

}  // namespace

OrgView::OrgView(const Org& o, const OrgMetrics& m, const Needs& needs) : org(o), metrics(m) {
  const std::size_t units = org.units.size();
  if (needs.sub_units) group_by(units, units, [this](std::uint32_t u) { return org.units[u].parent; }, sub_units_start, sub_units);
  if (needs.people_by_unit)
    group_by(units, org.people.size(),
             [this](std::uint32_t p) { return org.people[p].has(kAggregate) ? kNoIndex : org.people[p].unit; },
             unit_people_start, unit_people);
  if (needs.unit_depth) unit_depth = unit_depths(org);
}

std::vector<std::string> OrgView::add_unit_set(const std::vector<std::string>& ids) {
  enum : std::uint8_t { unknown, inside, outside, on_path };
  std::vector<std::uint8_t> state(org.units.size(), unknown);
  std::vector<std::string> missing;
  for (const std::string& id : ids) {
    const UnitIndex u = org.find_unit(id);
    if (u == kNoIndex) missing.push_back(id);
    else state[u] = inside;
  }
  std::vector<UnitIndex> path;
  for (UnitIndex start = 0; start < org.units.size(); ++start) {
    path.clear();
    UnitIndex u = start;
    while (u < org.units.size() && state[u] == unknown) {
      state[u] = on_path;
      path.push_back(u);
      u = org.units[u].parent;
    }
    const std::uint8_t result = u < org.units.size() && state[u] == inside ? inside : outside;
    for (UnitIndex v : path) state[v] = result;
  }
  std::vector<bool>& set = in_unit.emplace_back(org.units.size(), false);
  for (UnitIndex u = 0; u < org.units.size(); ++u) set[u] = state[u] == inside;
  return missing;
}

void sort_lists(Operand& operand) {
  std::sort(operand.texts.begin(), operand.texts.end());
  std::sort(operand.numbers.begin(), operand.numbers.end());
}

Value read_field(const FieldRef& field, EntityRef entity, const OrgView& view) {
  std::uint32_t index = entity.index;
  for (Hop hop : field.hops) {
    switch (hop) {
      case Hop::manager: index = view.org.people[index].manager; break;
      case Hop::unit: index = view.org.people[index].unit; break;
      case Hop::parent: index = view.org.units[index].parent; break;
      case Hop::owner: index = view.org.units[index].owner; break;
    }
    if (index == kNoIndex) return kMissing;
  }
  return field.subject == Subject::person ? person_field(field, index, view) : unit_field(field, index, view);
}

bool holds(const Condition& condition, EntityRef entity, const OrgView& view) {
  return holds_node(condition, condition.root, entity, view);
}

std::uint32_t count_of(const Count& count, EntityRef entity, const OrgView& view) {
  std::uint32_t n = 0;
  auto tally = [&](EntityRef::Kind kind, std::uint32_t index) { n += holds(count.where, {kind, index}, view) ? 1 : 0; };
  switch (count.of) {
    case Count::reports:
      for (PersonIndex r : view.metrics.reporting.reports_of(entity.index)) tally(EntityRef::person, r);
      break;
    case Count::people:
      for (std::uint32_t i = view.unit_people_start[entity.index]; i < view.unit_people_start[entity.index + 1]; ++i)
        tally(EntityRef::person, view.unit_people[i]);
      break;
    case Count::sub_units:
      for (std::uint32_t i = view.sub_units_start[entity.index]; i < view.sub_units_start[entity.index + 1]; ++i)
        tally(EntityRef::unit, view.sub_units[i]);
      break;
    case Count::member_units:
      for (UnitIndex m : view.org.units[entity.index].members)
        if (m < view.org.units.size()) tally(EntityRef::unit, m);
      break;
  }
  return n;
}

}  // namespace orgaudit::yaml_rules
