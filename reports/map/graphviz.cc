#include "map/graphviz.h"

#include <gvc.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "map/map_plan.h"

namespace orgaudit::map {
namespace {

// Graphviz prints errors and warnings to stderr unless given a handler. Warnings ("node size too
// small for label", ...) are noise to an orgaudit user and are dropped; errors are kept for the
// exception that reports the failure.
std::string& error_buffer() {
  static std::string buffer;
  return buffer;
}

int collect_errors(char* message) {
  if (message) error_buffer() += message;
  return 0;
}

struct RenderData {
  char* data = nullptr;
  unsigned int length = 0;
  ~RenderData() {
    if (data) gvFreeRenderData(data);
  }
};

std::string failure(const std::string& what) {
  std::string detail = Graphviz::take_errors();
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  return what + (detail.empty() ? "" : ": " + detail);
}

}  // namespace

GraphHandle::GraphHandle(const std::string& name, bool directed)
    : graph_(agopen(const_cast<char*>(name.c_str()), directed ? Agdirected : Agundirected, nullptr)) {
  if (!graph_) throw MapError("Graphviz could not create a graph");
}

GraphHandle::~GraphHandle() {
  if (laid_out_) gvFreeLayout(Graphviz::instance().context_, graph_);
  agclose(graph_);
}

Graphviz& Graphviz::instance() {
  static Graphviz graphviz;
  return graphviz;
}

Graphviz::Graphviz() {
  error_buffer().clear();  // constructed first, so it outlives this object at exit
  agseterrf(collect_errors);
  agseterr(AGERR);  // below AGERR (warnings) is not reported
  context_ = gvContext();
  if (!context_) throw MapError(failure("Graphviz could not start (is its plugin configuration installed?)"));
}

Graphviz::~Graphviz() { gvFreeContext(context_); }

std::string Graphviz::take_errors() {
  std::string errors;
  errors.swap(error_buffer());
  return errors;
}

std::string Graphviz::render(GraphHandle& graph, const std::string& engine, const std::string& format) {
  take_errors();
  graph.laid_out_ = true;  // a layout that fails half way still has to be freed
  if (gvLayout(context_, graph.graph_, engine.c_str()) != 0)
    throw MapError(failure("Graphviz could not lay out the map with '" + engine + "'"));
  RenderData out;
  if (gvRenderData(context_, graph.graph_, format.c_str(), &out.data, &out.length) != 0 || !out.data)
    throw MapError(failure("Graphviz could not render the map as " + format));
  return std::string(out.data, out.length);
}

std::string Graphviz::write_dot(const GraphHandle& graph) {
  take_errors();
  char* buffer = nullptr;
  std::size_t size = 0;
  FILE* stream = open_memstream(&buffer, &size);
  if (!stream) throw MapError("out of memory writing the map");
  const int written = agwrite(graph.graph_, stream);
  std::fclose(stream);
  std::unique_ptr<char, decltype(&std::free)> owned(buffer, &std::free);
  if (written != 0) throw MapError(failure("Graphviz could not write the map as DOT"));
  return std::string(buffer, size);
}

std::vector<std::string> Graphviz::engines() {
  int count = 0;
  char** names = gvPluginList(context_, "layout", &count, nullptr);
  std::vector<std::string> result;
  for (int i = 0; i < count; ++i) {
    result.emplace_back(names[i]);
    std::free(names[i]);
  }
  std::free(names);
  return result;
}

}  // namespace orgaudit::map
