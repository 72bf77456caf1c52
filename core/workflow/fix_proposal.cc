#include "workflow/fix_proposal.h"

#include <cstdint>
#include <optional>

#include "util/visible_text.h"

namespace orgaudit {
namespace {

ScenarioChange change_of(ScenarioChange::Kind kind, std::string subject, std::string target = {}) {
  ScenarioChange c{};
  c.kind = kind;
  c.subject = std::move(subject);
  c.target = std::move(target);
  c.origin = Diagnostic{"fix --propose", 0, 0, {}};
  c.target_origin = c.right_origin = c.new_id_origin = c.origin;
  return c;
}

// The index in `org` of the finding's subject when it is a `kind` (a person, a unit), found by the id
// the finding names: `org` is the proposal's copy, which the changes before may have reshaped.
std::optional<std::uint32_t> subject(const Org& org, const Finding& f, EntityRef::Kind kind) {
  const auto s = f.subject();
  if (!s || s->kind != kind || f.entity_ids.empty()) return std::nullopt;
  const std::uint32_t i = kind == EntityRef::person ? org.find_person(f.entity_ids.front()) : org.find_unit(f.entity_ids.front());
  if (i == kNoIndex) return std::nullopt;
  return i;
}

// The person a report whose manager matches no one should report to: the owner of their unit, or,
// when they own it themselves, the owner of the nearest unit above it with an owner.
std::optional<std::string> owner_above(const Org& org, PersonIndex p) {
  UnitIndex u = org.people[p].unit;
  for (std::size_t step = 0; u != kNoIndex && step <= org.units.size(); ++step) {
    const PersonIndex owner = org.units[u].owner;
    if (owner != kNoIndex && owner != p) return org.people[owner].id.str();
    u = org.units[u].parent;
  }
  return std::nullopt;
}

// The change that answers `f`, or none when the finding has no mechanical remedy.
std::optional<ScenarioChange> remedy(const Org& org, const Finding& f) {
  if (f.rule_id == "structure-span-of-control" && (f.key == "pass-through" || f.key == "single-report")) {
    const auto p = subject(org, f, EntityRef::person);
    if (!p) return std::nullopt;
    ScenarioChange c = change_of(ScenarioChange::remove_layer, org.people[*p].id.str());
    c.reason = f.key == "pass-through" ? "a pass-through layer: its one report's team moves up a layer"
                                       : "a single-report layer: its one report moves up to the manager above";
    return c;
  }
  if (f.rule_id == "rendanheyi-me-size") {
    const auto u = subject(org, f, EntityRef::unit);
    if (!u) return std::nullopt;
    const std::vector<PersonIndex> half = me_half(org, *u);
    if (half.empty()) return std::nullopt;  // one sub-team: splitting it off would empty the ME
    ScenarioChange c = change_of(ScenarioChange::split_me, org.units[*u].id);
    for (PersonIndex p : half) c.people.push_back(org.people[p].id.str());
    c.new_name = org.units[*u].name + " 2";
    c.reason = "an ME over its size splits in two: its largest sub-team, and whole sub-teams up to half its people, form a new ME";
    return c;
  }
  if (f.rule_id == "structure-integrity" && f.key == "unknown-manager") {
    const auto p = subject(org, f, EntityRef::person);
    if (!p) return std::nullopt;
    const auto owner = owner_above(org, *p);
    if (!owner) return std::nullopt;
    ScenarioChange c = change_of(ScenarioChange::move, org.people[*p].id.str(), *owner);
    c.reason = "the manager named matches no one: report to the owner of the unit";
    return c;
  }
  if (f.rule_id == "rendanheyi-emc-contract" && f.key == "stale") {
    const auto u = subject(org, f, EntityRef::unit);
    if (!u) return std::nullopt;
    ScenarioChange c = change_of(ScenarioChange::renew_contract, org.units[*u].id);
    c.reason = "a stale EMC contract: marked for renewal (update its terms when you renew it)";
    return c;
  }
  return std::nullopt;
}

// A YAML double-quoted scalar that reads back as `text`: visible()'s escapes (\\, \n, \x1b, \u202e)
// are YAML's own, so no id can break the line or hide itself from the reviewer; quotes escaped too.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char ch : visible(text, {false, false, true})) {
    if (ch == '"') out += '\\';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

FixProposal propose_fixes(const Org& org, const std::vector<Finding>& findings) {
  FixProposal proposal;
  proposal.scenario.description = "proposed by orgaudit fix --propose: review, then apply with orgaudit whatif --apply";
  Org trial = org;  // each change tried after the ones before it
  trial.resolve();
  for (const Finding& f : findings) {
    if (f.not_assessed_note || !f.counts()) continue;
    // Sub-teams follow the reporting lines as the changes so far left them: resolved indices.
    if (f.rule_id == "rendanheyi-me-size") trial.resolve();
    std::optional<ScenarioChange> change = remedy(trial, f);
    if (!change) continue;
    change->answers = AnsweredFinding{f.rule_id, f.key, f.fingerprint};
    try {
      apply_change(*change, trial);  // one at a time: a scenario's resolve() twice a change is O(n)
    } catch (const InputError& e) {  // refused before it changed anything
      proposal.unanswered.push_back({f.rule_id, f.key, f.fingerprint, e.diagnostic().message});
      continue;
    }
    proposal.scenario.changes.push_back(std::move(*change));
  }
  return proposal;
}

std::string write_scenario_yaml(const Scenario& scenario, const std::vector<std::string>& header) {
  std::string out;
  for (const std::string& line : header) out += "# " + line + "\n";
  out += "description: " + quoted(scenario.description) + "\nchanges:\n";
  for (const ScenarioChange& c : scenario.changes) {
    out += "  - " + std::string(to_string(c.kind)) + ": " + quoted(c.subject) + "\n";
    if (!c.target.empty())
      out += std::string("    ") + (c.kind == ScenarioChange::merge_unit ? "into" : c.kind == ScenarioChange::remove_member ? "from" : "to") +
             ": " + quoted(c.target) + "\n";
    if (!c.right.empty()) out += "    right: " + c.right + "\n";
    if (!c.people.empty()) {
      out += "    people: [";
      for (std::size_t i = 0; i < c.people.size(); ++i) out += (i ? ", " : "") + quoted(c.people[i]);
      out += "]\n";
    }
    if (!c.new_id.empty()) out += "    as: " + quoted(c.new_id) + "\n";
    if (!c.new_name.empty()) out += "    name: " + quoted(c.new_name) + "\n";
    if (!c.reason.empty()) out += "    reason: " + quoted(c.reason) + "\n";
    if (!c.answers.empty())
      out += "    answers: {rule: " + quoted(c.answers.rule) + ", key: " + quoted(c.answers.key) + ", fingerprint: " +
             quoted(c.answers.fingerprint) + "}\n";
  }
  return out;
}

}  // namespace orgaudit
