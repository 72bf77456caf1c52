#include "map/map_graph.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

#include "map/graphviz_library.h"
#include "map/map_escape.h"
#include "map/map_style.h"

namespace orgaudit::map {
namespace {

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

class GraphBuilder {
 public:
  explicit GraphBuilder(const Plan& plan)
      : gv_(GraphvizLibrary::get()), plan_(plan), handle_(std::make_unique<GraphHandle>("orgaudit", true)), g_(handle_->get()) {}

  std::unique_ptr<GraphHandle> build() {
    graph_attributes();
    subgraph_.assign(plan_.clusters.size(), nullptr);
    for (std::uint32_t c = 0; c < plan_.clusters.size(); ++c) cluster(c);
    nodes_.reserve(plan_.nodes.size());
    for (const Node& n : plan_.nodes) nodes_.push_back(node(n));
    for (const Edge& e : plan_.edges) edge(e);
    return std::move(handle_);
  }

 private:
  void set(void* object, int kind, const char* name, const std::string& value) {
    Agsym_t* sym = gv_.agattr(g_, kind, const_cast<char*>(name), nullptr);
    if (!sym) sym = gv_.agattr(g_, kind, const_cast<char*>(name), const_cast<char*>(""));
    gv_.agxset(object, sym, const_cast<char*>(value.c_str()));
  }
  void set_graph(const char* name, const std::string& value) { set(g_, AGRAPH, name, value); }

  void graph_attributes() {
    const bool dot = plan_.engine == "dot";
    set_graph("fontname", kFont);
    set_graph("fontcolor", kInk);
    set_graph("bgcolor", "white");
    set_graph("pad", "0.3");
    set_graph("outputorder", "edgesfirst");
    set_graph("layout", plan_.engine);  // so `dot -Tsvg` / `sfdp -Tsvg` on the .dot draw the same
    if (dot) {
      set_graph("rankdir", "TB");
      set_graph("newrank", "true");  // ranks across clusters: no "trouble in init_rank" with nesting
      set_graph("nodesep", "0.18");
      set_graph("ranksep", "0.45");
    } else {
      // Overlap removal (PRISM) dominates a force layout of thousands of boxes: its default 1000
      // passes take 80 s on the 13k units of a 100k-person org; 10 passes add about a second to
      // sfdp's own 3-5 s and leave few overlaps.
      const std::size_t n = plan_.nodes.size();
      set_graph("overlap", n > 10000 ? "prism10" : n > 5000 ? "prism20" : "prism");
      if (n > 5000) set_graph("quadtree", "fast");  // coarser forces: 10-15% quicker
      set_graph("splines", "false");  // straight lines: spline routing dominates big force layouts
    }
    char* legend = gv_.agstrdup_html(g_, const_cast<char*>(legend_label(plan_).c_str()));
    set_graph("label", legend);
    gv_.agstrfree(g_, legend);
    set_graph("labelloc", "t");
    set_graph("labeljust", "l");
    gv_.agattr(g_, AGNODE, const_cast<char*>("fontname"), const_cast<char*>(kFont));
    gv_.agattr(g_, AGNODE, const_cast<char*>("fontcolor"), const_cast<char*>(kInk));
    gv_.agattr(g_, AGNODE, const_cast<char*>("fontsize"), const_cast<char*>("10"));
    gv_.agattr(g_, AGNODE, const_cast<char*>("shape"), const_cast<char*>("box"));
    gv_.agattr(g_, AGNODE, const_cast<char*>("margin"), const_cast<char*>("0.10,0.04"));
    gv_.agattr(g_, AGEDGE, const_cast<char*>("color"), const_cast<char*>(kLine));
    gv_.agattr(g_, AGEDGE, const_cast<char*>("arrowsize"), const_cast<char*>("0.5"));
  }

