// Text, Markdown and JSON renderings of a SnapshotDiff (docs/config.md, "Snapshot diffs"). Text and
// Markdown share one list of titled sections of rows, so they always say the same thing.
#include <cmath>
#include <cstdio>

#include "json.h"
#include "workflow/snapshot_diff.h"

namespace orgaudit {
namespace {

using Diff = SnapshotDiff;

// Names come from HR data: control characters are shown escaped so one entry stays one line.
std::string visible(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (c >= 0x20 && c != 0x7f) {
      out += static_cast<char>(c);
    } else {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
      out += buffer;
    }
  }
  return out;
}

// Markdown-inert text for a table cell: no markup, no HTML, no line breaks (`>` only quotes at the
// start of a line, so "->" is left readable).
std::string cell(const std::string& text) {
  std::string out;
  for (char c : visible(text)) {
    if (std::string_view("|\\`*_[]<#&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string score(const std::optional<double>& s) {
  if (!s) return "n/a";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.0f", *s);
  return buffer;
}

std::string signed_delta(long delta) { return (delta > 0 ? "+" : "") + std::to_string(delta); }

std::string score_delta(const Diff::ScoreChange& s) {
  return s.before && s.after ? signed_delta(std::lround(*s.after) - std::lround(*s.before)) : "";
}

struct Row {
  const char* mark;  // + added or introduced, - removed or resolved, ~ changed
  std::string subject;
  std::string detail;
};

struct Section {
  const char* title;
  std::vector<Row> rows;
};

std::string who(const std::string& id, const std::string& name) { return id + (name.empty() ? "" : " " + name); }

std::string fte(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", std::round(value * 100) / 100);
  return buffer;
}

std::string junior_group(const Diff::JuniorChange& j) {
  return (j.grade.empty() ? "(no grade)" : j.grade) + (j.profession.empty() ? "" : ", " + j.profession);
}
std::string none_if_empty(const std::string& id) { return id.empty() ? "(none)" : id; }

template <typename Item, typename Make>
Section section(const char* title, const std::vector<Item>& items, Make make) {
  Section s{title, {}};
  for (const Item& item : items) s.rows.push_back(make(item));
  return s;
}

std::vector<Section> sections(const Diff& d) {
  auto entity = [](const char* mark) {
    return [mark](const Diff::Entity& e) { return Row{mark, who(e.id, e.name), ""}; };
  };
  auto change = [](const char* what) {
    return [what](const Diff::Change& c) { return Row{"~", who(c.id, c.name), what + c.before + " -> " + c.after}; };
  };
  auto finding = [](const char* mark) {
    return [mark](const Diff::FindingChange& f) { return Row{mark, f.severity + " [" + f.rule + "]", f.message}; };
  };
  return {
      section("People added", d.people_added, entity("+")),
      section("People removed", d.people_removed, entity("-")),
      section("Moved", d.moved, [](const Diff::Move& m) {
        std::string detail;
        if (m.old_manager != m.new_manager)
          detail = "manager " + none_if_empty(m.old_manager) + " -> " + none_if_empty(m.new_manager);
        if (m.old_unit != m.new_unit)
          detail += (detail.empty() ? "" : "; ") + std::string("unit ") + none_if_empty(m.old_unit) + " -> " +
                    none_if_empty(m.new_unit);
        return Row{"~", who(m.id, m.name), detail};
      }),
      section("Re-graded", d.regraded, change("grade ")),
      section("Spans changed", d.spans, change("span ")),
      section("Layers changed", d.layers, change("layer ")),
      section("Junior staff changed", d.juniors, [](const Diff::JuniorChange& j) {
        return Row{j.before == 0 ? "+" : j.after == 0 ? "-" : "~", who(j.senior, j.senior_name),
                   junior_group(j) + ": " + fte(j.before) + " -> " + fte(j.after) + " FTE"};
      }),
      section("Units added", d.units_added, entity("+")),
      section("Units renamed", d.units_renamed, change("id ")),
      section("Units removed", d.units_removed, entity("-")),
      section("Findings introduced", d.introduced, finding("+")),
      section("Findings resolved", d.resolved, finding("-")),
  };
}

std::string summary(const Diff& d) {
  return std::to_string(d.people_added.size()) + " added, " + std::to_string(d.people_removed.size()) + " removed, " +
         std::to_string(d.moved.size()) + " moved, " + std::to_string(d.regraded.size()) + " re-graded; " +
         std::to_string(d.spans.size()) + " spans and " + std::to_string(d.layers.size()) + " layers changed; " +
         (d.old_junior_fte > 0 || d.new_junior_fte > 0
              ? "junior FTE " + fte(d.old_junior_fte) + " -> " + fte(d.new_junior_fte) + " (" +
                    std::to_string(d.juniors.size()) + " groups changed); "
              : "") +
         std::to_string(d.introduced.size()) + " findings introduced, " + std::to_string(d.resolved.size()) +
         " resolved; org score " + score(d.scores.front().before) + " -> " + score(d.scores.front().after) + ".";
}

std::string side(const std::string& name, const std::string& as_of, const std::string& headcount, std::size_t units) {
  return "'" + visible(name) + "'" + (as_of.empty() ? "" : " " + as_of) + " (" + headcount + ", " +
         std::to_string(units) + (units == 1 ? " unit)" : " units)");
}

std::size_t shown(const Section& s, std::size_t limit) { return limit && s.rows.size() > limit ? limit : s.rows.size(); }

// "key": [...], each item of `list` written by `write_item`.
template <class Item, class WriteItem>
void json_array(JsonWriter& w, const char* key, const std::vector<Item>& list, WriteItem write_item) {
  w.key(key).begin_array();
  for (const Item& item : list) write_item(item);
  w.end_array();
}

void json_entities(JsonWriter& w, const char* key, const std::vector<Diff::Entity>& list) {
  json_array(w, key, list, [&](const Diff::Entity& e) {
    w.begin_object().key("id").value(e.id).key("name").value(e.name).end_object();
  });
}

void json_changes(JsonWriter& w, const char* key, const std::vector<Diff::Change>& list) {
  json_array(w, key, list, [&](const Diff::Change& c) {
    w.begin_object().key("id").value(c.id).key("name").value(c.name).key("before").value(c.before)
        .key("after").value(c.after).end_object();
  });
}

void json_findings(JsonWriter& w, const char* key, const std::vector<Diff::FindingChange>& list) {
  json_array(w, key, list, [&](const Diff::FindingChange& f) {
    w.begin_object().key("rule").value(f.rule).key("severity").value(f.severity).key("message").value(f.message);
    w.key("fingerprint").value(f.fingerprint).key("entities").begin_array();
    for (const std::string& id : f.entities) w.value(id);
    w.end_array().end_object();
  });
}

void json_optional(JsonWriter& w, const std::optional<double>& value) {
  if (value) w.value(*value);
  else w.null();
}

void json_moves(JsonWriter& w, const char* key, const std::vector<Diff::Move>& list) {
  json_array(w, key, list, [&](const Diff::Move& m) {
    w.begin_object().key("id").value(m.id).key("name").value(m.name).key("manager_before").value(m.old_manager)
        .key("manager_after").value(m.new_manager).key("unit_before").value(m.old_unit).key("unit_after").value(m.new_unit).end_object();
  });
}

void json_junior_changes(JsonWriter& w, const char* key, const std::vector<Diff::JuniorChange>& list) {
  json_array(w, key, list, [&](const Diff::JuniorChange& j) {
    w.begin_object().key("senior").value(j.senior).key("name").value(j.senior_name).key("grade").value(j.grade)
        .key("profession").value(j.profession).key("fte_before").value(j.before).key("fte_after").value(j.after).end_object();
  });
}

void json_score_changes(JsonWriter& w, const char* key, const std::vector<Diff::ScoreChange>& list) {
  json_array(w, key, list, [&](const Diff::ScoreChange& s) {
    w.begin_object().key("dimension").value(s.dimension).key("before");
    json_optional(w, s.before);
    w.key("after");
    json_optional(w, s.after);
    w.end_object();
  });
}

}  // namespace

std::string write_diff_text(const Diff& d, std::size_t limit) {
  return "Comparing " + side(d.old_name, d.old_as_of, d.old_headcount, d.old_units) + "\n     with " +
         side(d.new_name, d.new_as_of, d.new_headcount, d.new_units) + "\n" + write_diff_sections_text(d, limit);
}

std::string markdown_cell(const std::string& text) { return cell(text); }

std::string write_diff_sections_text(const Diff& d, std::size_t limit) {
  std::string out;
  for (const Section& s : sections(d)) {
    if (s.rows.empty()) continue;
    out += "\n" + std::string(s.title) + " (" + std::to_string(s.rows.size()) + "):\n";
    for (std::size_t i = 0; i < shown(s, limit); ++i)
      out += "  " + std::string(s.rows[i].mark) + " " + visible(s.rows[i].subject) +
             (s.rows[i].detail.empty() ? "" : ": " + visible(s.rows[i].detail)) + "\n";
    if (shown(s, limit) < s.rows.size())
      out += "  ... and " + std::to_string(s.rows.size() - limit) + " more (--limit 0 or --format json lists all)\n";
  }
  out += "\nScores:\n";
  for (const Diff::ScoreChange& s : d.scores) {
    const std::string delta = score_delta(s);
    out += "  " + s.dimension + ": " + score(s.before) + " -> " + score(s.after) + (delta.empty() ? "" : " (" + delta + ")") + "\n";
  }
  out += "  Deepest layer: " + std::to_string(d.old_layers) + " -> " + std::to_string(d.new_layers) + "\n";
  return out + "\n" + summary(d) + "\n";
}

std::string write_diff_markdown(const Diff& d, std::size_t limit) {
  return "## orgaudit diff: " + cell(d.new_name.empty() ? d.old_name : d.new_name) + ", " +
         (d.old_as_of.empty() ? "old" : d.old_as_of) + " to " + (d.new_as_of.empty() ? "new" : d.new_as_of) + "\n\n" +
         write_diff_sections_markdown(d, limit);
}

std::string write_diff_sections_markdown(const Diff& d, std::size_t limit) {
  std::string out = summary(d) + "\n\n| | before | after | change |\n|---|---:|---:|---:|\n";
  auto row = [&out](const std::string& what, const std::string& before, const std::string& after, const std::string& delta) {
    out += "| " + cell(what) + " | " + before + " | " + after + " | " + delta + " |\n";
  };
  row("People", std::to_string(d.old_people), std::to_string(d.new_people), signed_delta(long(d.new_people) - long(d.old_people)));
  row("Units", std::to_string(d.old_units), std::to_string(d.new_units), signed_delta(long(d.new_units) - long(d.old_units)));
  row("Deepest layer", std::to_string(d.old_layers), std::to_string(d.new_layers), signed_delta(d.new_layers - d.old_layers));
  for (const Diff::ScoreChange& s : d.scores)
    row(s.dimension == "Org" ? "Org score" : s.dimension, score(s.before), score(s.after), score_delta(s));
  for (const Section& s : sections(d)) {
    if (s.rows.empty()) continue;
    out += "\n### " + std::string(s.title) + " (" + std::to_string(s.rows.size()) + ")\n\n| | entry | change |\n|---|---|---|\n";
    for (std::size_t i = 0; i < shown(s, limit); ++i)
      out += "| " + std::string(s.rows[i].mark) + " | " + cell(s.rows[i].subject) + " | " + cell(s.rows[i].detail) + " |\n";
    if (shown(s, limit) < s.rows.size()) out += "\n" + std::to_string(s.rows.size() - limit) + " more not shown.\n";
  }
  return out;
}

std::string write_diff_json(const Diff& d, const std::string& tool_version) {
  JsonWriter w;
  w.begin_object().key("schema").value("orgaudit-diff").key("version").value(1);
  w.key("tool").begin_object().key("name").value("orgaudit").key("version").value(tool_version).end_object();
  write_diff_json_fields(w, d);
  w.end_object();
  return w.take() + "\n";
}

void write_diff_json_fields(JsonWriter& w, const Diff& d) {
  for (const auto& [key, name, as_of, people, units, layers] :
       {std::tuple{"old", &d.old_name, &d.old_as_of, d.old_people, d.old_units, d.old_layers},
        std::tuple{"new", &d.new_name, &d.new_as_of, d.new_people, d.new_units, d.new_layers}}) {
    w.key(key).begin_object().key("name").value(*name).key("as_of");
    if (as_of->empty()) w.null();
    else w.value(*as_of);
    w.key("people").value(people).key("units").value(units).key("deepest_layer").value(layers);
    w.key("junior_fte").value(std::string(key) == "old" ? d.old_junior_fte : d.new_junior_fte).end_object();
  }
  json_entities(w, "people_added", d.people_added);
  json_entities(w, "people_removed", d.people_removed);
  json_moves(w, "moved", d.moved);
  json_changes(w, "regraded", d.regraded);
  json_changes(w, "spans_changed", d.spans);
  json_changes(w, "layers_changed", d.layers);
  json_junior_changes(w, "juniors_changed", d.juniors);
  json_entities(w, "units_added", d.units_added);
  json_entities(w, "units_removed", d.units_removed);
  json_changes(w, "units_renamed", d.units_renamed);
  json_findings(w, "findings_introduced", d.introduced);
  json_findings(w, "findings_resolved", d.resolved);
  json_score_changes(w, "scores", d.scores);
}

}  // namespace orgaudit
