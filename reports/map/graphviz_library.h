// Graphviz's cgraph and gvc, opened the first time a map is drawn rather than linked
// (util/runtime_library.h): mapping and relocating them and the five libraries they pull in
// (ltdl, cdt, pathplan, expat, zlib) took about 0.4 ms of every run's start-up, and only maps use
// them. The sonames are those of the libraries the build found (CMakeLists.txt).
#pragma once

#include <gvc.h>

#include "util/runtime_library.h"

namespace orgaudit::map {

struct GraphvizLibrary {
  // cgraph
  decltype(&::agopen) agopen = nullptr;
  decltype(&::agclose) agclose = nullptr;
  decltype(&::agattr) agattr = nullptr;
  decltype(&::agxset) agxset = nullptr;
  decltype(&::agsubg) agsubg = nullptr;
  decltype(&::agnode) agnode = nullptr;
  decltype(&::agedge) agedge = nullptr;
  decltype(&::agstrdup) agstrdup = nullptr;
  decltype(&::agstrdup_html) agstrdup_html = nullptr;
  decltype(&::agstrfree) agstrfree = nullptr;
  decltype(&::agwrite) agwrite = nullptr;
  decltype(&::agseterr) agseterr = nullptr;
  decltype(&::agseterrf) agseterrf = nullptr;
  Agdesc_t directed{};
  Agdesc_t undirected{};
  Agmemdisc_t* memory_discipline = nullptr;
  Agiodisc_t* io_discipline = nullptr;
  // gvc
  decltype(&::gvContext) gvContext = nullptr;
  decltype(&::gvFreeContext) gvFreeContext = nullptr;
  decltype(&::gvLayout) gvLayout = nullptr;
  decltype(&::gvFreeLayout) gvFreeLayout = nullptr;
  decltype(&::gvRenderData) gvRenderData = nullptr;
  decltype(&::gvFreeRenderData) gvFreeRenderData = nullptr;
  decltype(&::gvPluginList) gvPluginList = nullptr;

  using Source = detail::RuntimeLibrary;

  // The libraries this build was made with, opened on first use and kept open to the end. Throws
  // MapError, naming the library and its package, when one cannot be opened or lacks a symbol.
  static const GraphvizLibrary& get();
  // The same from the libraries given: for tests of what a user without them sees.
  static GraphvizLibrary open(Source cgraph, Source gvc);
};

}  // namespace orgaudit::map
