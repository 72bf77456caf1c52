#include "workflow/scenario_report.h"

#include <algorithm>

#include "json.h"
#include "util/visible_text.h"

namespace orgaudit {
namespace {

std::string origin_text(const Diagnostic& origin) {
  return origin.line ? origin.file + ":" + std::to_string(origin.line) + ":" + std::to_string(origin.column) : origin.file;
}

// "reason: ...; answers rule-id (key) v2:...": why a change is made, when the scenario says.
std::string why_words(const ScenarioChange& c) {
  std::string out;
  if (!c.reason.empty()) out += "reason: " + c.reason;
  if (!c.answers.empty())
    out += std::string(out.empty() ? "" : "; ") + "answers " + c.answers.rule + (c.answers.key.empty() ? "" : " (" + c.answers.key + ")") +
           " " + c.answers.fingerprint;
  return out;
}

// The same, as a line under the change in the text report.
std::string why_text(const ScenarioChange& c) {
  const std::string words = why_words(c);
  return words.empty() ? words : "     " + visible(words) + "\n";  // a scenario's words, made inert
}

void json_bands(JsonWriter& w, const char* key, const SpanBands& bands) {
  w.key(key).begin_object();
  for (std::size_t b = 0; b < SpanBands::kCount; ++b) w.key(SpanBands::label(b)).value(bands.managers[b]);
  w.end_object();
}

}  // namespace

std::string write_whatif_text(const WhatIfReport& r, std::size_t limit) {
  std::string out = "What if: " + std::to_string(r.changes.size()) + (r.changes.size() == 1 ? " change" : " changes") +
                    " to '" + visible(r.diff.old_name) + "' (" + r.diff.old_headcount + ", " + std::to_string(r.diff.old_units) +
                    " units)\n";
  for (std::size_t i = 0; i < r.changes.size(); ++i)
    out += "  " + std::to_string(i + 1) + ". " + to_string(r.changes[i].change.kind) + ": " + visible(r.changes[i].effect) +
           " [" + visible(origin_text(r.changes[i].change.origin)) + "]\n" + why_text(r.changes[i].change);
  out += "\nManagers by span (direct reports): before -> after\n";
  for (std::size_t b = 0; b < SpanBands::kCount; ++b)
    out += "  " + std::string(SpanBands::label(b)) + ": " + std::to_string(r.bands_before.managers[b]) + " -> " +
           std::to_string(r.bands_after.managers[b]) + "\n";
  return out + write_diff_sections_text(r.diff, limit);
}

namespace {

void write_tool(JsonWriter& w, const char* schema, const std::string& tool_version) {
  w.key("schema").value(schema).key("version").value(1);
  w.key("tool").begin_object().key("name").value("orgaudit").key("version").value(tool_version).end_object();
}

// One scenario's fields, from `changes` on, into an open object.
void write_whatif_fields(JsonWriter& w, const WhatIfReport& r) {
  w.key("changes").begin_array();
  for (const AppliedChange& c : r.changes) {
    w.begin_object().key("kind").value(to_string(c.change.kind)).key("subject").value(c.change.subject);
    if (!c.change.target.empty()) w.key("to").value(c.change.target);
    if (!c.change.right.empty()) w.key("right").value(c.change.right);
    if (!c.change.people.empty()) {
      w.key("people").begin_array();
      for (const std::string& id : c.change.people) w.value(id);
      w.end_array();
    }
    if (!c.change.reason.empty()) w.key("reason").value(c.change.reason);
    if (!c.change.answers.empty())
      w.key("answers").begin_object().key("rule").value(c.change.answers.rule).key("key").value(c.change.answers.key)
          .key("fingerprint").value(c.change.answers.fingerprint).end_object();
    w.key("origin").value(origin_text(c.change.origin)).key("effect").value(c.effect).end_object();
  }
  w.end_array();
  w.key("span_bands").begin_object();
  json_bands(w, "before", r.bands_before);
  json_bands(w, "after", r.bands_after);
  w.end_object();
  write_diff_json_fields(w, r.diff);
}

// Text from the inputs in a Markdown cell or list item: every hidden control shown escaped (the
// bidirectional overrides too), then markup made inert.
std::string md(const std::string& text) { return markdown_cell(visible(text)); }

std::string rounded(const std::optional<double>& score) {
  return score ? std::to_string(static_cast<long>(*score + 0.5)) : "n/a";
}

// "77 (+1)": a score after a scenario, with how far it moved from now (rounded, as the reports say).
std::string after_text(const std::optional<double>& before, const std::optional<double>& after) {
  if (!after || !before) return rounded(after);
  const long delta = static_cast<long>(*after + 0.5) - static_cast<long>(*before + 0.5);
  return rounded(after) + " (" + (delta > 0 ? "+" : "") + std::to_string(delta) + ")";
}

const SnapshotDiff::ScoreChange* score_named(const SnapshotDiff& diff, const std::string& dimension) {
  for (const SnapshotDiff::ScoreChange& s : diff.scores)
    if (s.dimension == dimension) return &s;
  return nullptr;
}

// One row of the side-by-side table: a label, then the cells, each padded to `width`.
std::string table_row(const std::string& label, const std::vector<std::string>& cells, std::size_t width) {
  std::string out = "  " + label + std::string(label.size() < 20 ? 20 - label.size() : 1, ' ');
  for (const std::string& cell : cells) out += cell + std::string(cell.size() < width ? width - cell.size() : 1, ' ');
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\n";
}

std::string letter(std::size_t i) { return std::string(1, static_cast<char>('A' + i % 26)) + (i >= 26 ? std::to_string(i / 26) : ""); }

}  // namespace

std::string write_whatif_json(const WhatIfReport& r, const std::string& tool_version) {
  JsonWriter w;
  w.begin_object();
  write_tool(w, "orgaudit-whatif", tool_version);
  write_whatif_fields(w, r);
  w.end_object();
  return w.take() + "\n";
}

std::string write_whatif_markdown(const WhatIfReport& r, std::size_t limit) {
  std::string out = "## What if: " + std::to_string(r.changes.size()) + (r.changes.size() == 1 ? " change" : " changes") + " to " +
                    md(r.diff.old_name) + " (" + r.diff.old_headcount + ", " + std::to_string(r.diff.old_units) + " units)\n\n";
  if (!r.description.empty()) out += md(r.description) + "\n\n";
  for (std::size_t i = 0; i < r.changes.size(); ++i) {
    const ScenarioChange& c = r.changes[i].change;
    out += std::to_string(i + 1) + ". **" + to_string(c.kind) + "**: " + md(r.changes[i].effect) + " (" +
           md(origin_text(c.origin)) + ")";
    const std::string why = why_words(c);
    if (!why.empty()) out += "<br>" + md(why);
    out += "\n";
  }
  out += "\n| Managers by span (direct reports) | before | after |\n|---|---:|---:|\n";
  for (std::size_t b = 0; b < SpanBands::kCount; ++b)
    out += "| " + std::string(SpanBands::label(b)) + " | " + std::to_string(r.bands_before.managers[b]) + " | " +
           std::to_string(r.bands_after.managers[b]) + " |\n";
  return out + "\n" + write_diff_sections_markdown(r.diff, limit);
}

std::string write_whatif_comparison_markdown(const std::vector<WhatIfReport>& reports, std::size_t limit) {
  if (reports.empty()) return {};
  const SnapshotDiff& first = reports.front().diff;
  std::string out = "## What if: " + std::to_string(reports.size()) + " scenarios for " + md(first.old_name) + "\n\n| | now |";
  std::string rule = "|---|---:|";
  for (std::size_t i = 0; i < reports.size(); ++i) {
    out += " " + letter(i) + ". " + md(reports[i].name) + " |";
    rule += "---:|";
  }
  out += "\n" + rule + "\n";
  for (const SnapshotDiff::ScoreChange& now : first.scores) {
    out += "| " + md(now.dimension) + " | " + rounded(now.before) + " |";
    for (const WhatIfReport& r : reports) {
      const SnapshotDiff::ScoreChange* s = score_named(r.diff, now.dimension);
      out += " " + (s ? after_text(s->before, s->after) : std::string("n/a")) + " |";
    }
    out += "\n";
  }
  std::string layers = "| Deepest layer | " + std::to_string(first.old_layers) + " |", fixed = "| Findings fixed | |",
              introduced = "| Findings introduced | |";
  for (const WhatIfReport& r : reports) {
    layers += " " + std::to_string(r.diff.new_layers) + " |";
    fixed += " " + std::to_string(r.diff.resolved.size()) + " |";
    introduced += " " + std::to_string(r.diff.introduced.size()) + " |";
  }
  out += layers + "\n" + fixed + "\n" + introduced + "\n";
  for (std::size_t i = 0; i < reports.size(); ++i)
    out += "\n<details><summary>" + letter(i) + ". " + md(reports[i].name) + "</summary>\n\n" +
           write_whatif_markdown(reports[i], limit) + "\n</details>\n";
  return out;
}

namespace {

// The managers above `p`, `p` first, the top last; bounded in case the input has a cycle.
std::vector<PersonIndex> chain_up(const Org& org, PersonIndex p) {
  std::vector<PersonIndex> chain;
  for (; p != kNoIndex && chain.size() <= org.people.size(); p = org.people[p].manager) chain.push_back(p);
  return chain;
}

// The lowest person above or at every one of `people` (indices of `org`), or none.
std::optional<PersonIndex> common_manager(const Org& org, const std::vector<PersonIndex>& people) {
  if (people.empty()) return std::nullopt;
  std::vector<PersonIndex> common = chain_up(org, people.front());
  std::reverse(common.begin(), common.end());  // top first
  for (std::size_t i = 1; i < people.size(); ++i) {
    std::vector<PersonIndex> chain = chain_up(org, people[i]);
    std::reverse(chain.begin(), chain.end());
    std::size_t shared = 0;
    while (shared < common.size() && shared < chain.size() && common[shared] == chain[shared]) ++shared;
    common.resize(shared);
  }
  if (common.empty()) return std::nullopt;
  return common.back();
}

}  // namespace

WhatIfPage whatif_page(const WhatIfReport& r, const Org& before) {
  WhatIfPage page;
  page.title = "What if: " + std::to_string(r.changes.size()) + (r.changes.size() == 1 ? " change" : " changes") + " to '" +
               r.diff.old_name + "'";
  for (const AppliedChange& c : r.changes) page.changes.push_back(std::string(to_string(c.change.kind)) + ": " + c.effect);
  for (const SnapshotDiff::ScoreChange& s : r.diff.scores) page.scores.push_back({s.dimension, s.before, s.after});
  page.fixed = r.diff.resolved.size();
  page.introduced = r.diff.introduced.size();
  std::vector<std::string>& ids = page.changed_ids;
  for (const SnapshotDiff::Move& m : r.diff.moved) ids.push_back(m.id);
  for (const SnapshotDiff::Change& c : r.diff.spans) ids.push_back(c.id);
  for (const auto* list : {&r.diff.people_added, &r.diff.people_removed, &r.diff.units_added, &r.diff.units_removed})
    for (const SnapshotDiff::Entity& e : *list) ids.push_back(e.id);
  for (const AppliedChange& c : r.changes) {
    ids.push_back(c.change.subject);
    if (!c.change.target.empty()) ids.push_back(c.change.target);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  // The subtree to draw: under the lowest manager of every changed person there was before (a
  // unit's change counts its owner), drawn from one layer higher, so the one who moved in is seen.
  std::vector<PersonIndex> people;
  for (const std::string& id : ids) {
    const PersonIndex p = before.find_person(id);
    const UnitIndex u = p == kNoIndex ? before.find_unit(id) : kNoIndex;
    if (p != kNoIndex) people.push_back(p);
    else if (u != kNoIndex && before.units[u].owner != kNoIndex) people.push_back(before.units[u].owner);
  }
  if (const auto top = common_manager(before, people)) {
    const PersonIndex above = before.people[*top].manager;
    page.root = before.people[above != kNoIndex ? above : *top].id;
  }
  return page;
}

std::string write_whatif_comparison_text(const std::vector<WhatIfReport>& reports, std::size_t limit) {
  if (reports.empty()) return {};
  const SnapshotDiff& first = reports.front().diff;
  std::string out = "What if: " + std::to_string(reports.size()) + " scenarios for '" + visible(first.old_name) + "' (" + first.old_headcount +
                    ", " + std::to_string(first.old_units) + " units)\n";
  std::vector<std::string> heads{"now"};
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const WhatIfReport& r = reports[i];
    out += "  " + letter(i) + ". " + visible(r.name) + " (" + std::to_string(r.changes.size()) +
           (r.changes.size() == 1 ? " change" : " changes") + ")" + (r.description.empty() ? "" : ": " + visible(r.description)) + "\n";
    heads.push_back(letter(i));
  }
  constexpr std::size_t kWidth = 10;
  out += "\n" + table_row("", heads, kWidth);
  for (const SnapshotDiff::ScoreChange& now : first.scores) {
    std::vector<std::string> cells{rounded(now.before)};
    for (const WhatIfReport& r : reports) {
      const SnapshotDiff::ScoreChange* s = score_named(r.diff, now.dimension);
      cells.push_back(s ? after_text(s->before, s->after) : "n/a");
    }
    out += table_row(now.dimension, cells, kWidth);
  }
  std::vector<std::string> layers{std::to_string(first.old_layers)}, fixed{"-"}, introduced{"-"};
  for (const WhatIfReport& r : reports) {
    layers.push_back(std::to_string(r.diff.new_layers));
    fixed.push_back(std::to_string(r.diff.resolved.size()));
    introduced.push_back(std::to_string(r.diff.introduced.size()));
  }
  out += table_row("Deepest layer", layers, kWidth) + table_row("Findings fixed", fixed, kWidth) +
         table_row("Findings introduced", introduced, kWidth);
  for (std::size_t i = 0; i < reports.size(); ++i)
    out += "\n== " + letter(i) + ". " + visible(reports[i].name) + " ==\n" + write_whatif_text(reports[i], limit);
  return out;
}

std::string write_whatif_comparison_json(const std::vector<WhatIfReport>& reports, const std::string& tool_version) {
  JsonWriter w;
  w.begin_object();
  write_tool(w, "orgaudit-whatif-comparison", tool_version);
  w.key("comparison").begin_array();
  if (!reports.empty())
    for (const SnapshotDiff::ScoreChange& now : reports.front().diff.scores) {
      w.begin_object().key("dimension").value(now.dimension).key("now");
      now.before ? w.value(*now.before) : w.null();
      w.key("after").begin_array();
      for (const WhatIfReport& r : reports) {
        const SnapshotDiff::ScoreChange* s = score_named(r.diff, now.dimension);
        s && s->after ? w.value(*s->after) : w.null();
      }
      w.end_array().end_object();
    }
  w.end_array();
  w.key("scenarios").begin_array();
  for (const WhatIfReport& r : reports) {
    w.begin_object().key("name").value(r.name).key("description").value(r.description);
    w.key("findings_fixed").value(r.diff.resolved.size()).key("findings_introduced").value(r.diff.introduced.size());
    write_whatif_fields(w, r);
    w.end_object();
  }
  w.end_array().end_object();
  return w.take() + "\n";
}

}  // namespace orgaudit
