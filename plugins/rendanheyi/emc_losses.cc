#include "emc_losses.h"

#include "rendanheyi_support.h"

namespace orgaudit::rendanheyi {

RuleInfo EmcLosses::info() {
  return {"rendanheyi-emc-losses",
          "EMCs whose cumulative losses reach their contract's loss threshold and that still exist",
          Severity::error,
          "Ecosystem",
          {},
          ""};
}

EmcLosses::EmcLosses(const RuleOptions&) {}

void EmcLosses::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const std::vector<UnitIndex> emcs = units_of_kind(org, UnitKind::emc);
  if (emcs.empty()) return sink.not_assessed("units of kind 'emc' (ecosystem micro-communities)");
  std::size_t with_threshold = 0;
  for (UnitIndex u : emcs) with_threshold += org.units[u].contract.loss_threshold.has_value();
  if (with_threshold == 0) return sink.not_assessed("contract loss_threshold on its EMCs");
  sink.assessed(with_threshold);

  for (UnitIndex u : emcs) {
    const Unit& emc = org.units[u];
    if (!emc.contract.loss_threshold) continue;
    const double threshold = *emc.contract.loss_threshold;
    // The EMC's own books: `profit`, or `revenue` and `costs` in its metrics; else the revenues and
    // costs of its win-win statement.
    const PeriodTable* books = &emc.metrics;
    std::vector<double> profit = profit_per_period(emc.metrics);
    if (profit.empty()) {
      books = &emc.win_win;
      profit = profit_per_period(emc.win_win);
    }
    if (profit.empty()) {
      sink.report({EntityRef::unit, u}, Severity::info,
                  "cannot compare the losses of " + quoted(emc) + " with its loss threshold of " + number(threshold) +
                      ": it has no profit, or revenue and costs, per period")
          .at(emc.contract.where);
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
        .related(emc.contract.where, "loss threshold: " + number(threshold), emc.id)
        .related(books->where, "losses over " + period_label(*books, 0) + " to " +
                                   period_label(*books, profit.size() - 1), emc.id);
  }
}

}  // namespace orgaudit::rendanheyi
