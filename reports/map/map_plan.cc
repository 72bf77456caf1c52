// plan_map: resolves the level and the engine, picks the scope, and hands over to the builders.
#include "map/map_plan.h"

#include <unordered_set>

#include "map/map_builders.h"
#include "map/map_limits.h"
#include "util/visible_text.h"

namespace orgaudit::map {
namespace {

std::size_t person_limit(const Options& options) {
  if (options.max_nodes) return options.max_nodes;
  return options.compact ? kCompactPersonNodes : kPersonNodes;
}

std::size_t unit_budget(const Options& options) {
  if (options.max_nodes) return options.max_nodes;
  return options.compact ? kCompactUnitNodes : kUnitNodes;
}

std::string findings_summary(const RunResult& run) {
  std::size_t n = 0;
  for (const Finding& f : run.findings)
    if (!f.suppression && !f.not_assessed_note) ++n;
  return std::to_string(n) + (n == 1 ? " finding" : " findings");
}

// Marks what `ids` names: nodes by their entity id (a name made unique keeps the id before its '#'),
// table rows by theirs, clusters by their unit's.
void highlight(Plan& plan, const std::vector<std::string>& ids) {
  if (ids.empty()) return;
  const std::unordered_set<std::string> wanted(ids.begin(), ids.end());
  for (Node& n : plan.nodes) {
    n.highlighted = wanted.count(n.name.substr(0, n.name.find('#'))) > 0;
    for (Row& r : n.rows) r.highlighted = !r.id.empty() && wanted.count(r.id) > 0;
  }
  for (Cluster& c : plan.clusters) c.highlighted = wanted.count(c.id) > 0;
}

}  // namespace

std::string NodeNames::unique(const std::string& id, std::uint32_t index) {
  // Graphviz writes a node's name raw into the SVG's <title>: controls in an id are shown escaped,
  // reversibly, so that two ids never share a name.
  std::string name = id.empty() ? "#" + std::to_string(index) : visible(id, {false, false, true});
  if (!used_.insert(name).second) {
    name += "#" + std::to_string(index);
    used_.insert(name);
  }
  return name;
}

std::string unit_caption(const Unit& unit) {
  std::string caption = unit.name.empty() ? unit.id : unit.name;
  if (unit.kind == UnitKind::emc) return caption + " · EMC";
  if (unit.kind == UnitKind::me) return caption + " · ME";
  if (unit.kind != UnitKind::unspecified) caption += std::string(" · ") + to_string(unit.kind);
  for (char& c : caption) c = c == '_' ? ' ' : c;  // shared_service -> shared service
  return caption;
}

void append_findings(std::string& tooltip, const std::string& lines) {
  if (!lines.empty()) tooltip += "\n\n" + lines;
}

std::optional<Level> parse_level(const std::string& text) {
  if (text == "person") return Level::person;
  if (text == "unit") return Level::unit;
  if (text == "auto") return Level::automatic;
  return std::nullopt;
}

Plan plan_map(const ReportInput& input, const Options& options) {
  const Org& org = input.org;
  const UnitTree tree(org, input.metrics);
  const FindingIndex findings(org, input.run);
  Level level = options.level;
  std::optional<PersonScope> people;
  if (level == Level::automatic) {
    // Person level when it fits, else units; an org without units has no other choice.
    try {
      people = person_scope(input, tree, options, person_limit(options));
      level = Level::person;
    } catch (const MapError&) {
      if (org.units.empty()) throw;
      level = Level::unit;
    }
  }

  Plan plan;
  if (level == Level::person) {
    if (!people) people = person_scope(input, tree, options, person_limit(options));
    plan = person_plan(input, tree, *people, findings);
    plan.engine = options.engine == "auto" ? "dot" : options.engine;
    plan.subtitle = std::to_string(people->people.size()) + " of " + std::to_string(org.people.size()) +
                    " people, " + people->description;
  } else {
    const UnitScope units = unit_scope(input, tree, options, unit_budget(options));
    const std::string engine = options.engine != "auto" ? options.engine : units.units.size() <= kDotNodes ? "dot" : "sfdp";
    plan = unit_plan(input, tree, units, findings, engine == "dot");
    plan.engine = engine;
    plan.collapsed_units = units.hidden_units;
    plan.subtitle = std::to_string(units.units.size()) + " of " + std::to_string(org.units.size()) + " units (" +
                    std::to_string(org.people.size()) + " people), " + units.description;
  }
  plan.level = level;
  plan.title = org.name.empty() ? std::string("Organisation map") : org.name;
  plan.subtitle += " · " + findings_summary(input.run);
  highlight(plan, options.highlight);
  return plan;
}

}  // namespace orgaudit::map
