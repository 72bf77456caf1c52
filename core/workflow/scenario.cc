#include "workflow/scenario.h"

#include <algorithm>
#include <array>
#include <utility>

#include <yaml-cpp/yaml.h>

#include "config/rule_settings.h"
#include "orgaudit/message_text.h"

namespace orgaudit {
namespace {

// What each kind is called and which keys it takes beside its own.
struct KindName {
  ScenarioChange::Kind kind;
  const char* name;
  const char* target_key;   // "to", "into", "from"; nullptr: none
  const char* target_word;  // what the target is, for "needs 'to:' (the new manager)"
  const char* option_form;  // the command line's value: "ID:MANAGER"
};

constexpr std::array<KindName, 13> kKinds{{
    {ScenarioChange::move, "move", "to", "the new manager", "ID:MANAGER"},
    {ScenarioChange::move_unit, "move-unit", "to", "the new parent unit", "ID:PARENT"},
    {ScenarioChange::remove_layer, "remove-layer", nullptr, nullptr, "ID"},
    {ScenarioChange::vacate, "vacate", nullptr, nullptr, "ID"},
    {ScenarioChange::remove, "remove", nullptr, nullptr, "ID"},
    {ScenarioChange::split_me, "split-me", nullptr, nullptr, "ME[:P-1,P-2,...]"},
    {ScenarioChange::merge_unit, "merge-unit", "into", "the unit that takes it in", "ID:INTO"},
    {ScenarioChange::add_member, "add-member", "to", "the EMC", "ID:EMC"},
    {ScenarioChange::remove_member, "remove-member", "from", "the EMC", "ID:EMC"},
    {ScenarioChange::add_contract, "add-contract", "to", "the other unit", "ID:OTHER"},
    {ScenarioChange::remove_contract, "remove-contract", "to", "the other unit", "ID:OTHER"},
    {ScenarioChange::renew_contract, "renew-contract", nullptr, nullptr, "EMC"},
    {ScenarioChange::set_right, "set-right", "to", "the holder: self, or a unit or person id", "ME:RIGHT=HOLDER"},
}};

// Keys some kinds take beside the kind and its target; `reason` and `answers` go with any.
constexpr std::array<const char*, 10> kOtherKeys{{"to", "into", "from", "people", "by", "as", "name", "right", "reason", "answers"}};
constexpr std::array<const char*, 3> kRights{{"decision", "people", "pay"}};

const KindName* kind_named(const std::string& name) {
  for (const KindName& k : kKinds)
    if (name == k.name) return &k;
  return nullptr;
}

const KindName& kind_of(ScenarioChange::Kind kind) {
  for (const KindName& k : kKinds)
    if (k.kind == kind) return k;
  return kKinds.front();
}

template <std::size_t N>
std::string listed(const std::array<const char*, N>& names) {
  std::string out;
  for (const char* n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

std::string kind_list() {
  std::string out;
  for (const KindName& k : kKinds) out += (out.empty() ? "" : ", ") + std::string(k.name);
  return out;
}

bool is_other_key(const std::string& key) {
  return std::find_if(kOtherKeys.begin(), kOtherKeys.end(), [&](const char* k) { return key == k; }) != kOtherKeys.end();
}

bool is_right(const std::string& name) {
  return std::find_if(kRights.begin(), kRights.end(), [&](const char* r) { return name == r; }) != kRights.end();
}

Diagnostic place(const YAML::Node& node, const std::string& file) {
  const YAML::Mark mark = node.Mark();
  return Diagnostic{file, static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1), {}};
}

// Whether `kind` takes the extra key `key` (not its kind key, not its target key).
bool takes(const KindName& kind, const std::string& key) {
  if (key == "reason" || key == "answers") return true;
  if (kind.target_key && key == kind.target_key) return true;
  if (kind.kind == ScenarioChange::split_me) return key == "people" || key == "by" || key == "as" || key == "name";
  if (kind.kind == ScenarioChange::set_right) return key == "right";
  return false;
}

AnsweredFinding read_answers(const YAML::Node& node, const std::string& file) {
  if (!node.IsMap()) fail_at(node, file, "'answers' is a mapping: {rule: RULE-ID, key: KEY, fingerprint: FINGERPRINT}");
  AnsweredFinding answers;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    std::string* field = key == "rule" ? &answers.rule : key == "key" ? &answers.key : key == "fingerprint" ? &answers.fingerprint : nullptr;
    if (!field) fail_at(entry.first, file, "unknown key '" + key + "' in 'answers' (rule, key, fingerprint)");
    *field = scalar_text(entry.second, file, key);
  }
  return answers;
}

void read_split_people(const YAML::Node& node, const std::string& file, ScenarioChange& change) {
  if (!node.IsSequence() || node.size() == 0) fail_at(node, file, "'people' is a list of the person ids that form the new ME");
  for (const YAML::Node& id : node) {
    change.people.push_back(scalar_text(id, file, "a person id"));
    change.people_origins.push_back(place(id, file));
  }
}

void read_extra(const std::string& key, const YAML::Node& value, const std::string& file, ScenarioChange& change) {
  if (key == "reason") change.reason = scalar_text(value, file, key);
  else if (key == "answers") change.answers = read_answers(value, file);
  else if (key == "people") read_split_people(value, file, change);
  else if (key == "name") change.new_name = scalar_text(value, file, key);
  else if (key == "as") {
    change.new_id = scalar_text(value, file, key);
    change.new_id_origin = place(value, file);
  } else if (key == "by") {
    if (scalar_text(value, file, key) != "half") fail_at(value, file, "'by' takes 'half' (or list the new ME's 'people:')");
  } else if (key == "right") {
    change.right = scalar_text(value, file, key);
    change.right_origin = place(value, file);
    if (!is_right(change.right))
      fail_at(value, file, "unknown right '" + change.right + "' (" + listed(kRights) + "; 'people' is the hiring right)");
  } else {  // the target
    change.target = scalar_text(value, file, key);
    change.target_origin = place(value, file);
  }
}

ScenarioChange read_change(const YAML::Node& item, const std::string& file) {
  if (!item.IsMap()) fail_at(item, file, "a change must be a mapping such as '{move: P-17, to: P-3}' (" + kind_list() + ")");
  const KindName* kind = nullptr;
  ScenarioChange change{};
  for (const auto& entry : item) {  // the kind first: which other keys are allowed depends on it
    const std::string key = entry.first.Scalar();
    const KindName* named = kind_named(key);
    if (!named) {
      if (!is_other_key(key))
        fail_at(entry.first, file, "unknown key '" + key + "' in a change (" + kind_list() + "; " + listed(kOtherKeys) + ")");
      continue;
    }
    if (kind) fail_at(entry.first, file, "one change per list item: '" + key + "' follows '" + kind->name + "'");
    kind = named;
    change.kind = named->kind;
    change.subject = scalar_text(entry.second, file, key);
    change.origin = place(entry.second, file);
  }
  if (!kind) fail_at(item, file, "this change names no kind (" + kind_list() + ")");
  for (const auto& entry : item) {
    const std::string key = entry.first.Scalar();
    if (key == kind->name) continue;
    if (!takes(*kind, key)) fail_at(entry.second, file, std::string("'") + kind->name + "' takes no '" + key + ":'");
    read_extra(key, entry.second, file, change);
  }
  if (kind->target_key && !item[kind->target_key])
    fail_at(item, file, std::string("'") + kind->name + "' needs '" + kind->target_key + ":' (" + kind->target_word + ")");
  if (kind->kind == ScenarioChange::set_right && !item["right"])
    fail_at(item, file, "'set-right' needs 'right:' (" + listed(kRights) + ")");
  if (kind->kind == ScenarioChange::split_me && item["people"] && item["by"])
    fail_at(item["by"], file, "'split-me' takes 'people:' or 'by: half', not both");
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
  std::uint32_t (Org::*find)(std::string_view) const;
  std::string_view (*up)(const Entity&);                     // the manager's or parent's id
  void (*set_up)(Org& org, Entity& entity, std::string_view id);
  const char* unknown;      // "no person or post has id"
  const char* self_cycle;   // "a person cannot manage themselves"
  const char* below;        // "reports, directly or not, to"
  const char* now_under;    // "now reports to"
  const char* no_up;        // "no manager"
};

Tree<Person> people_tree(Org& org) {
  return {org.people, &Org::find_person, [](const Person& p) -> std::string_view { return p.manager_id; },
          [](Org& o, Person& p, std::string_view id) { p.manager_id = o.interned(id); }, "no person or post has id",
          "a person cannot manage themselves", " reports, directly or not, to ", " now reports to ", "no manager"};
}
Tree<Unit> unit_tree(Org& org) {
  return {org.units, &Org::find_unit, [](const Unit& u) -> std::string_view { return u.parent_id; },
          [](Org&, Unit& u, std::string_view id) { u.parent_id = std::string(id); }, "no unit has id",
          "a unit cannot be its own parent", " is inside ", " now sits under ", "no parent"};
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
bool is_above(const Org& org, const Tree<Entity>& tree, std::string_view subject, std::string start) {
  for (std::size_t step = 0; !start.empty() && step <= tree.entities.size(); ++step) {
    if (start == subject) return true;
    const std::uint32_t next = (org.*tree.find)(start);
    if (next == kNoIndex) return false;
    start = std::string(tree.up(tree.entities[next]));
  }
  return false;
}

template <typename Entity>
std::string move_under(const ScenarioChange& c, Org& org, const Tree<Entity>& tree) {
  Entity& subject = entity_at(org, tree, c.subject, c.origin);
  const Entity& target = entity_at(org, tree, c.target, c.target_origin);
  if (is_above(org, tree, subject.id, std::string(target.id)))
    refuse(c.target_origin, "moving " + label(subject) + " under " + label(target) + " would make a cycle: " +
                                (subject.id == target.id ? std::string(tree.self_cycle) : target.id + tree.below + subject.id));
  const std::string_view up = tree.up(subject);
  const std::string was = up.empty() ? std::string(tree.no_up) : std::string(up);
  tree.set_up(org, subject, target.id);
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
  post.name = Text();  // a vacant post has no holder: its title says what it is
  return who + " is now a vacant post";
}

std::string apply_remove(const ScenarioChange& c, Org& org) {
  const Person& person = person_at(org, c.subject, c.origin);
  const std::string id = person.id.str(), who = label(person), manager = person.manager_id.str();
  const std::size_t moved = hand_reports_up(org, person);
  for (Person& p : org.people) p.dotted_ids.keep_if([&id](Text dotted) { return dotted != id; });
  org.links.erase(std::remove_if(org.links.begin(), org.links.end(),
                                 [&id](const Link& l) { return (!l.from.is_unit && l.from.id == id) || (!l.to.is_unit && l.to.id == id); }),
                  org.links.end());
  org.people.erase(org.people.begin() + org.find_person(id));
  org.resolve();  // indexes after the removed person shifted
  std::string effect = who + " removed";
  if (moved) effect += "; " + reports_text(moved) + now_report(moved) + (manager.empty() ? "no one (new tops of the org)" : manager);
  return effect;
}


Unit& unit_at(Org& org, const std::string& id, const Diagnostic& origin) { return entity_at(org, unit_tree(org), id, origin); }

std::string kind_words(UnitKind kind) {
  if (kind == UnitKind::me) return "an ME";
  if (kind == UnitKind::emc) return "an EMC";
  return kind == UnitKind::unspecified ? "of no kind" : "a " + std::string(to_string(kind));
}

// The unit `id`, which must be of `kind` ("only an ME splits"): refused at `origin` otherwise.
Unit& unit_of_kind(Org& org, const std::string& id, UnitKind kind, const Diagnostic& origin, const std::string& why) {
  Unit& unit = unit_at(org, id, origin);
  if (unit.kind != kind) refuse(origin, label(unit) + " is " + kind_words(unit.kind) + ", not " + kind_words(kind) + ": " + why);
  return unit;
}

bool is_member(const Unit& emc, const std::string& id) {
  return std::find(emc.member_ids.begin(), emc.member_ids.end(), id) != emc.member_ids.end();
}


std::string apply_split_me(const ScenarioChange& c, Org& org) {
  org.resolve();  // sub-teams follow the reporting lines as the changes before this one left them
  Unit& me = unit_of_kind(org, c.subject, UnitKind::me, c.origin, "only an ME splits (merge-unit and move-unit reshape other units)");
  const UnitIndex me_index = org.find_unit(me.id);
  std::vector<PersonIndex> going;
  if (c.people.empty()) {
    going = me_half(org, me_index);
    if (going.empty()) refuse(c.origin, label(me) + " has one sub-team under its owner: there is no half to split off (list the new ME's 'people:')");
  }
  for (std::size_t i = 0; i < c.people.size(); ++i) {
    const PersonIndex p = org.find_person(c.people[i]);
    const Diagnostic& at = i < c.people_origins.size() ? c.people_origins[i] : c.origin;
    if (p == kNoIndex) refuse(at, "no person or post has id '" + c.people[i] + "'");
    if (org.people[p].unit_id != me.id) refuse(at, label(org.people[p]) + " is not in " + label(me) + " (their unit is " + org.people[p].unit_id + ")");
    going.push_back(p);
  }
  std::size_t in_me = 0;
  for (const Person& p : org.people) in_me += p.unit_id == me.id;
  if (going.size() >= in_me) refuse(c.origin, "splitting " + label(me) + " this way would leave it with no one: keep some of its people");

  Unit split = me;  // kind, parent, user facing, rights and attributes as the ME's
  split.id = c.new_id.empty() ? me.id + "-2" : c.new_id;
  split.name = c.new_name.empty() ? me.name + " 2" : c.new_name;
  if (org.find_unit(split.id) != kNoIndex || org.find_person(split.id) != kNoIndex)
    refuse(c.new_id.empty() ? c.origin : c.new_id_origin, "the new ME's id '" + split.id + "' is taken: choose another with 'as:'");
  if (split.has_ecosystem()) {  // the ME's figures stay the ME's: the new one has none yet
    EcosystemRecords& records = split.ecosystem();
    records.metrics = {};
    records.win_win = {};
    records.contract = {};
  }
  split.member_ids.clear();
  split.implied = false;
  // Its owner: the first of its people whose manager is not one of them.
  split.owner_id.clear();
  for (PersonIndex p : going) {
    const PersonIndex manager = org.people[p].manager;
    if (std::find(going.begin(), going.end(), manager) == going.end()) {
      split.owner_id = org.people[p].id.str();
      break;
    }
  }
  const Text split_id = org.interned(split.id);
  for (PersonIndex p : going) org.people[p].unit_id = split_id;
  // The new ME keeps the ME's ties: its EMC memberships and its links to other units.
  for (Unit& u : org.units)
    if (is_member(u, me.id)) u.member_ids.push_back(split.id);
  for (std::size_t i = 0, links = org.links.size(); i < links; ++i) {
    Link copy = org.links[i];
    const bool from = copy.from.is_unit && copy.from.id == me.id, to = copy.to.is_unit && copy.to.id == me.id;
    if (from == to) continue;  // not the ME's, or the ME's with itself
    (from ? copy.from : copy.to).id = split.id;
    org.links.push_back(std::move(copy));
  }
  const std::string effect = count_of(going.size(), "person", "people") + " of " + label(me) + (going.size() == 1 ? " now forms" : " now form") + " the new ME " + label(split) +
                             ", owned by " + split.owner_id + "; " + count_of(in_me - going.size(), "person", "people") + " stay";
  org.units.push_back(std::move(split));
  org.resolve();
  return effect;
}

template <typename Ids>
void rename_in(Ids& ids, const std::string& from, const std::string& to) {
  std::replace(ids.begin(), ids.end(), from, to);
}

std::string apply_merge_unit(const ScenarioChange& c, Org& org) {
  const Unit& gone = unit_at(org, c.subject, c.origin);
  const Unit& into = unit_at(org, c.target, c.target_origin);
  if (is_above(org, unit_tree(org), gone.id, into.id))
    refuse(c.target_origin, "merging " + label(gone) + " into " + label(into) + " would make a cycle: " +
                                (gone.id == into.id ? std::string("a unit cannot merge into itself") : into.id + " is inside " + gone.id));
  const std::string from = gone.id, to = into.id, effect_head = label(gone) + " merged into " + label(into);
  std::size_t people = 0, units = 0;
  const Text to_text = org.interned(to);
  for (Person& p : org.people)
    if (p.unit_id == from) p.unit_id = to_text, ++people;
  for (Unit& u : org.units) {
    if (u.parent_id == from) u.parent_id = to, ++units;
    rename_in(u.member_ids, from, to);
    u.member_ids.erase(std::remove(u.member_ids.begin(), u.member_ids.end(), u.id), u.member_ids.end());  // no EMC lists itself
    std::sort(u.member_ids.begin(), u.member_ids.end());
    u.member_ids.erase(std::unique(u.member_ids.begin(), u.member_ids.end()), u.member_ids.end());
    if (u.has_ecosystem())
      for (RightHolder* r : {&u.ecosystem().rights.decision, &u.ecosystem().rights.people, &u.ecosystem().rights.pay})
        if (r->holder == from) r->holder = to;
  }
  for (Link& l : org.links) {
    if (l.from.is_unit && l.from.id == from) l.from.id = to;
    if (l.to.is_unit && l.to.id == from) l.to.id = to;
  }
  org.links.erase(std::remove_if(org.links.begin(), org.links.end(),
                                 [&to](const Link& l) { return l.from.is_unit && l.to.is_unit && l.from.id == to && l.to.id == to; }),
                  org.links.end());
  org.units.erase(org.units.begin() + org.find_unit(from));
  org.resolve();
  return effect_head + ": " + count_of(people, "person", "people") + " and " + count_of(units, "sub-unit") + " moved";
}

std::string apply_membership(const ScenarioChange& c, Org& org) {
  const Unit& member = unit_at(org, c.subject, c.origin);
  Unit& emc = unit_of_kind(org, c.target, UnitKind::emc, c.target_origin, "memberships are an EMC's");
  if (c.kind == ScenarioChange::add_member) {
    if (member.id == emc.id) refuse(c.origin, label(emc) + " cannot be a member of itself");
    if (is_member(emc, member.id)) refuse(c.origin, label(member) + " is already a member of " + label(emc));
    emc.member_ids.push_back(member.id);
    return label(member) + " is now a member of " + label(emc);
  }
  if (!is_member(emc, member.id)) refuse(c.origin, label(member) + " is not a member of " + label(emc));
  emc.member_ids.erase(std::remove(emc.member_ids.begin(), emc.member_ids.end(), member.id), emc.member_ids.end());
  return label(member) + " is no longer a member of " + label(emc);
}

bool is_contract_between(const Link& l, const std::string& a, const std::string& b) {
  return l.kind == LinkKind::contract && l.from.is_unit && l.to.is_unit &&
         ((l.from.id == a && l.to.id == b) || (l.from.id == b && l.to.id == a));
}

std::string apply_contract(const ScenarioChange& c, Org& org) {
  const Unit& from = unit_at(org, c.subject, c.origin);
  const Unit& to = unit_at(org, c.target, c.target_origin);
  const auto between = [&](const Link& l) { return is_contract_between(l, from.id, to.id); };
  const bool exists = std::any_of(org.links.begin(), org.links.end(), between);
  if (c.kind == ScenarioChange::add_contract) {
    if (from.id == to.id) refuse(c.target_origin, "a contract binds two units: " + label(from) + " cannot contract with itself");
    if (exists) refuse(c.origin, label(from) + " and " + label(to) + " already have a contract");
    Link link;
    link.kind = LinkKind::contract;
    link.from = LinkEnd{from.id, true, kNoIndex};
    link.to = LinkEnd{to.id, true, kNoIndex};
    org.links.push_back(std::move(link));
    org.resolve();
    return label(from) + " and " + label(to) + " now have a contract";
  }
  if (!exists) refuse(c.origin, label(from) + " and " + label(to) + " have no contract to remove");
  org.links.erase(std::remove_if(org.links.begin(), org.links.end(), between), org.links.end());
  return "the contract between " + label(from) + " and " + label(to) + " removed";
}

std::string apply_renew_contract(const ScenarioChange& c, Org& org) {
  Unit& emc = unit_of_kind(org, c.subject, UnitKind::emc, c.origin, "contracts that are renewed are an EMC's");
  if (!emc.contract().present) refuse(c.origin, label(emc) + " has no contract to renew: write one in the org file first");
  if (!org.as_of) refuse(c.origin, "the org has no as_of date to renew the contract of " + label(emc) + " at");
  const std::string was = emc.contract().updated ? emc.contract().updated->to_string() : "no date";
  emc.ecosystem().contract.updated = org.as_of;
  return "the contract of " + label(emc) + " is renewed as of " + org.as_of->to_string() + " (was " + was + ")";
}

std::string apply_set_right(const ScenarioChange& c, Org& org) {
  Unit& me = unit_of_kind(org, c.subject, UnitKind::me, c.origin, "the three rights are an ME's");
  if (c.target != "self" && org.find_unit(c.target) == kNoIndex && org.find_person(c.target) == kNoIndex)
    refuse(c.target_origin, "no unit or person has id '" + c.target + "' (a right's holder is self, or a unit or person id)");
  Rights& rights = me.ecosystem().rights;
  RightHolder& right = c.right == "decision" ? rights.decision : c.right == "people" ? rights.people : rights.pay;
  const std::string was = right.stated() ? right.holder : "not stated";
  right.holder = c.target;
  rights.stated = true;
  return "the " + c.right + " right of " + label(me) + " is now held by " + c.target + " (was " + was + ")";
}

}  // namespace

std::vector<std::vector<PersonIndex>> me_sub_teams(const Org& org, UnitIndex me) {
  const PersonIndex owner = org.units[me].owner;
  // Each person of the ME belongs to the team of the highest of their managers in the ME below
  // the owner: found by walking up, bounded in case the input has a cycle.
  std::vector<PersonIndex> heads;
  std::vector<std::vector<PersonIndex>> teams;
  for (PersonIndex p = 0; p < org.people.size(); ++p) {
    if (org.people[p].unit != me || p == owner) continue;
    PersonIndex head = p;
    for (std::size_t step = 0; step <= org.people.size(); ++step) {
      const PersonIndex up = org.people[head].manager;
      if (up == kNoIndex || up == owner || org.people[up].unit != me) break;
      head = up;
    }
    const auto at = std::find(heads.begin(), heads.end(), head);
    if (at == heads.end()) {
      heads.push_back(head);
      teams.push_back({p});
    } else {
      teams[static_cast<std::size_t>(at - heads.begin())].push_back(p);
    }
  }
  std::stable_sort(teams.begin(), teams.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return teams;
}

std::vector<PersonIndex> me_half(const Org& org, UnitIndex me) {
  const PersonIndex owner = org.units[me].owner;
  std::size_t staying = owner != kNoIndex && org.people[owner].unit == me ? 1 : 0;
  std::vector<PersonIndex> going;
  for (const auto& team : me_sub_teams(org, me)) {
    if (staying <= going.size()) staying += team.size();
    else going.insert(going.end(), team.begin(), team.end());
  }
  std::sort(going.begin(), going.end());
  return going;
}

const char* to_string(ScenarioChange::Kind kind) { return kind_of(kind).name; }

std::vector<std::string> change_option_names() {
  std::vector<std::string> names;
  for (const KindName& k : kKinds) names.emplace_back(k.name);
  return names;
}

Scenario read_scenario(const FileSystem& files, const std::string& path) {
  const YAML::Node root = load_settings_file(files, path);
  if (!root.IsMap()) throw InputError(Diagnostic{path, 1, 1, "a scenario file is a mapping with a 'changes:' list"});
  Scenario scenario;
  for (const auto& entry : root) {
    if (entry.first.Scalar() == "description") scenario.description = scalar_text(entry.second, path, "description");
    else if (entry.first.Scalar() != "changes")
      fail_at(entry.first, path, "unknown key '" + entry.first.Scalar() + "' in a scenario (changes, description)");
  }
  const YAML::Node list = root["changes"];
  if (!list) throw InputError(Diagnostic{path, 1, 1, "a scenario file needs a 'changes:' list"});
  if (!list.IsSequence()) fail_at(list, path, "'changes' must be a list of changes");
  for (const YAML::Node& item : list) scenario.changes.push_back(read_change(item, path));
  return scenario;
}

ScenarioChange change_from_option(const std::string& option, const std::string& value) {
  const KindName* kind = kind_named(option);
  if (!kind) throw InputError(Diagnostic{"--" + option, 0, 0, "not a scenario change (" + kind_list() + ")"});
  ScenarioChange change{};
  change.kind = kind->kind;
  change.origin = Diagnostic{"--" + option + " " + value, 0, 0, {}};
  change.target_origin = change.right_origin = change.new_id_origin = change.origin;
  const auto colon = value.find(':');
  change.subject = value.substr(0, colon);
  const std::string rest = colon == std::string::npos ? std::string() : value.substr(colon + 1);
  // A target after the colon when the kind takes one; split-me's people optionally; nothing else.
  const bool well_formed = kind->target_key ? !rest.empty()
                           : kind->kind == ScenarioChange::split_me ? colon == std::string::npos || !rest.empty()
                                                                     : colon == std::string::npos;
  if (change.subject.empty() || !well_formed) refuse(change.origin, "--" + option + " expects " + kind->option_form);
  if (kind->kind == ScenarioChange::split_me) {
    for (std::size_t start = 0; !rest.empty() && start <= rest.size();) {
      const std::size_t comma = std::min(rest.find(',', start), rest.size());
      if (comma == start) refuse(change.origin, "--split-me expects ME:P-1,P-2,... (an empty id between commas)");
      change.people.push_back(rest.substr(start, comma - start));
      change.people_origins.push_back(change.origin);
      start = comma + 1;
    }
  } else if (kind->kind == ScenarioChange::set_right) {
    const auto equals = rest.find('=');
    change.right = rest.substr(0, equals);
    if (equals == std::string::npos || equals + 1 == rest.size()) refuse(change.origin, "--set-right expects ME:RIGHT=HOLDER, e.g. --set-right ME-1:pay=self");
    if (!is_right(change.right)) refuse(change.origin, "unknown right '" + change.right + "' (" + listed(kRights) + "; 'people' is the hiring right)");
    change.target = rest.substr(equals + 1);
  } else {
    change.target = rest;
  }
  return change;
}

std::string apply_change(const ScenarioChange& c, Org& org) {
  switch (c.kind) {
    case ScenarioChange::move: return move_under(c, org, people_tree(org));
    case ScenarioChange::move_unit: return move_under(c, org, unit_tree(org));
    case ScenarioChange::remove_layer: return apply_remove_layer(c, org);
    case ScenarioChange::vacate: return apply_vacate(c, org);
    case ScenarioChange::remove: return apply_remove(c, org);
    case ScenarioChange::split_me: return apply_split_me(c, org);
    case ScenarioChange::merge_unit: return apply_merge_unit(c, org);
    case ScenarioChange::add_member:
    case ScenarioChange::remove_member: return apply_membership(c, org);
    case ScenarioChange::add_contract:
    case ScenarioChange::remove_contract: return apply_contract(c, org);
    case ScenarioChange::renew_contract: return apply_renew_contract(c, org);
    case ScenarioChange::set_right: return apply_set_right(c, org);
  }
  return {};
}

std::vector<AppliedChange> apply_scenario(const Scenario& scenario, Org& org) {
  std::vector<AppliedChange> applied;
  org.resolve();  // the id indexes the changes look people and units up in
  for (const ScenarioChange& c : scenario.changes) applied.push_back({c, apply_change(c, org)});
  org.resolve();
  return applied;
}

}  // namespace orgaudit
