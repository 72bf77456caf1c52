// The cgraph graph built from a plan (node and cluster counts), the escaping of untrusted names in
// DOT and SVG, and rendering to every format through gvc.
#include <catch2/catch.hpp>

#include <gvc.h>

#include "map/graphviz.h"
#include "map/graphviz_library.h"
#include "map/map_escape.h"
#include "map/map_graph.h"
#include "map/map_render.h"
#include "maps/map_test_org.h"

using namespace orgaudit;
using namespace orgaudit::map;
using orgaudit::testing::TestOrg;

namespace {

const std::string kHostile = "Dana \"DL\" <script>alert(1)</script> & &lt; \\N O'Hara\nline two \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB \xD7\x9E\xD7\xA8\xD7\x99\xD7\x9D";

std::size_t count_clusters(Agraph_t* g) {
  std::size_t n = 0;
  for (Agraph_t* sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) n += 1 + count_clusters(sub);
  return n;
}

ReportInput hostile_org(TestOrg& t) {
  t.unit("U", "Unit <b>&amp;</b>").person("BOSS", "Boss", "", "U").person("P\"1", kHostile, "BOSS", "U");
  t.person("BOSS2", "Other boss", "BOSS", "U").person("X", "Someone", "BOSS2", "U").person("Y", "Else", "BOSS2", "U");
  t.finding("P\"1", Severity::error, "'" + kHostile + "' is flagged");
  return t.input();
}

}  // namespace

TEST_CASE("map escaping: Graphviz escapes and entities cannot act", "[maps]") {
  CHECK(escape_label("a\\Nb & c\nd") == "a\\\\Nb &amp; c\nd");
  CHECK(escape_html_label("<b>\"x\" & 'y'\nz\tw\\N") == "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;<BR/>z w\\\\N");
  CHECK(escape_html_attribute("a\\b <c>\n\t&") == "a\\\\b &lt;c&gt;&#10;&#9;&amp;");
  CHECK(clean_text(std::string("ok\x01\xff\r\nend", 9)) == "ok\\x01\\xff\nend");
}

TEST_CASE("map graph: one Graphviz node per plan node, one subgraph per cluster", "[maps]") {
  TestOrg t;
  const Plan plan = plan_map(hostile_org(t), Options{});
  const auto lock = Graphviz::instance().lock();
  const auto graph = build_graph(plan);
  CHECK(static_cast<std::size_t>(agnnodes(graph->get())) == plan.nodes.size());
  CHECK(static_cast<std::size_t>(agnedges(graph->get())) == plan.edges.size());
  CHECK(count_clusters(graph->get()) == plan.clusters.size());
}

TEST_CASE("map graph: hostile names survive DOT intact and inert", "[maps]") {
  TestOrg t;
  const std::string dot = render_map(hostile_org(t), Options{}, Format::dot);
  Agraph_t* parsed = agmemread(dot.c_str());
  REQUIRE(parsed);
  Agnode_t* node = agnode(parsed, const_cast<char*>("team:P\"1"), 0);
  REQUIRE(node);
  const std::string label = agget(node, const_cast<char*>("label"));
  CHECK(aghtmlstr(agget(node, const_cast<char*>("label"))));
  CHECK_THAT(label, Catch::Contains("Dana &quot;DL&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;lt; \\\\N O&#39;Hara<BR/>line two"));
  CHECK_THAT(label, Catch::Contains("TOOLTIP=\"&#39;Dana &quot;DL&quot; &lt;script&gt;"));
  CHECK_THAT(label, !Catch::Contains("<script>"));
  agclose(parsed);
}

TEST_CASE("map graph: hostile names survive SVG intact and inert", "[maps]") {
  TestOrg t;
  const std::string svg = render_map(hostile_org(t), Options{}, Format::svg);
  CHECK_THAT(svg, Catch::StartsWith("<?xml"));
  CHECK_THAT(svg, !Catch::Contains("<script"));
  CHECK_THAT(svg, !Catch::Contains("<!--"));
  // The name as text, `\N` not expanded into the node's name, `&lt;` shown as typed.
  CHECK_THAT(svg, Catch::Contains(">Dana &quot;DL&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;lt; \\N O&#39;Hara</text>"));
  CHECK_THAT(svg, Catch::Contains(">line two \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB \xD7\x9E\xD7\xA8\xD7\x99\xD7\x9D</text>"));
  CHECK_THAT(svg, Catch::Contains("Unit &lt;b&gt;&amp;amp;&lt;/b&gt;"));
  CHECK_THAT(svg, Catch::Contains("xlink:title=\"&#39;Dana &quot;DL&quot; &lt;script&gt;"));
  CHECK_THAT(svg, Catch::Contains("worst finding:"));  // the legend
}

TEST_CASE("map render: PNG and PDF come from gvc, DOT without a layout", "[maps]") {
  TestOrg t;
  const ReportInput input = hostile_org(t);
  CHECK(render_map(input, Options{}, Format::png).rfind("\x89PNG", 0) == 0);
  CHECK(render_map(input, Options{}, Format::pdf).rfind("%PDF", 0) == 0);
  const std::string dot = render_map(input, Options{}, Format::dot);
  CHECK_THAT(dot, Catch::StartsWith("digraph orgaudit {"));
  CHECK_THAT(dot, !Catch::Contains("pos="));
  CHECK(format_of_path("org.SVG") == Format::svg);
  CHECK(format_of_path("org.gv") == Format::dot);
  CHECK(!format_of_path("org.txt"));
  CHECK(!format_of_path("dir.svg/org"));
  CHECK(engine_available("dot"));
  CHECK(engine_available("sfdp"));
  CHECK(!engine_available("dott"));
}

TEST_CASE("map render: a Graphviz failure is an error with Graphviz's reason, and the next map still works", "[maps]") {
  TestOrg t;
  const ReportInput input = hostile_org(t);
  Options options;
  options.engine = "no-such-engine";
  CHECK_THROWS_AS(render_map(input, options, Format::svg), MapError);
  CHECK_THAT(render_map(input, Options{}, Format::svg), Catch::Contains("</svg>"));
}

TEST_CASE("map render: Graphviz's libraries are checked symbol by symbol when opened", "[maps]") {
  // A library that opens but is not cgraph (the C library) is named with the first symbol it lacks.
  const GraphvizLibrary::Source not_cgraph{"libc.so.6", "libc6"};
  const GraphvizLibrary::Source gvc{ORGAUDIT_GVC_SONAME, ORGAUDIT_GVC_PACKAGE};
  CHECK_THROWS_WITH(GraphvizLibrary::open(not_cgraph, gvc), "libc.so.6 lacks agopen: not the Graphviz orgaudit was built with");
  CHECK_THROWS_WITH(GraphvizLibrary::open({"libcgraph-absent.so.6", "libcgraph-absent6"}, gvc),
                    Catch::StartsWith("maps need Graphviz's libcgraph-absent.so.6 (Debian package libcgraph-absent6): "));
  // The libraries of this build give every symbol, and the descriptors they export.
  const GraphvizLibrary& built = GraphvizLibrary::get();
  CHECK(built.gvPluginList != nullptr);
  CHECK(built.directed.directed == 1);
  CHECK(built.undirected.directed == 0);
}
