// Small pieces several writers share, so that SARIF, JUnit, the XML report and Markdown agree on what
// a failure is, where a rule's documentation lives and how untrusted text is made safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "report.h"

namespace orgaudit {

// Whether a finding fails the run; the exit code (cli/verdict.cc) uses this same test. The tool's
// own "not assessed" notes say what data a rule lacked, not what is wrong with the org: they never
// fail a run, even at --fail-on info.
inline bool fails_run(const Finding& f, const WriteOptions& options) {
  return !options.never_fail && f.counts() && !f.not_assessed_note && f.severity >= options.fail_on;
}

// "open", "suppressed" or "unchanged" (already in the baseline): why a finding does or does not count.
const char* finding_status(const Finding& f);

struct FindingCounts {
  // As in the JSON summary: severities count the findings that can fail the run; the accepted ones
  // (suppressed, or unchanged since the baseline) are counted apart.
  std::size_t by_severity[3] = {0, 0, 0};  // indexed by Severity, the tool's not-assessed notes left out
  std::size_t not_assessed = 0;            // rules that lacked the data they need: notes, never failing
  std::size_t suppressed = 0;              // accepted by a suppression
  std::size_t unchanged = 0;               // accepted by the baseline
  std::size_t failing = 0;                 // fails_run()
  std::size_t open() const { return by_severity[0] + by_severity[1] + by_severity[2] + not_assessed; }
  std::size_t accepted() const { return suppressed + unchanged; }
  std::size_t errors() const { return by_severity[2]; }
  std::size_t warnings() const { return by_severity[1]; }
  std::size_t infos() const { return by_severity[0]; }
};
FindingCounts count_findings(const RunResult& run, const WriteOptions& options);
// ", 3 rules not assessed" when some rules lacked their data, "" otherwise: the summaries' wording.
std::string not_assessed_text(std::size_t not_assessed);

// The rule's documentation page, relative to the repository (and installed share/orgaudit/) root:
// "rules/<pack>/<id>.md"; for a YAML rule (given the catalog), the file:line:col that defines it.
std::string rule_doc_path(const CatalogEntry& rule);
std::string rule_doc_path(const RuleCatalog& catalog, const std::string& rule_id);
// The page's absolute URL under `docs_url`, the published rules/ folder: "<docs_url>/<pack>/<id>.md".
std::string rule_doc_url(const std::string& docs_url, const CatalogEntry& rule);

// A unit's name, or its id when it has none.
const std::string& unit_label(const Unit& unit);

// Text an XML 1.0 document can carry: malformed UTF-8 and the characters XML cannot represent at
// all (control characters other than tab, newline and carriage return; U+FFFE, U+FFFF) become
// U+FFFD. Markup characters are left to the XML library, which escapes them.
std::string xml_safe(std::string_view text);
// Where the first character xml_safe() would replace is, or npos: most text needs no copy at all.
std::size_t xml_unsafe_at(std::string_view text);

// A path as a URI reference: RFC 3986 percent-encoding of everything but unreserved characters and
// '/'; absolute paths become file:// URIs.
std::string path_to_uri(std::string_view path);

// A plain decimal (xs:decimal, no exponent) with at most six places: "97.619048", "0.5", "100".
std::string format_number(double value);

}  // namespace orgaudit
