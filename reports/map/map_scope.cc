#include "map/map_scope.h"


#include "map/map_limits.h"
#include "util/text.h"

namespace orgaudit::map {
namespace {

std::string count(std::size_t n, const char* one, const char* many) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits + " " + (n == 1 ? one : many);
}

std::string depth_text(const Options& options, const char* unit_word) {
  if (!options.depth) return "";
  return ", " + count(*options.depth, unit_word, (std::string(unit_word) + "s").c_str()) + " down";
}

struct Root {
  PersonIndex person = kNoIndex;
  UnitIndex unit = kNoIndex;
};

Root find_root(const Org& org, const std::string& id) {
  if (id.empty()) return {};
  const Root root{org.find_person(id), org.find_unit(id)};
  if (root.person != kNoIndex || root.unit != kNoIndex) return root;
  std::string near;
  // A did-you-mean over a million ids costs more than the map; only offer it for ordinary orgs.
  if (org.people.size() + org.units.size() <= 100000) {
    std::vector<std::string> ids;
    for (const Person& p : org.people) ids.push_back(p.id.str());
    for (const Unit& u : org.units) ids.push_back(u.id);
    near = did_you_mean(id, ids);
  }
  throw MapError("--root '" + id + "' names no person or unit" + (near.empty() ? "" : "; did you mean '" + near + "'?"));
}

// Units breadth-first from `roots` along the parent hierarchy, one vector per level, stopping after
// `max_levels` levels below the roots.
std::vector<std::vector<UnitIndex>> unit_levels(const UnitTree& tree, std::vector<UnitIndex> roots,
                                                unsigned max_levels) {
  std::vector<std::vector<UnitIndex>> levels{std::move(roots)};
  while (levels.size() <= max_levels) {
    std::vector<UnitIndex> next;
    for (UnitIndex u : levels.back())
      next.insert(next.end(), tree.children[u].begin(), tree.children[u].end());
    if (next.empty()) break;
    levels.push_back(std::move(next));
  }
  return levels;
}

}  // namespace

std::string describe_person(const Person& p) { return p.name.empty() ? p.id.str() : "'" + p.name + "' (" + p.id + ")"; }
std::string describe_unit(const Unit& u) { return u.name.empty() ? u.id : "'" + u.name + "' (" + u.id + ")"; }

PersonScope person_scope(const ReportInput& input, const UnitTree& tree, const Options& options, std::size_t limit) {
  const Org& org = input.org;
  const ReportingMetrics& reporting = input.metrics.reporting;
  const unsigned max_depth = options.depth.value_or(~0u);
  const Root root = find_root(org, options.root);
  PersonScope scope;
  std::vector<bool> drawn(org.people.size(), false);
  if (root.person != kNoIndex) {
    // Down the solid lines from the root person, layer by layer.
    std::vector<PersonIndex> layer{root.person};
    drawn[root.person] = true;
    for (unsigned d = 0; d < max_depth && !layer.empty(); ++d) {
      std::vector<PersonIndex> next;
      for (PersonIndex m : layer)
        for (PersonIndex r : reporting.reports_of(m))
          if (!drawn[r]) drawn[r] = true, next.push_back(r);
      layer = std::move(next);
    }
    scope.top_unit = org.people[root.person].unit;
    scope.description = "under " + describe_person(org.people[root.person]) + depth_text(options, "layer");
  } else if (root.unit != kNoIndex) {
    std::vector<bool> in_scope(org.units.size(), false);
    for (const auto& level : unit_levels(tree, {root.unit}, max_depth))
      for (UnitIndex u : level) in_scope[u] = true;
    for (PersonIndex p = 0; p < org.people.size(); ++p)
      drawn[p] = org.people[p].unit != kNoIndex && in_scope[org.people[p].unit];
    scope.top_unit = root.unit;
    scope.description = "in " + describe_unit(org.units[root.unit]) + depth_text(options, "unit level");
  } else {
    for (PersonIndex p = 0; p < org.people.size(); ++p)
      drawn[p] = !options.depth || (reporting.depth[p] >= 0 && static_cast<unsigned>(reporting.depth[p]) <= max_depth);
    scope.description = "the whole org" + depth_text(options, "layer");
  }
  for (PersonIndex p = 0; p < org.people.size(); ++p)
    if (drawn[p]) scope.people.push_back(p);
  if (scope.people.size() > limit)
    throw MapError("a person-level map of " + count(scope.people.size(), "person", "people") +
                   " is too large to lay out (limit " + count(limit, "node", "nodes") +
                   ": Graphviz would take minutes); draw one node per unit with --level unit, or zoom in "
                   "with --root ID --depth N (--max-nodes raises the limit)");
  return scope;
}

UnitScope unit_scope(const ReportInput& input, const UnitTree& tree, const Options& options, std::size_t budget) {
  const Org& org = input.org;
  if (org.units.empty()) throw MapError("the org has no units to draw; draw people with --level person");
  const Root root = find_root(org, options.root);
  UnitIndex top = root.unit;
  if (top == kNoIndex && root.person != kNoIndex) {
    top = org.people[root.person].unit;
    if (top == kNoIndex)
      throw MapError("--root " + describe_person(org.people[root.person]) + " belongs to no unit; give a unit id");
  }
  const auto levels = unit_levels(tree, top == kNoIndex ? tree.roots : std::vector<UnitIndex>{top},
                                  options.depth.value_or(~0u));
  if (levels.front().size() > budget)
    throw MapError("even the top level has " + count(levels.front().size(), "unit", "units") +
                   ", more than a map can show (limit " + std::to_string(budget) + "); zoom in with --root UNIT");
  UnitScope scope;
  std::size_t l = 0;
  for (; l < levels.size() && l < kUnitLevels && scope.units.size() + levels[l].size() <= budget; ++l)
    scope.units.insert(scope.units.end(), levels[l].begin(), levels[l].end());
  scope.levels = static_cast<unsigned>(l - 1);
  const std::size_t last_level_start = scope.units.size() - levels[l - 1].size();
  scope.collapsed.assign(scope.units.size(), false);
  for (std::size_t i = last_level_start; i < scope.units.size(); ++i) {
    const UnitIndex u = scope.units[i];
    if (tree.children[u].empty()) continue;
    scope.collapsed[i] = true;
    scope.hidden_units += tree.subtree_units[u] - 1;
  }
  scope.description = top == kNoIndex ? "every unit" : "units in " + describe_unit(org.units[top]);
  scope.description += depth_text(options, "level");
  if (scope.hidden_units > 0)
    scope.description += "; " + count(scope.hidden_units, "unit", "units") + " below level " +
                         std::to_string(scope.levels) + " collapsed (zoom in with --root UNIT)";
  return scope;
}

}  // namespace orgaudit::map