  // Creates a cluster after its parent: the planners may list a nested EMC before its container.
  Agraph_t* cluster(std::uint32_t c) {
    if (subgraph_[c]) return subgraph_[c];
    const Cluster& cl = plan_.clusters[c];
    unsigned depth = 0;
    for (std::uint32_t p = cl.parent; p != kNoCluster; p = plan_.clusters[p].parent) ++depth;
    Agraph_t* parent = cl.parent == kNoCluster ? g_ : cluster(cl.parent);
    const std::string name = "cluster_" + std::to_string(c);
    Agraph_t* sub = subgraph_[c] = gv_.agsubg(parent, const_cast<char*>(name.c_str()), 1);
    const Swatch marked = mark_swatch(cl.mark);
    set(sub, AGRAPH, "label", escape_label(cl.label));
    set(sub, AGRAPH, "tooltip", escape_label(cl.tooltip));
    set(sub, AGRAPH, "style", cl.emc ? "rounded,filled,bold" : "rounded,filled");
    set(sub, AGRAPH, "fillcolor", cl.emc ? kEmcFill : cluster_fill(depth));
    set(sub, AGRAPH, "color", cl.highlighted ? kHighlight : cl.mark != Mark::none ? marked.border : cl.emc ? kMembership : "#c3ccd6");
    set(sub, AGRAPH, "penwidth", cl.highlighted ? "3" : cl.mark != Mark::none ? "2" : "1");
    set(sub, AGRAPH, "fontsize", "11");
    set(sub, AGRAPH, "labeljust", "l");
    return sub;
  }

  // Labels are HTML-like so the name can be bold and the detail small; every plan string in them
  // goes through escape_html_label or escape_html_attribute.
  void html_label(Agnode_t* node, const std::string& html) {
    char* label = gv_.agstrdup_html(g_, const_cast<char*>(html.c_str()));
    set(node, AGNODE, "label", label);
    gv_.agstrfree(g_, label);
  }

  static std::string detail_line(const std::string& detail) {
    return detail.empty() ? "" : "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#52606d\">" + escape_html_label(detail) + "</FONT>";
  }
  // Bold name (italic for a vacant post), small detail below.
  static std::string two_lines(const std::string& label, const std::string& detail, bool italic = false) {
    return (italic ? "<I>" : "<B>") + escape_html_label(label) + (italic ? "</I>" : "</B>") + detail_line(detail);
  }
  static std::string plain_two_lines(const std::string& label, const std::string& detail, bool italic) {
    return (italic ? "<I>" : "") + escape_html_label(label) + (italic ? "</I>" : "") + detail_line(detail);
  }

  // A table: one row per person (and the unit's caption on top when the table stands for its unit),
  // with a coloured bar and fill for each row's worst finding, and a tooltip per row.
  static std::string table(const Node& n) {
    std::string html = "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" STYLE=\"ROUNDED\" "
                       "COLOR=\"#9aa5b1\" BGCOLOR=\"white\">";
    for (std::size_t i = 0; i < n.rows.size(); ++i) {
      const Row& r = n.rows[i];
      const bool caption = r.heading && i == 0 && n.rows.size() > 1 && n.rows[1].heading;
      const Swatch s = mark_swatch(r.mark);
      if (i && n.rows[i - 1].heading) html += "<HR/>";
      const std::string fill = r.highlighted ? kHighlightFill : r.mark != Mark::none ? s.fill : caption ? "#e4eaf1" : "white";
      const std::string bar = r.highlighted ? kHighlight : r.mark == Mark::none ? fill.c_str() : s.border;
      html += "<TR><TD WIDTH=\"3\" BGCOLOR=\"" + bar +
              "\"></TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" BGCOLOR=\"" + fill + "\" TOOLTIP=\"" +
              escape_html_attribute(r.tooltip) + "\" HREF=\"#\">";
      if (caption) html += "<FONT POINT-SIZE=\"9\" COLOR=\"#334e68\">" + escape_html_label(r.label) + "</FONT>";
      else if (r.heading) html += two_lines(r.label, r.detail, r.vacant);
      else html += plain_two_lines(r.label, r.detail, r.vacant);
      html += "</TD></TR>";
    }
    return html + "</TABLE>";
  }

