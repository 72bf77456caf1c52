#include "map/graphviz_library.h"

#include "map/map_plan.h"

namespace orgaudit::map {
namespace {

// The context and the graphs made from it live as long as the process; global, since gvc's
// plugins link against these libraries.
void* open_library(GraphvizLibrary::Source library) {
  return detail::open_runtime_library<MapError>(library, "maps need Graphviz's ", RTLD_NOW | RTLD_GLOBAL);
}

template <typename Pointer>
void find(void* handle, GraphvizLibrary::Source library, const char* name, Pointer& to) {
  detail::find_symbol<MapError>(handle, library, "Graphviz", name, to);
}

}  // namespace

// Each symbol by its name in the library and in GraphvizLibrary, written once.
#define ORGAUDIT_FIND(handle, library, symbol) find(handle, library, #symbol, g.symbol)

GraphvizLibrary GraphvizLibrary::open(Source cgraph, Source gvc) {
  GraphvizLibrary g;
  void* graph_library = open_library(cgraph);
  ORGAUDIT_FIND(graph_library, cgraph, agopen);
  ORGAUDIT_FIND(graph_library, cgraph, agclose);
  ORGAUDIT_FIND(graph_library, cgraph, agattr);
  ORGAUDIT_FIND(graph_library, cgraph, agxset);
  ORGAUDIT_FIND(graph_library, cgraph, agsubg);
  ORGAUDIT_FIND(graph_library, cgraph, agnode);
  ORGAUDIT_FIND(graph_library, cgraph, agedge);
  ORGAUDIT_FIND(graph_library, cgraph, agstrdup);
  ORGAUDIT_FIND(graph_library, cgraph, agstrdup_html);
  ORGAUDIT_FIND(graph_library, cgraph, agstrfree);
  ORGAUDIT_FIND(graph_library, cgraph, agwrite);
  ORGAUDIT_FIND(graph_library, cgraph, agseterr);
  ORGAUDIT_FIND(graph_library, cgraph, agseterrf);
  const Agdesc_t* directed = nullptr;
  const Agdesc_t* undirected = nullptr;
  find(graph_library, cgraph, "Agdirected", directed);
  find(graph_library, cgraph, "Agundirected", undirected);
  g.directed = *directed;
  g.undirected = *undirected;
  find(graph_library, cgraph, "AgMemDisc", g.memory_discipline);
  find(graph_library, cgraph, "AgIoDisc", g.io_discipline);

  void* render_library = open_library(gvc);
  ORGAUDIT_FIND(render_library, gvc, gvContext);
  ORGAUDIT_FIND(render_library, gvc, gvFreeContext);
  ORGAUDIT_FIND(render_library, gvc, gvLayout);
  ORGAUDIT_FIND(render_library, gvc, gvFreeLayout);
  ORGAUDIT_FIND(render_library, gvc, gvRenderData);
  ORGAUDIT_FIND(render_library, gvc, gvFreeRenderData);
  ORGAUDIT_FIND(render_library, gvc, gvPluginList);
  return g;
}

#undef ORGAUDIT_FIND

const GraphvizLibrary& GraphvizLibrary::get() {
  static const GraphvizLibrary library =
      open({ORGAUDIT_CGRAPH_SONAME, ORGAUDIT_CGRAPH_PACKAGE}, {ORGAUDIT_GVC_SONAME, ORGAUDIT_GVC_PACKAGE});
  return library;
}

}  // namespace orgaudit::map
