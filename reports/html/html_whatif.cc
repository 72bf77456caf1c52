// The what-if section of `orgaudit whatif --format html`: the scenario's changes and scores, then the
// changed subtree drawn before and after by the report's own map code, what changed highlighted.
#include "html/html_escape.h"
#include "html/html_sections.h"
#include "map/map_render.h"

namespace orgaudit::html {
namespace {

std::string score_cell(const std::optional<double>& score) {
  return score ? std::to_string(static_cast<long>(*score + 0.5)) : "n/a";
}

// One side's map: the changed subtree when it can be drawn on that side (a root the scenario
// removed cannot), else the whole org, as the report's own map would draw it.
void write_side(std::string& out, const char* heading, const ReportInput& input, const WhatIfPage& page) {
  map::Options options;
  options.level = map::Level::automatic;
  options.compact = true;
  options.highlight = page.changed_ids;
  options.root = page.root;
  out += "<figure class=\"whatif-map\"><figcaption><strong>" + std::string(heading) + "</strong> ";
  try {
    InlineMap drawn;
    try {
      drawn = inline_map(input, options);
    } catch (const map::MapError&) {
      if (options.root.empty()) throw;
      options.root.clear();
      drawn = inline_map(input, options);
    }
    out += escape(drawn.caption) + "</figcaption><div class=\"map-frame\">" + drawn.svg + "</div></figure>";
  } catch (const map::MapError& e) {
    out += "</figcaption><p class=\"map-missing\">The map could not be drawn: " + escape(e.what()) + ".</p></figure>";
  }
}

}  // namespace

void write_whatif(std::string& out, const ReportInput& before, const ReportInput& after, const WhatIfPage& page) {
  out += "<section id=\"whatif\"><h2>" + escape(page.title) + "</h2><ol class=\"whatif-changes\">";
  for (const std::string& change : page.changes) out += "<li class=\"message\">" + escape(change) + "</li>";
  out += "</ol><p class=\"lead\">" + std::to_string(page.fixed) + " findings fixed, " + std::to_string(page.introduced) +
         " introduced. The rest of this page is the audit of the org after the scenario.</p>"
         "<table><thead><tr><th>Score</th><th class=\"num\">before</th><th class=\"num\">after</th></tr></thead><tbody>";
  for (const WhatIfPage::Score& s : page.scores)
    out += "<tr><td>" + escape(s.dimension) + "</td><td class=\"num\">" + score_cell(s.before) + "</td><td class=\"num\">" +
           score_cell(s.after) + "</td></tr>";
  out += "</tbody></table><p class=\"lead\">The changed part of the org before and after; what the scenario changed is "
         "outlined in purple, colours show the worst finding as on the map below.</p>";
  write_side(out, "Before:", before, page);
  write_side(out, "After:", after, page);
  out += "</section>\n";
}

}  // namespace orgaudit::html