  Agnode_t* node(const Node& n) {
    Agraph_t* home = n.cluster == kNoCluster ? g_ : subgraph_[n.cluster];
    Agnode_t* node = gv_.agnode(home, const_cast<char*>(n.name.c_str()), 1);
    if (!n.rows.empty()) {
      set(node, AGNODE, "shape", "plain");
      html_label(node, table(n));
      return node;
    }
    set(node, AGNODE, "tooltip", escape_label(n.tooltip));
    if (n.is_unit) {
      const Swatch s = n.score ? score_swatch(n.score) : unit_swatch(n.mark);
      // Area grows with headcount; the cap keeps one huge unit from dwarfing the rest.
      const double width = std::min(4.0, 0.9 + 0.12 * std::sqrt(std::max(0.0, n.people)));
      set(node, AGNODE, "width", number(width));
      set(node, AGNODE, "height", number(width * 0.45));
      html_label(node, "<FONT POINT-SIZE=\"" + number(std::min(16.0, 8 + width * 1.5)) + "\">" +
                           two_lines(n.label, n.detail) + "</FONT>");
      set(node, AGNODE, "shape", n.collapsed ? "box3d" : "box");
      set(node, AGNODE, "style", n.collapsed ? "filled" : "rounded,filled");
      set(node, AGNODE, "fillcolor", s.fill);
      set(node, AGNODE, "color", s.border);
      // Scored units are filled by score; a warning or error inside still shows, as the border.
      if (n.score && n.mark >= Mark::warning) {
        set(node, AGNODE, "color", mark_swatch(n.mark).border);
        set(node, AGNODE, "penwidth", "2");
      }
      highlight(node, n);
      return node;
    }
    const Swatch s = mark_swatch(n.mark);
    html_label(node, two_lines(n.label, n.detail, n.vacant));
    set(node, AGNODE, "style", n.vacant ? "rounded,filled,dashed" : "rounded,filled");
    set(node, AGNODE, "fillcolor", s.fill);
    set(node, AGNODE, "color", s.border);
    if (n.mark >= Mark::warning) set(node, AGNODE, "penwidth", "2");
    highlight(node, n);
    return node;
  }

  // A highlighted box keeps its fill (the worst finding's colour) and takes a thick border.
  void highlight(Agnode_t* node, const Node& n) {
    if (!n.highlighted) return;
    set(node, AGNODE, "color", kHighlight);
    set(node, AGNODE, "penwidth", "3.5");
  }

  void edge(const Edge& e) {
    Agedge_t* edge = gv_.agedge(g_, nodes_[e.from], nodes_[e.to], nullptr, 1);
    if (!e.ranks) set(edge, AGEDGE, "constraint", "false");
    for (const auto& [name, value] : edge_style(e.kind)) set(edge, AGEDGE, name, value);
  }

  // Graphviz attributes that draw each kind of edge (none: the defaults, a solid grey arrow).
  static std::vector<std::pair<const char*, const char*>> edge_style(EdgeKind kind) {
    switch (kind) {
      case EdgeKind::stack: return {{"style", "invis"}};
      case EdgeKind::reporting:
      case EdgeKind::unit_parent: return {};
      case EdgeKind::chain:
        return {{"color", kChain}, {"penwidth", "2.5"}, {"tooltip", "management chain of a depth finding"}};
      case EdgeKind::dotted: return {{"style", "dashed"}, {"color", kDotted}, {"constraint", "false"}};
      case EdgeKind::lateral:
        return {{"style", "dotted"}, {"color", kLateral}, {"dir", "none"}, {"constraint", "false"}};
      case EdgeKind::membership: return {{"style", "dashed"}, {"color", kMembership}, {"arrowhead", "odot"}};
    }
    return {};
  }

  const GraphvizLibrary& gv_;
  const Plan& plan_;
  std::unique_ptr<GraphHandle> handle_;
  Agraph_t* g_;
  std::vector<Agraph_t*> subgraph_;
  std::vector<Agnode_t*> nodes_;
};

}  // namespace

std::unique_ptr<GraphHandle> build_graph(const Plan& plan) { return GraphBuilder(plan).build(); }

}  // namespace orgaudit::map
