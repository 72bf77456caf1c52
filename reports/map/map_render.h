// The map library's entry point: plan, build, lay out and render an org map through Graphviz's
// libraries (cgraph and gvc, never the `dot` program).
#pragma once

#include <optional>
#include <string>

#include "map/map_plan.h"

namespace orgaudit::map {

enum class Format { dot, svg, png, pdf };

const char* to_string(Format format);
std::optional<Format> parse_format(const std::string& name);
// By the file name's extension (.dot, .gv, .svg, .png, .pdf, any case).
std::optional<Format> format_of_path(const std::string& path);

// The bytes of the map. Throws MapError: unknown root, over the size limit, Graphviz failure.
std::string render_map(const ReportInput& input, const Options& options, Format format);
// The same, for a plan already made (tests, and callers that want to look at the plan first).
std::string render_plan(const Plan& plan, Format format);

// Graphviz's SVG from `from` on, tidied: without comments (Graphviz comments every node and edge
// with its name: escaped, but noise, and unwanted inside an HTML page; Graphviz escapes '<' in text
// and attributes, so "<!--" only ever starts a comment), and with tabs written as &#9; (Graphviz
// writes them raw, and an XML parser turns a raw tab in a tooltip attribute into a space).
std::string tidy_svg(const std::string& svg, std::size_t from = 0);

// Whether this Graphviz has the layout engine, and the names it has ("circo, dot, fdp, ...").
bool engine_available(const std::string& engine);
std::string engine_names();

}  // namespace orgaudit::map
