#include "emc_losses.h"

#include <algorithm>

#include "rendanheyi_support.h"

namespace orgaudit::rendanheyi {

RuleInfo EmcLosses::info() {
  return {"EMCs whose cumulative losses reach their contract's loss threshold and that still exist",
          Severity::error,
          "Ecosystem",
          {}};
}

EmcLosses::EmcLosses(const RuleOptions&) {}

void EmcLosses::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const std::vector<UnitIndex> emcs = units_of_kind(org, UnitKind::emc);
  if (emcs.empty()) return sink.not_assessed("units of kind 'emc' (ecosystem micro-communities)");
  if (std::none_of(emcs.begin(), emcs.end(), [&](UnitIndex u) { return org.units[u].contract().loss_threshold.has_value(); })) return sink.not_assessed("contract loss_threshold on its EMCs");
  for (UnitIndex u : emcs)
    if (org.units[u].contract().loss_threshold) sink.assessed({EntityRef::unit, u});

  for (UnitIndex u : emcs) {
    const Unit& emc = org.units[u];
    if (!emc.contract().loss_threshold) continue;
    const double threshold = *emc.contract().loss_threshold;
    // The EMC's own books: `profit`, or `revenue` and `costs` in its metrics; else the revenues and
    // costs of its win-win statement.
    const PeriodTable* books = &emc.metrics();
    std::vector<double> profit = profit_per_period(emc.metrics());
    if (profit.empty()) {
      books = &emc.win_win();
      profit = profit_per_period(emc.win_win());
    }
    if (profit.empty()) {
      sink.report({EntityRef::unit, u}, Severity::info,
                  "cannot compare the losses of " + quoted(emc) + " with its loss threshold of " + number(threshold) +
                      ": it has no profit, or revenue and costs, per period")
          .key("no-books")
          .at(emc.contract().where);
      continue;
    }
    double result = 0;
    for (double p : profit) result += p;
    const double losses = -result;
    // The seed (003): "when losses reach a threshold, the community is dissolved": at the threshold counts.
    if (losses < threshold) continue;
    sink.report({EntityRef::unit, u},
                quoted(emc) + " has lost " + number(losses) + " in total over " +
                    count_of(profit.size(), "period") +
                    (losses > threshold ? ", more than" : ", exactly") + " its contract's loss threshold of " +
                    number(threshold) + ", yet it still exists: an EMC whose losses reach the threshold is dissolved")
        .key("losses-reach-threshold")
        .related(emc.contract().where, "loss threshold: " + number(threshold), {EntityRef::unit, u})
        .related(books->where, "losses over " + period_label(*books, 0) + " to " +
                                   period_label(*books, profit.size() - 1), {EntityRef::unit, u});
  }
}

}  // namespace orgaudit::rendanheyi
