#include "workflow/scenario_report.h"

#include "json.h"

namespace orgaudit {
namespace {

std::string origin_text(const Diagnostic& origin) {
  return origin.line ? origin.file + ":" + std::to_string(origin.line) + ":" + std::to_string(origin.column) : origin.file;
}

// "     reason: ...; answers rule-id (key) v2:..." under a change that says why it is made.
std::string why_text(const ScenarioChange& c) {
  std::string out;
  if (!c.reason.empty()) out += "reason: " + c.reason;
  if (!c.answers.empty())
    out += std::string(out.empty() ? "" : "; ") + "answers " + c.answers.rule + (c.answers.key.empty() ? "" : " (" + c.answers.key + ")") +
           " " + c.answers.fingerprint;
  return out.empty() ? out : "     " + out + "\n";
}

void json_bands(JsonWriter& w, const char* key, const SpanBands& bands) {
  w.key(key).begin_object();
  for (std::size_t b = 0; b < SpanBands::kCount; ++b) w.key(SpanBands::label(b)).value(bands.managers[b]);
  w.end_object();
}

}  // namespace

std::string write_whatif_text(const WhatIfReport& r, std::size_t limit) {
  std::string out = "What if: " + std::to_string(r.changes.size()) + (r.changes.size() == 1 ? " change" : " changes") +
                    " to '" + r.diff.old_name + "' (" + r.diff.old_headcount + ", " + std::to_string(r.diff.old_units) +
                    " units)\n";
  for (std::size_t i = 0; i < r.changes.size(); ++i)
    out += "  " + std::to_string(i + 1) + ". " + to_string(r.changes[i].change.kind) + ": " + r.changes[i].effect +
           " [" + origin_text(r.changes[i].change.origin) + "]\n" + why_text(r.changes[i].change);
  out += "\nManagers by span (direct reports): before -> after\n";
  for (std::size_t b = 0; b < SpanBands::kCount; ++b)
    out += "  " + std::string(SpanBands::label(b)) + ": " + std::to_string(r.bands_before.managers[b]) + " -> " +
           std::to_string(r.bands_after.managers[b]) + "\n";
  return out + write_diff_sections_text(r.diff, limit);
}

std::string write_whatif_json(const WhatIfReport& r, const std::string& tool_version) {
  JsonWriter w;
  w.begin_object().key("schema").value("orgaudit-whatif").key("version").value(1);
  w.key("tool").begin_object().key("name").value("orgaudit").key("version").value(tool_version).end_object();
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
  w.end_object();
  return w.take() + "\n";
}

}  // namespace orgaudit
