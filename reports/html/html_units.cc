// Units ranked by score (core/scoring's per-unit roll-up), lowest first, in a table the reader can
// sort by any column.
#include <cstdio>

#include "html/html_escape.h"
#include "html/html_sections.h"

namespace orgaudit::html {
namespace {

// More rows than a reader scans, and enough to keep a 1M-person org's report openable; the JSON and
// XML reports list every unit.
constexpr std::size_t kUnitRows = 1000;

// The assessed dimension (other than data quality) with the lowest score in a unit.
std::string weakest(const std::vector<DimensionScore>& dimensions) {
  const DimensionScore* worst = nullptr;
  for (const DimensionScore& d : dimensions)
    if (d.name != kDataQuality && d.score && (!worst || *d.score < *worst->score)) worst = &d;
  return worst ? worst->name + " " + format_score(worst->score) : "";
}

std::string score_value(const std::optional<double>& score) {
  if (!score) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", *score);
  return buffer;
}

}  // namespace

void write_units(std::string& out, const ReportInput& input) {
  const Org& org = input.org;
  const std::vector<UnitScore>& units = input.scores.units;
  out += "<section id=\"units\"><h2>Units ranked by score</h2>";
  if (units.empty()) {
    out += "<p class=\"lead\">" + std::string(org.units.empty() ? "The org file defines no units." : "Units were not scored in this run.") +
           "</p></section>\n";
    return;
  }
  // Findings on a unit or on someone in it: where the score's failures are.
  std::vector<std::size_t> findings(org.units.size(), 0);
  for (const Finding& f : input.run.findings) {
    const std::optional<EntityRef> subject = f.subject();
    if (!f.counts() || f.not_assessed_note || !subject) continue;
    const UnitIndex u = subject->kind == EntityRef::unit ? subject->index : org.people[subject->index].unit;
    if (u != kNoIndex) ++findings[u];
  }
  out += "<p class=\"lead\">Each unit is scored over its subtree (its sub-units and their people), the way the org "
         "is. Lowest score first; select a column heading to sort by it.";
  if (units.size() > kUnitRows)
    out += " The " + group_digits(kUnitRows) + " lowest of " + group_digits(units.size()) +
           " units are listed; the JSON and XML reports have every unit.";
  out += "</p>\n<div class=\"scroll\"><table class=\"sortable\" id=\"unit-table\"><thead><tr>"
         "<th class=\"num\" data-sort=\"number\" aria-sort=\"ascending\">Rank</th><th data-sort=\"text\">Unit</th>"
         "<th data-sort=\"text\">Kind</th><th class=\"num\" data-sort=\"number\">People</th>"
         "<th class=\"num\" data-sort=\"number\">Score</th><th data-sort=\"text\">Weakest dimension</th>"
         "<th class=\"num\" data-sort=\"number\">Findings in the unit</th></tr></thead><tbody>\n";
  for (std::size_t i = 0; i < units.size() && i < kUnitRows; ++i) {
    const UnitScore& s = units[i];
    const Unit& unit = org.units[s.unit];
    const Band band = band_of(s.score);
    out += "<tr><td class=\"num\">" + std::to_string(s.rank) + "</td><td>" + escape(unit.name.empty() ? unit.id : unit.name) +
           " <span class=\"id\">" + escape(unit.id) + "</span></td><td>" +
           (unit.kind == UnitKind::unspecified ? "" : escape(to_string(unit.kind))) + "</td><td class=\"num\">" +
           group_digits(s.people) + "</td><td class=\"num " + band.css + "\" data-value=\"" + score_value(s.score) +
           "\"><span class=\"pill\">" + escape(format_score(s.score)) + "</span></td><td>" + escape(weakest(input.scores.unit_dimensions(s, Scores::Reasons::none))) +
           "</td><td class=\"num\">" + group_digits(findings[s.unit]) + "</td></tr>\n";
  }
  out += "</tbody></table></div></section>\n";
}

}  // namespace orgaudit::html
