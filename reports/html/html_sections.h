// The sections of the HTML report, each appended to the page by its own writer.
#pragma once

#include <optional>
#include <string>

#include "map/map_plan.h"
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
void write_whatif(std::string& out, const ReportInput& before, const ReportInput& after, const WhatIfPage& page);

// A map of `input` as inline SVG (no XML prolog), and what it draws. Throws map::MapError.
struct InlineMap {
  std::string caption, svg;
};
InlineMap inline_map(const ReportInput& input, const map::Options& options);

}  // namespace orgaudit::html
