#include "workflow/snapshot_diff.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace orgaudit {
namespace {

constexpr double kMinOverlap = 0.10;
constexpr double kMinOverlapRenamed = 0.50;

std::string normalised(const std::string& name) {
  std::string out;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isspace(u)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(u));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Vacant posts have no name; their title says what they are.
std::string label(const Person& p) { return (p.name.empty() ? p.title : p.name).str(); }

std::string depth_text(std::int32_t depth) { return depth < 0 ? "unreachable" : std::to_string(depth); }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A unit renamed only in letter case ("Finance" -> "FINANCE") is the same unit.
bool same_unit(std::string_view a, std::string_view b) { return a == b || lower(a) == lower(b); }

void compare_people(const Snapshot& a, const Snapshot& b, SnapshotDiff& diff) {
  const auto& old_depth = a.metrics.reporting.depth;
  const auto& new_depth = b.metrics.reporting.depth;
  for (PersonIndex j = 0; j < b.org.people.size(); ++j) {
    const Person& now = b.org.people[j];
    if (now.has(kAggregate)) continue;  // compared as junior groups
    const PersonIndex i = a.org.find_person(now.id);
    if (i == kNoIndex) {
      diff.people_added.push_back({now.id.str(), label(now)});
      continue;
    }
    const Person& before = a.org.people[i];
    if (before.manager_id != now.manager_id || !same_unit(before.unit_id, now.unit_id))
      diff.moved.push_back({now.id.str(), label(now), before.manager_id.str(), now.manager_id.str(), before.unit_id.str(),
                            now.unit_id.str()});
    if (before.grade != now.grade) diff.regraded.push_back({now.id.str(), label(now), before.grade.str(), now.grade.str()});
    const std::uint32_t old_span = a.metrics.reporting.span[i], new_span = b.metrics.reporting.span[j];
    if (old_span != new_span && (a.metrics.reporting.is_manager(i) || b.metrics.reporting.is_manager(j)))
      diff.spans.push_back({now.id.str(), label(now), std::to_string(old_span), std::to_string(new_span)});
    if (old_depth[i] != new_depth[j])
      diff.layers.push_back({now.id.str(), label(now), depth_text(old_depth[i]), depth_text(new_depth[j])});
  }
  for (const Person& before : a.org.people)
    if (!before.has(kAggregate) && b.org.find_person(before.id) == kNoIndex)
      diff.people_removed.push_back({before.id.str(), label(before)});
}

// Letters and digits, case-folded: publishers respell grades between snapshots (`A2L (SEO)`,
// `A2(L) (SEO)`) and headers between exports.
std::string folded(std::string_view text) {
  std::string out;
  for (char c : text)
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The profession of a junior row: its `Professional/Occupational Group` attribute.
std::string profession(const Person& p) {
  for (const Attribute& a : p.attributes)
    if (folded(a.key) == "professionaloccupationalgroup" || folded(a.key) == "profession") return a.value.str();
  return {};
}

// Junior rows have no identity of their own (a title relabelled is a new row): they are compared
// as the FTE of each senior post, grade and profession, so only real changes of staffing show.
void compare_juniors(const Org& a, const Org& b, SnapshotDiff& diff) {
  using Key = std::tuple<std::string, std::string, std::string>;
  struct Group {
    double before = 0, after = 0;
    std::string grade, profession;  // as the newest snapshot spells them
  };
  std::map<Key, Group> groups;
  auto add = [&groups](const Org& org, double& total, bool after) {
    for (const Person& p : org.people) {
      if (!p.has(kAggregate)) continue;
      Group& g = groups[Key{p.manager_id.str(), folded(p.grade), folded(profession(p))}];
      (after ? g.after : g.before) += p.fte;
      g.grade = p.grade.str();
      g.profession = profession(p);
      total += p.fte;
    }
  };
  add(a, diff.old_junior_fte, false);
  add(b, diff.new_junior_fte, true);
  for (const auto& [key, g] : groups) {
    if (std::fabs(g.before - g.after) < 1e-9) continue;
    const std::string& senior = std::get<0>(key);
    PersonIndex post = b.find_person(senior);
    const Person* named = post != kNoIndex ? &b.people[post] : nullptr;
    if (!named && (post = a.find_person(senior)) != kNoIndex) named = &a.people[post];
    diff.juniors.push_back({senior, named ? label(*named) : "", g.grade, g.profession, g.before, g.after});
  }
}

void compare_units(const Org& a, const Org& b, SnapshotDiff& diff) {
  std::unordered_map<std::string, const Unit*> old_by_lower, new_by_lower;
  for (const Unit& u : a.units) old_by_lower.emplace(lower(u.id), &u);
  for (const Unit& u : b.units) new_by_lower.emplace(lower(u.id), &u);
  for (const Unit& u : b.units) {
    if (a.find_unit(u.id) != kNoIndex) continue;
    const auto was = old_by_lower.find(lower(u.id));
    if (was != old_by_lower.end() && b.find_unit(was->second->id) == kNoIndex)
      diff.units_renamed.push_back({u.id, u.name, was->second->id, u.id});
    else
      diff.units_added.push_back({u.id, u.name});
  }
  for (const Unit& u : a.units) {
    if (b.find_unit(u.id) != kNoIndex) continue;
    const auto now = new_by_lower.find(lower(u.id));
    if (now == new_by_lower.end() || a.find_unit(now->second->id) != kNoIndex) diff.units_removed.push_back({u.id, u.name});
  }
}

int severity_rank(const std::string& severity) { return severity == "error" ? 0 : severity == "warning" ? 1 : 2; }

std::vector<SnapshotDiff::FindingChange> only_in(const RunResult& run, const RunResult& other) {
  std::unordered_set<std::string> there;
  for (const Finding& f : other.findings)
    if (!f.suppression) there.insert(f.fingerprint);
  std::vector<SnapshotDiff::FindingChange> out;
  for (const Finding& f : run.findings)
    if (!f.suppression && !there.count(f.fingerprint))
      out.push_back({f.rule_id, to_string(f.severity), f.message, f.fingerprint, f.entity_ids});
  // A new error is what a reader of a diff needs first, not at line 936.
  std::stable_sort(out.begin(), out.end(), [](const SnapshotDiff::FindingChange& x, const SnapshotDiff::FindingChange& y) {
    return severity_rank(x.severity) < severity_rank(y.severity);
  });
  return out;
}

void compare_scores(const Scores& a, const Scores& b, SnapshotDiff& diff) {
  diff.scores.push_back({"Org", a.org, b.org});
  std::vector<std::string> names;
  for (const DimensionScore& d : a.dimensions) names.push_back(d.name);
  for (const DimensionScore& d : b.dimensions)
    if (std::find(names.begin(), names.end(), d.name) == names.end()) names.push_back(d.name);
  auto score_of = [](const Scores& s, const std::string& name) -> std::optional<double> {
    for (const DimensionScore& d : s.dimensions)
      if (d.name == name) return d.score;
    return std::nullopt;
  };
  for (const std::string& name : names) diff.scores.push_back({name, score_of(a, name), score_of(b, name)});
}

}  // namespace

Relatedness relatedness(const Org& old_org, const Org& new_org) {
  Relatedness r;
  const Org& small = old_org.people.size() + old_org.units.size() <= new_org.people.size() + new_org.units.size()
                         ? old_org : new_org;
  const Org& large = &small == &old_org ? new_org : old_org;
  r.smaller = small.person_ids.size() + small.unit_ids.size();
  // Each distinct id once: at the entity its lookup finds (the first with that id).
  for (PersonIndex i = 0; i < small.people.size(); ++i)
    r.shared_ids += small.find_person(small.people[i].id) == i && large.find_person(small.people[i].id) != kNoIndex;
  for (UnitIndex i = 0; i < small.units.size(); ++i)
    r.shared_ids += small.find_unit(small.units[i].id) == i && large.find_unit(small.units[i].id) != kNoIndex;
  const std::string a = normalised(old_org.name), b = normalised(new_org.name);
  r.names_differ = !a.empty() && !b.empty() && a != b;
  if (r.smaller == 0) return r;  // an empty snapshot: nothing to compare, nothing to refuse
  const double overlap = static_cast<double>(r.shared_ids) / static_cast<double>(r.smaller);
  const double needed = r.names_differ ? kMinOverlapRenamed : kMinOverlap;
  r.related = overlap >= needed;
  if (!r.related)
    r.explanation = "the snapshots look like two different organisations: they share " + std::to_string(r.shared_ids) +
                    " of " + std::to_string(r.smaller) + " ids (" + std::to_string(static_cast<int>(overlap * 100)) +
                    "%, at least " + std::to_string(static_cast<int>(needed * 100)) + "% needed" +
                    (r.names_differ ? " when the org names differ: '" + old_org.name + "' and '" + new_org.name + "'"
                                    : "") + "); pass --allow-unrelated to compare them anyway";
  return r;
}

SnapshotDiff diff_snapshots(const Snapshot& a, const Snapshot& b) {
  SnapshotDiff diff;
  diff.old_name = a.org.name;
  diff.new_name = b.org.name;
  diff.old_as_of = a.org.as_of ? a.org.as_of->to_string() : "";
  diff.new_as_of = b.org.as_of ? b.org.as_of->to_string() : "";
  diff.old_people = a.org.headcount().people;
  diff.new_people = b.org.headcount().people;
  diff.old_headcount = headcount_text(a.org);
  diff.new_headcount = headcount_text(b.org);
  diff.old_units = a.org.units.size();
  diff.new_units = b.org.units.size();
  diff.old_layers = a.metrics.reporting.max_depth;
  diff.new_layers = b.metrics.reporting.max_depth;
  compare_people(a, b, diff);
  compare_juniors(a.org, b.org, diff);
  compare_units(a.org, b.org, diff);
  diff.introduced = only_in(b.run, a.run);
  diff.resolved = only_in(a.run, b.run);
  compare_scores(a.scores, b.scores, diff);
  return diff;
}

}  // namespace orgaudit
