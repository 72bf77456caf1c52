// The sections of the HTML report, each appended to the page by its own writer.
#pragma once

#include <optional>
#include <string>

#include "report.h"

namespace orgaudit::html {

// Score bands, the same cut-offs as the map's colours (reports/map/map_style.cc).
struct Band {
  const char* css;   // good, fair, risk, poor, unscored
  const char* word;  // healthy, fair, at risk, poor, not assessed
};
Band band_of(const std::optional<double>& score);

// 12,345
std::string group_digits(std::size_t n);

void write_scores(std::string& out, const ReportInput& input);    // cards and dimension bars
void write_units(std::string& out, const ReportInput& input);     // units ranked by score
void write_map(std::string& out, const ReportInput& input);       // the org map, inline SVG
void write_findings(std::string& out, const ReportInput& input);  // findings grouped by rule

}  // namespace orgaudit::html
