// A short Markdown summary for a pull-request comment (GitHub-flavoured): score, dimensions, the
// lowest-scoring units and the findings that fail the run, each list capped so that a large org still
// fits in one comment. Every piece of org data is escaped so that it renders as the text it is.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <vector>

#include "orgaudit/message_text.h"
#include "report.h"
#include "util/visible_text.h"
#include "writer_support.h"

namespace orgaudit {
namespace {

constexpr std::size_t kUnitsListed = 10;
constexpr std::size_t kFindingsListed = 25;

// Org data as inert Markdown text: HTML markup as entities, Markdown punctuation backslash-escaped
// (`|` too, which would end a table cell; `#`, which could close a heading; `@`, which would mention
// someone), line breaks as <br>, and controls shown escaped.
std::string md(std::string_view raw) {
  // Controls, bidirectional overrides and malformed UTF-8 as visible escapes (their backslash is then
  // escaped below like any other), line breaks kept for <br>.
  const std::string text = visible(raw, {true, true, false});
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: one break
        out += "<br>";
        break;
      case '\n': out += "<br>"; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~':
      case '#': case '@':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}


std::string score_cell(const std::optional<double>& score) {
  return score ? format_score(score) + "/100" : "not assessed";
}

void headline(std::string& out, const ReportInput& input, const WriteOptions& options) {
  const FindingCounts counts = count_findings(input.run, options);
  out += "### orgaudit: " + md(input.org.name.empty() ? "org" : input.org.name) + " scores " +
         score_cell(input.scores.org) + "\n\n";
  out += counts.failing == 0 ? std::string("**No finding fails the run**")
                             : "**" + count_of(counts.failing, "finding") + " fail the run**";
  out += options.never_fail ? " (`--fail-on never`)" : std::string(" (at or above `") + to_string(options.fail_on) + "`)";
  out += ". " + count_of(input.run.findings.size(), "finding") + ": " + count_of(counts.errors(), "error") + ", " +
         count_of(counts.warnings(), "warning") + ", " + std::to_string(counts.infos()) + " info" + not_assessed_text(counts.not_assessed);
  if (counts.accepted()) out += ", " + std::to_string(counts.accepted()) + " accepted (suppressed or in the baseline)";
  out += ". " + headcount_text(input.run.headcount) + " in " + count_of(input.org.units.size(), "unit") +
         "; data quality " + score_cell(input.scores.confidence) + ".\n\n";
}

void dimensions(std::string& out, const ReportInput& input) {
  out += "| Dimension | Score | Why |\n|---|---:|---|\n";
  for (const DimensionScore& d : input.scores.dimensions)
    out += "| " + md(d.name) + " | " + score_cell(d.score) + " | " + md(d.reason) + " |\n";
  out += "\n";
}

// The dimension that pulls a unit's score down most.
const DimensionScore* weakest(const std::vector<DimensionScore>& dimensions) {
  const DimensionScore* worst = nullptr;
  for (const DimensionScore& d : dimensions)
    if (d.score && d.name != kDataQuality && (!worst || *d.score < *worst->score)) worst = &d;
  return worst;
}

void units(std::string& out, const ReportInput& input) {
  if (input.scores.units.empty()) return;
  out += "#### Lowest-scoring units\n\n| Rank | Unit | People | Score | Weakest dimension |\n|---:|---|---:|---:|---|\n";
  const std::size_t listed = std::min(kUnitsListed, input.scores.units.size());
  for (std::size_t i = 0; i < listed; ++i) {
    const UnitScore& s = input.scores.units[i];
    const Unit& unit = input.org.units[s.unit];
    const std::vector<DimensionScore> dimensions = input.scores.unit_dimensions(s, Scores::Reasons::none);
    const DimensionScore* worst = weakest(dimensions);
    out += "| " + std::to_string(s.rank) + " | " + md(unit_label(unit)) + " (" + md(unit.id) + ") | " +
           std::to_string(s.people) + " | " + score_cell(s.score) + " | " +
           (worst ? md(worst->name) + " " + format_score(worst->score) : std::string("-")) + " |\n";
  }
  if (input.scores.units.size() > listed)
    out += "\n" + count_of(input.scores.units.size() - listed, "more unit") + " in the full report.\n";
  out += "\n";
}

void by_rule(std::string& out, const ReportInput& input) {
  std::map<std::string, std::array<std::size_t, 3>> counts;
  for (const Finding& f : input.run.findings)
    if (!f.not_assessed_note) ++counts[f.rule_id][static_cast<int>(f.severity)];
  if (counts.empty()) return;
  out += "#### Findings by rule\n\n| Rule | Errors | Warnings | Info |\n|---|---:|---:|---:|\n";
  for (const auto& [rule, n] : counts)
    out += "| " + md(rule) + " | " + std::to_string(n[2]) + " | " + std::to_string(n[1]) + " | " + std::to_string(n[0]) + " |\n";
  out += "\n";
}

// A code span reads best, but only a plain id can go in one: escapes do not work inside it. No link
// to the rule's page: a comment has no base to resolve a repository path against.
std::string rule_cell(const std::string& id) {
  const bool plain = std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
  return plain && !id.empty() ? "`" + id + "`" : md(id);
}

// Errors first, then in file order: the cap must not hide an error behind a page of warnings.
void failing_findings(std::string& out, const ReportInput& input, const WriteOptions& options) {
  std::vector<const Finding*> failing;
  for (const Finding& f : input.run.findings)
    if (fails_run(f, options)) failing.push_back(&f);
  if (failing.empty()) return;
  std::stable_sort(failing.begin(), failing.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  out += "#### Findings that fail the run\n\n| Severity | Where | Finding | Rule |\n|---|---|---|---|\n";
  for (std::size_t i = 0; i < failing.size() && i < kFindingsListed; ++i) {
    const Finding& f = *failing[i];
    out += "| " + std::string(to_string(f.severity)) + " | " + md(format_location(input.org, f.where)) + " | " +
           md(f.message) + " | " + rule_cell(f.rule_id) + " |\n";
  }
  if (failing.size() > kFindingsListed)
    out += "\n…and " + std::to_string(failing.size() - kFindingsListed) + " more in the full report.\n";
  out += "\n";
}

}  // namespace

std::string write_markdown(const ReportInput& input, const WriteOptions& options) {
  std::string out;
  headline(out, input, options);
  dimensions(out, input);
  units(out, input);
  by_rule(out, input);
  failing_findings(out, input, options);
  out += "<sub>orgaudit " + md(input.tool_version) + "</sub>\n";
  return out;
}

}  // namespace orgaudit
