// The one place that holds Graphviz's state. Graphviz is not thread-safe (its error handler, its
// default attributes and its plugin registry are global) and leaks when a layout fails half way, so
// a run keeps one GVC context for its lifetime, every use holds one lock, and graphs are owned by
// RAII handles that free their layout and close them whatever happens.
#pragma once

#include <mutex>
#include <string>
#include <vector>

typedef struct Agraph_s Agraph_t;
typedef struct GVC_s GVC_t;

namespace orgaudit::map {

// An open cgraph graph; closes it (and frees its layout, if any) on destruction.
class GraphHandle {
 public:
  GraphHandle(const std::string& name, bool directed);
  ~GraphHandle();
  GraphHandle(const GraphHandle&) = delete;
  GraphHandle& operator=(const GraphHandle&) = delete;

  Agraph_t* get() const { return graph_; }

 private:
  friend class Graphviz;
  Agraph_t* graph_;
  bool laid_out_ = false;
};

class Graphviz {
 public:
  // Created on first use, freed at exit.
  static Graphviz& instance();

  // Hold this while building and rendering a graph.
  std::unique_lock<std::mutex> lock() { return std::unique_lock<std::mutex>(mutex_); }

  // Lays the graph out with `engine` and renders it as `format` (svg, png, pdf). Throws MapError
  // with Graphviz's own message when either step fails.
  std::string render(GraphHandle& graph, const std::string& engine, const std::string& format);
  // The graph in DOT, as built (not laid out: whoever reads it lays it out).
  std::string write_dot(const GraphHandle& graph);
  // The layout engines this Graphviz installation provides (dot, neato, sfdp, ...).
  std::vector<std::string> engines();

  // Errors Graphviz reported since the last call, then cleared.
  static std::string take_errors();

 private:
  friend class GraphHandle;  // frees its layout through the context
  Graphviz();
  ~Graphviz();

  GVC_t* context_;
  std::mutex mutex_;
};

}  // namespace orgaudit::map
