#include "yaml_rules/fields.h"

#include "util/text.h"

namespace orgaudit::yaml_rules {

const char* to_string(Subject subject) { return subject == Subject::person ? "person" : "unit"; }

const char* to_string(ValueType type) {
  switch (type) {
    case ValueType::number: return "a number";
    case ValueType::text: return "text";
    case ValueType::boolean: return "true or false";
  }
  return "?";
}

const std::vector<FieldInfo>& field_table() {
  using S = Subject;
  using F = FieldId;
  using T = ValueType;
  static const std::vector<FieldInfo> kFields{
      {"id", S::person, F::person_id, T::text, "the person's id"},
      {"name", S::person, F::person_name, T::text, "their name (their id when the record has none)"},
      {"title", S::person, F::title, T::text, "job title"},
      {"grade", S::person, F::grade, T::text, "grade as written"},
      {"span", S::person, F::span, T::number, "direct reports who count towards span of control (assistants, vacant posts and aggregate rows not counted)"},
      {"direct-reports", S::person, F::direct_reports, T::number, "every direct report (individuals, solid line)"},
      {"depth", S::person, F::depth, T::number, "layers below the top (0 for a root); missing for people cut off by a reporting cycle"},
      {"subtree-size", S::person, F::subtree_size, T::number, "the person and every individual below them"},
      {"managers-among-reports", S::person, F::managers_among_reports, T::number, "direct reports who manage someone themselves"},
      {"fte", S::person, F::person_fte, T::number, "full-time equivalent (1 unless stated)"},
      {"dotted-lines", S::person, F::dotted_lines, T::number, "dotted-line managers"},
      {"is-manager", S::person, F::is_manager, T::boolean, "has at least one direct report"},
      {"is-root", S::person, F::is_root, T::boolean, "has no (resolvable) manager"},
      {"assistant", S::person, F::assistant, T::boolean, "flagged as an assistant"},
      {"contractor", S::person, F::contractor, T::boolean, "flagged as a contractor"},
      {"vacant", S::person, F::vacant, T::boolean, "a vacant post"},
      {"user-facing", S::person, F::person_user_facing, T::boolean, "works directly with users or customers"},
      {"external", S::person, F::external, T::boolean, "outside the organisation (a partner's person)"},
      {"id", S::unit, F::unit_id, T::text, "the unit's id"},
      {"name", S::unit, F::unit_name, T::text, "its name (its id when the record has none)"},
      {"kind", S::unit, F::kind, T::text, "platform, emc, me, department, shared-service, external-partner or unspecified"},
      {"headcount", S::unit, F::headcount, T::number, "people whose unit this is"},
      {"fte", S::unit, F::unit_fte, T::number, "FTE of those people (aggregate rows count their FTE)"},
      {"staff-fte", S::unit, F::staff_fte, T::number, "FTE of its own staff: vacant posts and external people not counted"},
      {"subtree-fte", S::unit, F::subtree_fte, T::number, "FTE of the unit and every unit below it"},
      {"subtree-headcount", S::unit, F::subtree_headcount, T::number, "people of the unit and every unit below it"},
      {"depth", S::unit, F::unit_depth, T::number, "levels below the top unit (0 for a unit with no parent)"},
      {"sub-units", S::unit, F::sub_units, T::number, "units whose parent this is"},
      {"members", S::unit, F::members, T::number, "an EMC's member units"},
      {"lateral-ties", S::unit, F::lateral_ties, T::number, "EMC memberships, contracts and collaboration ties (not parent lines)"},
      {"user-hops", S::unit, F::user_hops, T::number, "hops to the nearest user-facing unit over memberships and contracts (0 when it faces users); missing when none is reached"},
      {"ei-index", S::unit, F::ei_index, T::number, "Krackhardt's E-I index of its collaboration ties, -1 (all inside) to 1 (all outside)"},
      {"user-facing", S::unit, F::unit_user_facing, T::boolean, "faces users: says so, or one of its people does"},
      {"has-owner", S::unit, F::has_owner, T::boolean, "names an owner who is one of the org's people"},
      {"has-contract", S::unit, F::has_contract, T::boolean, "carries an EMC contract"},
  };
  return kFields;
}

const std::vector<HopInfo>& hop_table() {
  static const std::vector<HopInfo> kHops{
      {"manager", Subject::person, Subject::person, Hop::manager, "the person's solid-line manager"},
      {"unit", Subject::person, Subject::unit, Hop::unit, "the person's unit"},
      {"parent", Subject::unit, Subject::unit, Hop::parent, "the unit's parent unit"},
      {"owner", Subject::unit, Subject::person, Hop::owner, "the unit's owner"},
  };
  return kHops;
}

const std::vector<AspectInfo>& metric_aspects() {
  static const std::vector<AspectInfo> kAspects{
      {"last", MetricAspect::last, "the latest period's value (what `metric.NAME` alone reads)"},
      {"previous", MetricAspect::previous, "the period before the latest"},
      {"first", MetricAspect::first, "the earliest period's value"},
      {"change", MetricAspect::change, "latest minus previous"},
      {"trend", MetricAspect::trend, "the least-squares slope over every period, per period"},
      {"mean", MetricAspect::mean, "the mean over every period"},
      {"periods", MetricAspect::periods, "how many periods have a value"},
  };
  return kAspects;
}

namespace {

std::string near(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string close = did_you_mean(word, candidates);
  return close.empty() ? "" : "; did you mean '" + close + "'?";
}

// What may follow at a point of a path on `subject`: fields, hops, attribute and metric.
std::vector<std::string> names_on(Subject subject, const std::vector<CountName>* counts) {
  std::vector<std::string> names;
  for (const FieldInfo& f : field_table())
    if (f.subject == subject) names.push_back(f.name);
  for (const HopInfo& h : hop_table())
    if (h.from == subject) names.push_back(h.name);
  names.push_back("attribute");
  if (subject == Subject::unit) names.push_back("metric");
  if (counts)
    for (const CountName& c : *counts) names.push_back(c.name);
  return names;
}

bool resolve_metric(const std::vector<std::string>& parts, std::size_t at, FieldRef& out, std::string& error) {
  if (at >= parts.size() || parts[at].empty()) {
    error = "'" + out.written + "' names no metric series: write metric.NAME, e.g. metric.revenue.trend";
    return false;
  }
  out.id = FieldId::metric;
  out.type = ValueType::number;
  out.key = parts[at];
  if (at + 1 == parts.size()) return true;
  if (at + 2 != parts.size()) {
    error = "'" + out.written + "': a metric is metric.NAME or metric.NAME.ASPECT";
    return false;
  }
  std::vector<std::string> names;
  for (const AspectInfo& a : metric_aspects()) {
    if (parts[at + 1] == a.name) {
      out.aspect = a.aspect;
      return true;
    }
    names.push_back(a.name);
  }
  error = "unknown metric aspect '" + parts[at + 1] + "' in '" + out.written + "'" + near(parts[at + 1], names) +
          " (one of last, previous, first, change, trend, mean, periods)";
  return false;
}

}  // namespace

bool resolve_field(const std::string& path, Subject subject, const std::vector<CountName>& counts, FieldRef& out,
                   std::string& error) {
  out = FieldRef{};
  out.written = path;
  const std::vector<std::string> parts = split(path, '.');
  Subject at = subject;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    const bool last = i + 1 == parts.size();
    if (part == "attribute") {
      if (last || parts[i + 1].empty()) {
        error = "'" + path + "' names no attribute: write attribute.KEY, e.g. attribute.Location";
        return false;
      }
      out.subject = at;
      out.id = FieldId::attribute;
      out.type = ValueType::text;
      for (std::size_t k = i + 1; k < parts.size(); ++k) out.key += (k > i + 1 ? "." : "") + parts[k];
      return true;
    }
    if (part == "metric" && at == Subject::unit) {
      out.subject = at;
      return resolve_metric(parts, i + 1, out, error);
    }
    if (i == 0)
      for (const CountName& c : counts)
        if (c.name == part && last) {
          out.subject = at;
          out.id = FieldId::count;
          out.type = ValueType::number;
          out.count = c.index;
          return true;
        }
    bool matched = false;
    if (!last) {
      for (const HopInfo& h : hop_table())
        if (h.from == at && part == h.name) {
          out.hops.push_back(h.hop);
          at = h.to;
          matched = true;
          break;
        }
    } else {
      for (const FieldInfo& f : field_table())
        if (f.subject == at && part == f.name) {
          out.subject = at;
          out.id = f.id;
          out.type = f.type;
          return true;
        }
    }
    if (matched) continue;
    const std::vector<std::string> names = names_on(at, i == 0 ? &counts : nullptr);
    const std::string where = i == 0 ? std::string("for a ") + to_string(at)
                                     : "after '" + parts[i - 1] + "' (a " + to_string(at) + ")";
    error = std::string("unknown ") + (last ? "field" : "hop") + " '" + part + "' " + where +
            (part.empty() ? "" : near(part, names)) + " (docs/yaml-rules.md lists every field)";
    return false;
  }
  error = "'" + path + "' names no field";
  return false;
}

}  // namespace orgaudit::yaml_rules
