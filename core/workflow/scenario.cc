#include "workflow/scenario.h"

#include <algorithm>
#include <array>
#include <utility>

#include <yaml-cpp/yaml.h>

#include "config/rule_settings.h"

namespace orgaudit {
namespace {

struct KindName {
  ScenarioChange::Kind kind;
  const char* name;
  bool takes_target;
};

constexpr std::array<KindName, 5> kKinds{{
    {ScenarioChange::move, "move", true},
    {ScenarioChange::move_unit, "move-unit", true},
    {ScenarioChange::remove_layer, "remove-layer", false},
    {ScenarioChange::vacate, "vacate", false},
    {ScenarioChange::remove, "remove", false},
}};

const KindName* kind_named(const std::string& name) {
  for (const KindName& k : kKinds)
    if (name == k.name) return &k;
  return nullptr;
}

std::string kind_list() {
  std::string out;
  for (const KindName& k : kKinds) out += (out.empty() ? "" : ", ") + std::string(k.name);
  return out;
}

Diagnostic place(const YAML::Node& node, const std::string& file) {
  const YAML::Mark mark = node.Mark();
  return Diagnostic{file, static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1), {}};
}

ScenarioChange read_change(const YAML::Node& item, const std::string& file) {
  if (!item.IsMap()) fail_at(item, file, "a change must be a mapping such as '{move: P-17, to: P-3}' (" + kind_list() + ")");
  const KindName* kind = nullptr;
  ScenarioChange change{};
  bool has_target = false;
  for (const auto& entry : item) {
    const std::string key = entry.first.Scalar();
    if (key == "to") {
      change.target = scalar_text(entry.second, file, "to");
      change.target_origin = place(entry.second, file);
      has_target = true;
      continue;
    }
    const KindName* named = kind_named(key);
    if (!named) fail_at(entry.first, file, "unknown key '" + key + "' in a change (" + kind_list() + ", to)");
    if (kind) fail_at(entry.first, file, "one change per list item: '" + key + "' follows '" + kind->name + "'");
    kind = named;
    change.kind = named->kind;
    change.subject = scalar_text(entry.second, file, key);
    change.origin = place(entry.second, file);
  }
  if (!kind) fail_at(item, file, "this change names no kind (" + kind_list() + ")");
  if (kind->takes_target && !has_target)
    fail_at(item, file, std::string("'") + kind->name + "' needs 'to:' (the new " +
                            (kind->kind == ScenarioChange::move ? "manager" : "parent unit") + ")");
  if (!kind->takes_target && has_target)
    fail_at(item["to"], file, std::string("'") + kind->name + "' takes no 'to:'");
  return change;
}

// --- applying ---

[[noreturn]] void refuse(const Diagnostic& origin, const std::string& message) {
  Diagnostic d = origin;
  d.message = message;
  throw InputError(std::move(d));
}

std::string label(const Person& p) { return p.id + " '" + (p.name.empty() ? p.title : p.name) + "'"; }
std::string label(const Unit& u) { return u.id + " '" + u.name + "'"; }

// People under managers and units under parents, told apart only by these: one move serves both.
template <typename Entity>
struct Tree {
  std::vector<Entity>& entities;
  std::uint32_t (Org::*find)(const std::string&) const;
  std::string Entity::*up;  // the manager's or parent's id
  const char* unknown;      // "no person or post has id"
  const char* self_cycle;   // "a person cannot manage themselves"
  const char* below;        // "reports, directly or not, to"
  const char* now_under;    // "now reports to"
  const char* no_up;        // "no manager"
};

Tree<Person> people_tree(Org& org) {
  return {org.people, &Org::find_person, &Person::manager_id, "no person or post has id", "a person cannot manage themselves",
          " reports, directly or not, to ", " now reports to ", "no manager"};
}
Tree<Unit> unit_tree(Org& org) {
  return {org.units, &Org::find_unit, &Unit::parent_id, "no unit has id", "a unit cannot be its own parent", " is inside ",
          " now sits under ", "no parent"};
}

template <typename Entity>
Entity& entity_at(const Org& org, const Tree<Entity>& tree, const std::string& id, const Diagnostic& origin) {
  const std::uint32_t i = (org.*tree.find)(id);
  if (i == kNoIndex) refuse(origin, std::string(tree.unknown) + " '" + id + "'");
  return tree.entities[i];
}

Person& person_at(Org& org, const std::string& id, const Diagnostic& origin) { return entity_at(org, people_tree(org), id, origin); }

// Whether `subject` is `start` or above it. Bounded by the number of entities, so a cycle already
// in the input cannot hang the walk.
template <typename Entity>
bool is_above(const Org& org, const Tree<Entity>& tree, const std::string& subject, std::string start) {
  for (std::size_t step = 0; !start.empty() && step <= tree.entities.size(); ++step) {
    if (start == subject) return true;
    const std::uint32_t next = (org.*tree.find)(start);
    if (next == kNoIndex) return false;
    start = tree.entities[next].*tree.up;
  }
  return false;
}

template <typename Entity>
std::string move_under(const ScenarioChange& c, const Org& org, const Tree<Entity>& tree) {
  Entity& subject = entity_at(org, tree, c.subject, c.origin);
  const Entity& target = entity_at(org, tree, c.target, c.target_origin);
  if (is_above(org, tree, subject.id, target.id))
    refuse(c.target_origin, "moving " + label(subject) + " under " + label(target) + " would make a cycle: " +
                                (subject.id == target.id ? std::string(tree.self_cycle) : target.id + tree.below + subject.id));
  const std::string was = (subject.*tree.up).empty() ? tree.no_up : subject.*tree.up;
  subject.*tree.up = target.id;
  return label(subject) + tree.now_under + label(target) + " (was " + was + ")";
}

std::size_t hand_reports_up(Org& org, const Person& manager) {
  std::size_t moved = 0;
  for (Person& p : org.people)
    if (p.manager_id == manager.id && &p != &manager) {
      p.manager_id = manager.manager_id;
      ++moved;
    }
  return moved;
}

std::string reports_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " report" : " reports"); }
const char* now_report(std::size_t n) { return n == 1 ? " now reports to " : " now report to "; }

