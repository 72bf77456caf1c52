// The org map, inline. Graphviz's SVG is markup Graphviz escaped itself (names as text nodes and
// attribute values, map_escape.h); the XML prolog and DOCTYPE, which do not belong inside an HTML
// page, are dropped.
#include "html/html_escape.h"
#include "html/html_sections.h"
#include "map/map_render.h"

namespace orgaudit::html {
namespace {

// From the <svg> element on: no XML prolog or DOCTYPE inside an HTML page.
std::string inline_svg(const std::string& svg) {
  const std::size_t start = svg.find("<svg");
  if (start == std::string::npos) return {};
  std::string out = map::tidy_svg(svg, start);
  out.insert(4, " role=\"img\" aria-label=\"Org map\"");
  return out;
}

}  // namespace

InlineMap inline_map(const ReportInput& input, const map::Options& options) {
  const map::Plan plan = map::plan_map(input, options);
  return {plan.subtitle, inline_svg(map::render_plan(plan, map::Format::svg))};
}

void write_map(std::string& out, const ReportInput& input) {
  out += "<section id=\"map\"><h2>Map</h2>";
  map::Options options;
  options.level = map::Level::automatic;  // people when few enough to read, else units, collapsed to fit
  options.compact = true;
  std::string caption, svg;
  try {
    InlineMap drawn = inline_map(input, options);
    caption = std::move(drawn.caption);
    svg = std::move(drawn.svg);
  } catch (const map::MapError& e) {
    // A report without its map is still a report: say why, and how to draw it instead.
    out += "<p class=\"map-missing\">The map could not be drawn: " + escape(e.what()) +
           ". Draw it on its own with <code>orgaudit map</code>.</p></section>\n";
    return;
  }
  out += "<p class=\"lead\">" + escape(caption) +
         ". Colours show the worst finding on each person or unit; hover over a box for its findings. "
         "<code>orgaudit map</code> draws any part of the org in full.</p>"
         "<div class=\"map-tools\"><button type=\"button\" data-size=\"fit\" aria-pressed=\"true\">Fit to width</button>"
         "<button type=\"button\" data-size=\"actual\" aria-pressed=\"false\">Actual size</button></div>"
         "<div class=\"map-frame\">" +
         svg + "</div></section>\n";
}

}  // namespace orgaudit::html
