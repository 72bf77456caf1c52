// The HTML report (`--format html`, `orgaudit report`): one self-contained file. Inline CSS, inline
// SVG map and an inline script; a Content-Security-Policy that forbids fetching anything, so the
// report opens offline and cannot be made to call out, whatever the org file contains.
#include "html/html_assets.h"
#include "html/html_escape.h"
#include "html/html_sections.h"
#include "report.h"

namespace orgaudit {
namespace {

void head(std::string& out, const std::string& title) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">\n"
         "<meta name=\"generator\" content=\"orgaudit\">\n<title>";
  html::append_text(out, title);
  out += "</title>\n<style>\n";
  out += html::kReportCss;
  out += "</style>\n</head>\n";
}

void masthead(std::string& out, const ReportInput& input, const std::string& name) {
  const Org& org = input.org;
  out += "<header class=\"masthead\"><div class=\"page\"><div class=\"brand\">orgaudit &middot; organisation audit</div><h1>";
  html::append_text(out, name);
  out += "</h1><p class=\"meta\">";
  std::string meta = org.as_of ? "As of " + org.as_of->to_string() + " · " : "";
  meta += headcount_text(input.run.headcount) + " in " + html::group_digits(org.units.size()) + " units · ";
  for (std::size_t i = 0; i < org.files.size(); ++i) meta += (i ? ", " : "") + org.files[i];
  html::append_text(out, meta);
  out += "</p><nav class=\"toc\"><a href=\"#scores\">Scores</a><a href=\"#units\">Units</a><a href=\"#map\">Map</a>"
         "<a href=\"#findings\">Findings</a></nav></div></header>\n";
}

// The page: head, masthead, `lead` (a section before the scores, or nothing), then the report.
std::string page(const ReportInput& input, const std::string& lead) {
  const std::string name = input.org.name.empty() ? std::string("Organisation") : input.org.name;
  std::string out;
  head(out, "Org audit: " + name);
  out += "<body>\n";
  masthead(out, input, name);
  out += "<main class=\"page\">\n" + lead;
  html::write_scores(out, input);
  html::write_units(out, input);
  html::write_map(out, input);
  html::write_findings(out, input);
  out += "<footer>Written by orgaudit ";
  html::append_text(out, input.tool_version);
  out += ". Everything is in this one file: it opens offline and prints.</footer>\n</main>\n<script>\n";
  out += html::kReportJs;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace

std::string write_html(const ReportInput& input, const WriteOptions&) { return page(input, {}); }

std::string write_whatif_html(const ReportInput& before, const ReportInput& after, const WhatIfPage& whatif) {
  std::string lead;
  html::write_whatif(lead, before, after, whatif);
  return page(after, lead);
}

}  // namespace orgaudit
