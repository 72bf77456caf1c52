#include "map/map_render.h"

#include <algorithm>
#include <cctype>

#include "map/graphviz.h"
#include "map/map_graph.h"

namespace orgaudit::map {

const char* to_string(Format format) {
  switch (format) {
    case Format::dot: return "dot";
    case Format::svg: return "svg";
    case Format::png: return "png";
    case Format::pdf: return "pdf";
  }
  return "dot";
}

std::optional<Format> parse_format(const std::string& name) {
  for (Format f : {Format::dot, Format::svg, Format::png, Format::pdf})
    if (name == to_string(f)) return f;
  if (name == "gv") return Format::dot;
  return std::nullopt;
}

std::optional<Format> format_of_path(const std::string& path) {
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return std::nullopt;
  std::string extension = path.substr(dot + 1);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return parse_format(extension);
}

std::string tidy_svg(const std::string& svg, std::size_t from) {
  std::string out;
  out.reserve(svg.size() - from);
  auto append = [&out](const std::string& text, std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) {
      if (text[k] == '\t') out += "&#9;";
      else out += text[k];
    }
  };
  for (std::size_t i = from; i < svg.size();) {
    const std::size_t comment = svg.find("<!--", i);
    if (comment == std::string::npos) {
      append(svg, i, svg.size());
      break;
    }
    append(svg, i, comment);
    const std::size_t end = svg.find("-->", comment + 4);
    i = end == std::string::npos ? svg.size() : end + 3;
    if (i < svg.size() && svg[i] == '\n') ++i;  // the comment's own line
  }
  return out;
}

std::string render_plan(const Plan& plan, Format format) {
  Graphviz& graphviz = Graphviz::instance();
  const auto lock = graphviz.lock();
  const std::unique_ptr<GraphHandle> graph = build_graph(plan);
  if (format == Format::dot) return graphviz.write_dot(*graph);
  std::string out = graphviz.render(*graph, plan.engine, to_string(format));
  return format == Format::svg ? tidy_svg(out) : out;
}

std::string render_map(const ReportInput& input, const Options& options, Format format) {
  return render_plan(plan_map(input, options), format);
}

bool engine_available(const std::string& engine) {
  Graphviz& graphviz = Graphviz::instance();
  const auto lock = graphviz.lock();
  const std::vector<std::string> engines = graphviz.engines();
  return std::find(engines.begin(), engines.end(), engine) != engines.end();
}

std::string engine_names() {
  Graphviz& graphviz = Graphviz::instance();
  const auto lock = graphviz.lock();
  std::vector<std::string> engines = graphviz.engines();
  std::sort(engines.begin(), engines.end());
  engines.erase(std::unique(engines.begin(), engines.end()), engines.end());
  std::string names;
  for (const std::string& e : engines) names += (names.empty() ? "" : ", ") + e;
  return names;
}

}  // namespace orgaudit::map
