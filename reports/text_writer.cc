// `path:line:col: severity: message [rule-id]`, one finding a line, then a one-paragraph summary.
#include <cstdio>

#include "orgaudit/message_text.h"
#include "report.h"
#include "util/visible_text.h"
#include "writer_support.h"

namespace orgaudit {
namespace {

const char* kReset = "\033[0m";
const char* kBold = "\033[1m";

const char* colour_of(Severity severity) {
  switch (severity) {
    case Severity::error: return "\033[1;31m";
    case Severity::warning: return "\033[1;35m";
    case Severity::info: break;
  }
  return "\033[1;36m";
}

std::string score_text(const std::optional<double>& score) {
  if (!score) return "not assessed";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.0f", *score);
  return buffer;
}

void append_summary(std::string& out, const ReportInput& input) {
  // Suppressed and baselined findings were accepted by the team: counted here, not listed.
  const FindingCounts counts = count_findings(input.run, WriteOptions{});
  std::string accepted;
  if (counts.suppressed) accepted += "; " + std::to_string(counts.suppressed) + " suppressed";
  if (counts.unchanged)
    accepted += (counts.suppressed ? ", " : "; ") + std::to_string(counts.unchanged) + " unchanged from the baseline";
  out += "\n";
  out += count_of(counts.open(), "finding") + " (" + count_of(counts.errors(), "error") + ", " +
         count_of(counts.warnings(), "warning") + ", " + std::to_string(counts.infos()) + " info" +
         not_assessed_text(counts.not_assessed) + accepted + ") in " +
         headcount_and_units_text(input.run.headcount, input.org.units.size()) +
         (input.profile.empty() ? "" : ", " + input.profile) + ". Org score " + score_text(input.scores.org);
  out += input.scores.org ? "/100" : "";
  out += " (";
  bool first = true;
  for (const DimensionScore& d : input.scores.dimensions) {
    if (d.name == kDataQuality) continue;
    out += (first ? "" : ", ") + d.name + " " + score_text(d.score);
    first = false;
  }
  out += "); data quality " + score_text(input.scores.confidence) + ". Managers by span: ";
  const SpanBands bands = span_bands(input.org, input.metrics);
  for (std::size_t b = 0; b < SpanBands::kCount; ++b)
    out += std::string(b ? ", " : "") + SpanBands::label(b) + ": " + std::to_string(bands.managers[b]);
  out += ".\n";
}

}  // namespace

std::string format_location(const Org& org, const SourceLocation& where) {
  std::string out = where.file < org.files.size() ? org.files[where.file] : std::string("<input>");
  if (where.known()) out += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  return out;
}

// A finding is one line whatever a name or path contains: control characters (newlines, and ESC,
// which could drive the reader's terminal) and bidirectional overrides are shown escaped.
std::string write_text(const ReportInput& input, const WriteOptions& style) {
  std::string out;
  for (const Finding& f : input.run.findings) {
    if (!f.counts()) continue;  // suppressed, or already in the baseline
    if (style.colour) out += kBold;
    append_visible(out, format_location(input.org, f.where));
    out += ": ";
    if (style.colour) out += std::string(kReset) + colour_of(f.severity);
    out += to_string(f.severity);
    if (style.colour) out += kReset;
    out += ": ";
    append_visible(out, f.message);
    out += " [" + f.rule_id + "]\n";
  }
  if (style.summary) append_summary(out, input);
  return out;
}

}  // namespace orgaudit