std::string apply_remove_layer(const ScenarioChange& c, Org& org) {
  const Person& manager = person_at(org, c.subject, c.origin);
  if (manager.manager_id.empty())
    refuse(c.origin, label(manager) + " has no manager to take their reports: a top of the org is no layer to remove");
  const std::size_t moved = hand_reports_up(org, manager);
  if (moved == 0) refuse(c.origin, label(manager) + " manages no one: there is no layer to remove");
  return reports_text(moved) + " of " + label(manager) + now_report(moved) + manager.manager_id + "; " + manager.id +
         " stays, managing no one";
}

std::string apply_vacate(const ScenarioChange& c, Org& org) {
  Person& post = person_at(org, c.subject, c.origin);
  if (post.has(kVacant)) refuse(c.origin, label(post) + " is already vacant");
  const std::string who = label(post);
  post.flags |= kVacant;
  post.name.clear();  // a vacant post has no holder: its title says what it is
  return who + " is now a vacant post";
}

std::string apply_remove(const ScenarioChange& c, Org& org) {
  const Person& person = person_at(org, c.subject, c.origin);
  const std::string id = person.id, who = label(person), manager = person.manager_id;
  const std::size_t moved = hand_reports_up(org, person);
  for (Person& p : org.people) p.dotted_ids.erase(std::remove(p.dotted_ids.begin(), p.dotted_ids.end(), id), p.dotted_ids.end());
  org.links.erase(std::remove_if(org.links.begin(), org.links.end(),
                                 [&id](const Link& l) { return (!l.from.is_unit && l.from.id == id) || (!l.to.is_unit && l.to.id == id); }),
                  org.links.end());
  org.people.erase(org.people.begin() + org.find_person(id));
  org.resolve();  // indexes after the removed person shifted
  std::string effect = who + " removed";
  if (moved) effect += "; " + reports_text(moved) + now_report(moved) + (manager.empty() ? "no one (new tops of the org)" : manager);
  return effect;
}

}  // namespace

const char* to_string(ScenarioChange::Kind kind) {
  for (const KindName& k : kKinds)
    if (k.kind == kind) return k.name;
  return "?";
}

Scenario read_scenario(const FileSystem& files, const std::string& path) {
  const YAML::Node root = load_settings_file(files, path);
  if (!root.IsMap()) throw InputError(Diagnostic{path, 1, 1, "a scenario file is a mapping with a 'changes:' list"});
  for (const auto& entry : root)
    if (entry.first.Scalar() != "changes" && entry.first.Scalar() != "description")
      fail_at(entry.first, path, "unknown key '" + entry.first.Scalar() + "' in a scenario (changes, description)");
  const YAML::Node list = root["changes"];
  if (!list) throw InputError(Diagnostic{path, 1, 1, "a scenario file needs a 'changes:' list"});
  if (!list.IsSequence()) fail_at(list, path, "'changes' must be a list of changes");
  Scenario scenario;
  for (const YAML::Node& item : list) scenario.changes.push_back(read_change(item, path));
  return scenario;
}

ScenarioChange change_from_option(const std::string& option, const std::string& value) {
  const KindName* kind = kind_named(option);
  if (!kind) throw InputError(Diagnostic{"--" + option, 0, 0, "not a scenario change (" + kind_list() + ")"});
  ScenarioChange change{};
  change.kind = kind->kind;
  change.origin = Diagnostic{"--" + option + " " + value, 0, 0, {}};
  change.target_origin = change.origin;
  if (!kind->takes_target) {
    if (value.empty()) refuse(change.origin, "--" + option + " needs an id");
    change.subject = value;
    return change;
  }
  const auto colon = value.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == value.size())
    refuse(change.origin, "--" + option + " expects ID:NEW-" + (kind->kind == ScenarioChange::move ? "MANAGER" : "PARENT") +
                              ", e.g. --" + option + (kind->kind == ScenarioChange::move ? " P-17:P-3" : " U-LAB:U-RND"));
  change.subject = value.substr(0, colon);
  change.target = value.substr(colon + 1);
  return change;
}

std::vector<AppliedChange> apply_scenario(const Scenario& scenario, Org& org) {
  std::vector<AppliedChange> applied;
  org.resolve();  // the id indexes the changes look people and units up in
  for (const ScenarioChange& c : scenario.changes) {
    std::string effect;
    switch (c.kind) {
      case ScenarioChange::move: effect = move_under(c, org, people_tree(org)); break;
      case ScenarioChange::move_unit: effect = move_under(c, org, unit_tree(org)); break;
      case ScenarioChange::remove_layer: effect = apply_remove_layer(c, org); break;
      case ScenarioChange::vacate: effect = apply_vacate(c, org); break;
      case ScenarioChange::remove: effect = apply_remove(c, org); break;
    }
    applied.push_back({c, std::move(effect)});
  }
  org.resolve();
  return applied;
}

}  // namespace orgaudit
