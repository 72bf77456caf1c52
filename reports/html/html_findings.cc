// Findings grouped by rule: worst rules first, each with its summary, why it matters and how to fix
// it (from the rule's documentation page), then every finding with its place in the org file.
#include <algorithm>
#include <map>

#include "html/html_escape.h"
#include "html/html_sections.h"
#include "html/rule_docs.h"

namespace orgaudit::html {
namespace {

struct RuleGroup {
  std::string rule_id;
  std::vector<const Finding*> findings;
  Severity worst = Severity::info;
};

std::vector<RuleGroup> group_by_rule(const RunResult& run) {
  std::map<std::string, RuleGroup> groups;
  for (const Finding& f : run.findings) {
    RuleGroup& g = groups[f.rule_id];
    if (g.findings.empty()) g.rule_id = f.rule_id, g.worst = f.severity;
    g.worst = std::max(g.worst, f.severity);
    g.findings.push_back(&f);
  }
  std::vector<RuleGroup> ordered;
  for (auto& [id, g] : groups) ordered.push_back(std::move(g));
  std::stable_sort(ordered.begin(), ordered.end(), [](const RuleGroup& a, const RuleGroup& b) {
    if (a.worst != b.worst) return a.worst > b.worst;
    return a.findings.size() > b.findings.size();
  });
  return ordered;
}

std::string tags(const Finding& f) {
  std::string out;
  if (f.not_assessed_note) out += "<span class=\"tag\">not assessed</span>";
  if (f.suppression)
    out += "<span class=\"tag\" title=\"" + escape(f.suppression->justification) + "\">suppressed (" +
           escape(f.suppression->kind) + ")</span>";
  if (f.baseline == BaselineState::unchanged) out += "<span class=\"tag\">in baseline</span>";
  if (f.baseline == BaselineState::new_finding) out += "<span class=\"tag\">new</span>";
  return out;
}

void write_rule(std::string& out, const ReportInput& input, const RuleGroup& g) {
  const CatalogEntry* entry = input.catalog.find(g.rule_id);
  const char* worst = to_string(g.worst);
  out += "<article class=\"rule panel\" id=\"rule-" + anchor(g.rule_id) + "\"><div class=\"rule-head\"><span class=\"sev " +
         worst + "\">" + worst + "</span><code>" + escape(g.rule_id) + "</code>";
  if (entry) out += "<span class=\"tag\">" + escape(entry->info.dimension) + "</span>";
  out += "<span class=\"count\">" + group_digits(g.findings.size()) + (g.findings.size() == 1 ? " finding" : " findings") +
         "</span></div>";
  if (entry) {
    out += "<p class=\"summary\">" + escape(entry->info.summary) + "</p>";
    // Writers get no FileSystem: the page is read from the real disk here (ReportInput could carry it).
    const std::string doc = find_rule_doc(RealFileSystem(), entry->info);
    const std::string why = doc_section_html(doc, "Why"), fix = doc_section_html(doc, "How to fix");
    if (!why.empty() || !fix.empty())
      out += "<div class=\"explain\"><div><h4>Why it matters</h4>" + why + "</div><div><h4>How to fix</h4>" + fix +
             "</div></div>";
  }
  out += "<div class=\"scroll\"><table><thead><tr><th>Severity</th><th>Finding</th><th>Where</th></tr></thead><tbody>\n";
  for (const Finding* f : g.findings) {
    const char* severity = to_string(f->severity);
    out += std::string("<tr><td><span class=\"sev ") + severity + "\">" + severity + "</span></td><td class=\"message\">" +
           escape(f->message) + tags(*f) + "</td><td class=\"loc\">" + escape(format_location(input.org, f->where)) +
           "</td></tr>\n";
  }
  out += "</tbody></table></div></article>\n";
}

}  // namespace

void write_findings(std::string& out, const ReportInput& input) {
  out += "<section id=\"findings\"><h2>Findings by rule</h2>";
  const std::vector<RuleGroup> groups = group_by_rule(input.run);
  if (groups.empty()) {
    out += "<p class=\"lead empty\">No findings: every rule that ran passed.</p></section>\n";
    return;
  }
  out += "<p class=\"lead\">";
  for (std::size_t i = 0; i < groups.size(); ++i)
    out += std::string(i ? " · " : "") + "<a href=\"#rule-" + anchor(groups[i].rule_id) + "\">" +
           escape(groups[i].rule_id) + "</a> (" + group_digits(groups[i].findings.size()) + ")";
  out += "</p>\n";
  for (const RuleGroup& g : groups) write_rule(out, input, g);
  out += "</section>\n";
}

}  // namespace orgaudit::html
