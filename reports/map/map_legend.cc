// The title and legend, drawn as the graph's HTML-like label so every engine places it the same
// way. The org name and the subtitle are untrusted text inside markup: escape_html_label.
#include <algorithm>

#include "map/map_escape.h"
#include "map/map_graph.h"
#include "map/map_style.h"

namespace orgaudit::map {
namespace {

std::string swatch_cell(const Swatch& s, const char* text, const char* style = "ROUNDED") {
  return std::string("<TD BGCOLOR=\"") + s.fill + "\" COLOR=\"" + s.border + "\" STYLE=\"" + style + "\">" +
         "<FONT POINT-SIZE=\"10\">" + text + "</FONT></TD>";
}

std::string line_cell(const char* colour, const char* text, const char* line = "&#9473;&#9473;") {
  return std::string("<TD BORDER=\"0\"><FONT POINT-SIZE=\"10\" COLOR=\"") + colour + "\">" + line + "</FONT>" +
         "<FONT POINT-SIZE=\"10\"> " + text + "</FONT></TD>";
}

std::string mark_cells(Swatch (*swatch)(Mark), const char* clean) {
  return swatch_cell(swatch(Mark::error), "error") + swatch_cell(swatch(Mark::warning), "warning") +
         swatch_cell(swatch(Mark::info), "info") + swatch_cell(swatch(Mark::none), clean);
}

}  // namespace

std::string legend_label(const Plan& plan) {
  std::string cells;
  if (plan.level == Level::person) {
    cells = "<TD BORDER=\"0\"><FONT POINT-SIZE=\"10\">worst finding:</FONT></TD>" + mark_cells(mark_swatch, "none") +
            line_cell(kChain, "chain of a depth finding") + line_cell(kDotted, "dotted-line manager", "&#9476;&#9476;");
  } else {
    const bool scored = std::any_of(plan.nodes.begin(), plan.nodes.end(), [](const Node& n) { return n.score.has_value(); });
    if (scored) {
      cells = "<TD BORDER=\"0\"><FONT POINT-SIZE=\"10\">unit score:</FONT></TD>";
      std::size_t count = 0;
      const ScoreBand* bands = score_bands(count);
      for (std::size_t i = 0; i < count; ++i) cells += swatch_cell(score_swatch(bands[i].from), bands[i].label);
      cells += swatch_cell(score_swatch(std::nullopt), "not assessed");
      cells += swatch_cell({"#ffffff", mark_swatch(Mark::error).border}, "border: worst finding");
    } else {
      cells = "<TD BORDER=\"0\"><FONT POINT-SIZE=\"10\">worst finding in the unit:</FONT></TD>" +
              mark_cells(unit_swatch, "none");
    }
    cells += line_cell(kMembership, "EMC membership", "&#9476;&#9476;");
    if (plan.collapsed_units > 0)
      cells += swatch_cell({"#ffffff", kLine}, "sub-units collapsed", "SOLID");
    cells += "<TD BORDER=\"0\"><FONT POINT-SIZE=\"10\">size: headcount</FONT></TD>";
  }
  return "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"4\" CELLPADDING=\"3\">"
         "<TR><TD BORDER=\"0\" ALIGN=\"LEFT\" COLSPAN=\"12\"><FONT POINT-SIZE=\"18\"><B>" +
         escape_html_label(plan.title) + "</B></FONT></TD></TR>"
         "<TR><TD BORDER=\"0\" ALIGN=\"LEFT\" COLSPAN=\"12\"><FONT POINT-SIZE=\"11\" COLOR=\"#52606d\">" +
         escape_html_label(plan.subtitle) + "</FONT></TD></TR><TR>" + cells + "</TR></TABLE>";
}

}  // namespace orgaudit::map
