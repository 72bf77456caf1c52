#include "map/graphviz.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "map/graphviz_library.h"
#include "map/map_plan.h"

namespace orgaudit::map {
namespace {

const GraphvizLibrary& gv() { return GraphvizLibrary::get(); }

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
    if (data) gv().gvFreeRenderData(data);
  }
};

std::string failure(const std::string& what) {
  std::string detail = Graphviz::take_errors();
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  return what + (detail.empty() ? "" : ": " + detail);
}

// cgraph's default id discipline uses the address of a name's interned string as the object's id,
// and keeps subgraphs in id order: clusters were then emitted in heap-address order, so the same
// org gave differently ordered SVG from run to run. These ids follow creation order instead:
// named objects get even ids, anonymous ones odd ids, as the default discipline does. Names are
// still interned with agstrdup, because cgraph reads its own header in front of a name it prints
// (to tell an HTML-like string from a plain one).
struct SequentialIds {
  Agraph_t* graph;
  std::map<std::string, IDTYPE, std::less<>> id_of_name;
  std::vector<char*> names;  // names[id / 2 - 1], interned in the graph's string pool
};

void* ids_open(Agraph_t* graph, Agdisc_t*) { return new SequentialIds{graph, {}, {}}; }

long ids_map(void* state, int, char* name, IDTYPE* id, int create) {
  auto& ids = *static_cast<SequentialIds*>(state);
  if (!name) {
    static IDTYPE next_anonymous = 1;  // shared by all graphs, as in cgraph's own discipline
    *id = next_anonymous;
    next_anonymous += 2;
    return 1;
  }
  const auto found = ids.id_of_name.find(std::string_view(name));
  if (found != ids.id_of_name.end()) {
    *id = found->second;
    return 1;
  }
  if (!create) return 0;
  ids.names.push_back(gv().agstrdup(ids.graph, name));  // freed with the graph's string pool
  *id = 2 * static_cast<IDTYPE>(ids.names.size());
  ids.id_of_name.emplace(name, *id);
  return 1;
}

long ids_alloc(void*, int, IDTYPE) { return 0; }  // callers may not choose ids
void ids_free(void*, int, IDTYPE) {}              // names live until the graph closes

char* ids_print(void* state, int, IDTYPE id) {
  auto& ids = *static_cast<SequentialIds*>(state);
  if (id % 2 != 0 || id == 0 || id / 2 > ids.names.size()) return nullptr;
  return ids.names[id / 2 - 1];
}

void ids_close(void* state) { delete static_cast<SequentialIds*>(state); }
void ids_register(void*, int, void*) {}

Agiddisc_t sequential_id_discipline{ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register};

// cgraph's own memory and I/O disciplines with the ids above.
Agdisc_t* deterministic_discipline() {
  static Agdisc_t discipline{gv().memory_discipline, &sequential_id_discipline, gv().io_discipline};
  return &discipline;
}

}  // namespace

GraphHandle::GraphHandle(const std::string& name, bool directed)
    : graph_(gv().agopen(const_cast<char*>(name.c_str()), directed ? gv().directed : gv().undirected,
                         deterministic_discipline())) {
  if (!graph_) throw MapError("Graphviz could not create a graph");
}

GraphHandle::~GraphHandle() {
  if (laid_out_) gv().gvFreeLayout(Graphviz::instance().context_, graph_);
  gv().agclose(graph_);
}

Graphviz& Graphviz::instance() {
  static Graphviz graphviz;
  return graphviz;
}

Graphviz::Graphviz() {
  error_buffer().clear();  // constructed first, so it outlives this object at exit
  gv().agseterrf(collect_errors);
  gv().agseterr(AGERR);  // below AGERR (warnings) is not reported
  context_ = gv().gvContext();
  if (!context_) throw MapError(failure("Graphviz could not start (is its plugin configuration installed?)"));
}

Graphviz::~Graphviz() { gv().gvFreeContext(context_); }

std::string Graphviz::take_errors() {
  std::string errors;
  errors.swap(error_buffer());
  return errors;
}

std::string Graphviz::render(GraphHandle& graph, const std::string& engine, const std::string& format) {
  take_errors();
  graph.laid_out_ = true;  // a layout that fails half way still has to be freed
  if (gv().gvLayout(context_, graph.graph_, engine.c_str()) != 0)
    throw MapError(failure("Graphviz could not lay out the map with '" + engine + "'"));
  RenderData out;
  if (gv().gvRenderData(context_, graph.graph_, format.c_str(), &out.data, &out.length) != 0 || !out.data)
    throw MapError(failure("Graphviz could not render the map as " + format));
  return std::string(out.data, out.length);
}

std::string Graphviz::write_dot(const GraphHandle& graph) {
  take_errors();
  char* buffer = nullptr;
  std::size_t size = 0;
  FILE* stream = open_memstream(&buffer, &size);
  if (!stream) throw MapError("out of memory writing the map");
  const int written = gv().agwrite(graph.graph_, stream);
  std::fclose(stream);
  std::unique_ptr<char, decltype(&std::free)> owned(buffer, &std::free);
  if (written != 0) throw MapError(failure("Graphviz could not write the map as DOT"));
  return std::string(buffer, size);
}

std::vector<std::string> Graphviz::engines() {
  int count = 0;
  char** names = gv().gvPluginList(context_, "layout", &count, nullptr);
  std::vector<std::string> result;
  for (int i = 0; i < count; ++i) {
    result.emplace_back(names[i]);
    std::free(names[i]);
  }
  std::free(names);
  return result;
}

}  // namespace orgaudit::map
