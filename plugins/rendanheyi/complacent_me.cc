#include "complacent_me.h"

#include <algorithm>

#include "rendanheyi_support.h"

namespace orgaudit::rendanheyi {

RuleInfo ComplacentMe::info() {
  return {"micro-enterprises showing signs of self-complacency: falling user feedback, no outside hires, "
          "ties, or funding, growth without a split, flat revenue",
          Severity::warning,
          "Openness",
          {{"min-signals", OptionType::integer, "2", "how many signals an ME must show to be flagged"},
           {"falling-periods", OptionType::integer, "2",
            "periods in a row, at the end of the history, that user_feedback must fall to count as a signal"},
           {"hire-window", OptionType::integer, "4",
            "periods at the end of the history with no external_hires that count as a signal"},
           {"max-size", OptionType::number, "15",
            "headcount above which an ME that kept growing without splitting shows a signal"},
           {"flat-growth", OptionType::number, "0.05",
            "revenue growth over the whole history (0.05 = 5%) below which revenue counts as flat; ours"}}};
}

ComplacentMe::ComplacentMe(const RuleOptions& options)
    : min_signals_(options.get_int("min-signals")),
      falling_periods_(options.get_int("falling-periods")),
      hire_window_(options.get_int("hire-window")),
      max_size_(options.get_number("max-size")),
      flat_growth_(options.get_number("flat-growth")) {}

void ComplacentMe::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const std::vector<UnitIndex> mes = units_of_kind(org, UnitKind::me);
  if (mes.empty()) return sink.not_assessed("units of kind 'me' (micro-enterprises)");
  if (std::none_of(mes.begin(), mes.end(), [&](UnitIndex u) { return !org.units[u].metrics().empty(); }))
    return sink.not_assessed("metrics on MEs (user_feedback, external_hires, external_funding, headcount, revenue)");
  for (UnitIndex u : mes) sink.assessed({EntityRef::unit, u});

  for (UnitIndex u : mes) {
    const std::vector<Signal> found = signals(context, u);
    if (static_cast<long>(found.size()) < std::max(1L, min_signals_)) continue;
    std::string texts;
    for (const Signal& s : found) texts += (texts.empty() ? "" : "; ") + s.text;
    FindingBuilder finding = sink.report(
        {EntityRef::unit, u},
        quoted(org.units[u]) + " shows " + count_of(found.size(), "sign") + " of complacency: " + texts);
    for (const Signal& s : found)
      if (s.where.known()) finding.related(s.where, s.series + ": " + s.text, {EntityRef::unit, u});
  }
}

std::vector<ComplacentMe::Signal> ComplacentMe::signals(const CheckContext& context, UnitIndex u) const {
  const Unit& me = context.org.units[u];
  const PeriodTable& metrics = me.metrics();
  std::vector<Signal> found;

  // 1. Users dissatisfied and turning away (000: "look at their user feedback").
  if (const MetricSeries* feedback = metrics.find("user_feedback")) {
    const std::size_t falls = trailing_falls(feedback->values);
    if (falling_periods_ > 0 && static_cast<long>(falls) >= falling_periods_) {
      const std::vector<double>& v = feedback->values;
      found.push_back({"user feedback fell for the last " + count_of(falls, "period") + " (" +
                           number(v[v.size() - 1 - falls]) + " to " + number(v.back()) + ")",
                       feedback->where, "user_feedback"});
    }
  }
  // 2. Stopped looking for talent outside (000).
  if (const MetricSeries* hires = metrics.find("external_hires")) {
    const std::size_t quiet = trailing_zeros(hires->values);
    if (hire_window_ > 0 && static_cast<long>(quiet) >= hire_window_)
      found.push_back({"no external hire in the last " + count_of(quiet, "period"), hires->where, "external_hires"});
  }
  // 3. Closed: no EMC, contract or collaboration tie to any other unit or partner.
  if (context.metrics.network.lateral_ties[u] == 0)
    found.push_back({"no tie to any partner or unit outside itself", me.where, "links"});
  // 4. Cannot attract outside money (000: "we require all micro-enterprises to attract external funding").
  if (const MetricSeries* funding = metrics.find("external_funding")) {
    if (!funding->values.empty() && trailing_zeros(funding->values) == funding->values.size())
      found.push_back({"no external funding raised in " + count_of(funding->values.size(), "period"),
                       funding->where, "external_funding"});
  }
  // 5. Grew big and did not split (000: "when micro-enterprises grow big, they can be separated").
  const MetricSeries* headcount = metrics.find("headcount");
  const double size = headcount && !headcount->values.empty() ? headcount->values.back()
                                                               : context.metrics.units.staff_fte[u];
  const bool grew = !headcount || headcount->values.empty() || headcount->values.back() > headcount->values.front();
  if (size > max_size_ && grew)
    found.push_back({"grown to " + number(size) + " people without splitting (max " + number(max_size_) + ")",
                     headcount ? headcount->where : me.where, "headcount"});
  // 6. No second curve: revenue flat over the history.
  if (const MetricSeries* revenue = metrics.find("revenue")) {
    const std::vector<double>& v = revenue->values;
    if (v.size() >= 2 && v.front() > 0 && (v.back() - v.front()) / v.front() < flat_growth_)
      found.push_back({"revenue flat (" + number(v.front()) + " to " + number(v.back()) + ", " +
                           percent_change(v.front(), v.back()) + " over " + count_of(v.size(), "period") + ")",
                       revenue->where, "revenue"});
  }
  return found;
}

}  // namespace orgaudit::rendanheyi
