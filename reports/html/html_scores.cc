// Score cards (org score, data quality, findings, the org's shape) and one bar per dimension, each
// with the reason behind it and the rules that fed it.
#include <cmath>

#include "html/html_escape.h"
#include "html/html_sections.h"

namespace orgaudit::html {
namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return group_digits(n) + " " + (n == 1 ? one : many);
}

void card(std::string& out, const char* css, const char* label, const std::string& value_html,
          const std::string& note_html) {
  out += std::string("<div class=\"card ") + css + "\"><div class=\"label\">" + label + "</div><div class=\"value\">" +
         value_html + "</div><div class=\"note\">" + note_html + "</div></div>\n";
}

void org_cards(std::string& out, const ReportInput& input) {
  const Scores& scores = input.scores;
  const Band org = band_of(scores.org);
  std::size_t assessed = 0;
  for (const DimensionScore& d : scores.dimensions)
    if (d.name != kDataQuality && d.score) ++assessed;
  card(out, (std::string("org ") + org.css).c_str(), "Org score",
       "<span data-org-score>" + escape(format_score(scores.org)) + "</span>" + (scores.org ? "<small>/100</small>" : ""),
       std::string("<span class=\"pill\">") + org.word + "</span> mean of " + plural(assessed, "assessed dimension", "assessed dimensions"));

  const Band quality = band_of(scores.confidence);
  card(out, quality.css, "Data quality",
       escape(format_score(scores.confidence)) + (scores.confidence ? "<small>/100</small>" : ""),
       std::string("<span class=\"pill\">") + quality.word + "</span> how far the data can be trusted; not averaged in");

  std::size_t counts[3] = {0, 0, 0}, accepted = 0;
  for (const Finding& f : input.run.findings) {
    if (f.counts()) ++counts[static_cast<int>(f.severity)];
    else ++accepted;
  }
  std::string split = "<div class=\"counts\"><span class=\"sev error\">" + group_digits(counts[2]) +
                      " errors</span><span class=\"sev warning\">" + group_digits(counts[1]) +
                      " warnings</span><span class=\"sev info\">" + group_digits(counts[0]) + " info</span></div>";
  if (accepted) split += plural(accepted, "finding", "findings") + " suppressed or in the baseline";
  card(out, "", "Findings", group_digits(counts[0] + counts[1] + counts[2]), split);

  const SpanBands bands = span_bands(input.org, input.metrics);
  std::size_t managers = 0;
  for (std::size_t b = 0; b < SpanBands::kCount; ++b) managers += bands.managers[b];
  // Aggregate rows (organogram junior staff) are FTE, not people: they head the detail apart.
  const Headcount& headcount = input.run.headcount;
  const bool juniors = headcount.aggregate_rows > 0;
  card(out, "", "Organisation",
       group_digits(headcount.people) + (juniors ? "<small> senior posts</small>" : "<small> people</small>"),
       (juniors ? group_digits(static_cast<std::size_t>(std::llround(headcount.aggregate_fte))) + " junior FTE, " : std::string()) +
           plural(input.org.units.size(), "unit", "units") + ", " + plural(managers, "manager", "managers") + ", " +
           std::to_string(input.metrics.reporting.max_depth) + " layers below the top");
}

void dimension(std::string& out, const DimensionScore& d) {
  const Band band = band_of(d.score);
  const int width = d.score ? static_cast<int>(*d.score + 0.5) : 0;
  out += std::string("<div class=\"dim ") + band.css + "\"><div class=\"dim-head\"><span class=\"dim-name\">" +
         escape(d.name) + "</span><span class=\"dim-score\">" + escape(format_score(d.score)) + "</span></div>";
  out += "<div class=\"bar\" role=\"img\" aria-label=\"" + escape(d.name + " " + format_score(d.score)) +
         "\"><span style=\"width:" + std::to_string(width) + "%\"></span></div>";
  out += "<p class=\"reason\">" + escape(d.reason) + "</p>";
  if (!d.rules.empty()) {
    std::string rules;
    for (const RuleScore& r : d.rules) {
      rules += rules.empty() ? "" : "; ";
      rules += "<code>" + escape(r.rule_id) + "</code> " +
               (r.not_assessed ? std::string("not assessed")
                               : group_digits(r.failing) + " of " + group_digits(r.assessed) + " failing");
    }
    out += "<p class=\"rules-used\">" + rules + "</p>";
  }
  out += "</div>\n";
}

}  // namespace

Band band_of(const std::optional<double>& score) {
  if (!score) return {"unscored", "not assessed"};
  if (*score >= 90) return {"good", "healthy"};
  if (*score >= 75) return {"fair", "fair"};
  if (*score >= 50) return {"risk", "at risk"};
  return {"poor", "poor"};
}

std::string group_digits(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

void write_scores(std::string& out, const ReportInput& input) {
  out += "<section id=\"scores\" class=\"cards\">\n";
  org_cards(out, input);
  out += "</section>\n<section id=\"dimensions\"><h2>Dimensions</h2>"
         "<p class=\"lead\">Each rule scores 100 &times; (1 &minus; failing weight &divide; the entities it assessed), "
         "and a dimension is the mean of its rules' scores; an error weighs 1, a warning 0.5. Dimensions without the data they need are not assessed "
         "rather than scored 100.</p><div class=\"panel dims\">\n";
  for (const DimensionScore& d : input.scores.dimensions) dimension(out, d);
  out += "</div></section>\n";
}

}  // namespace orgaudit::html
