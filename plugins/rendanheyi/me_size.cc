#include "me_size.h"

#include "rendanheyi_support.h"

namespace orgaudit::rendanheyi {

RuleInfo MeSize::info() {
  return {"micro-enterprises whose headcount has grown past the size at which they should split",
          Severity::warning,
          "Autonomy",
          {{"max-size", OptionType::number, "15",
            "largest headcount (FTE of the ME's own people) that passes; above it is a warning "
            "(the seeds' \"less than 10\" is 9, as in rendanheyi-strict)"},
           {"error-size", OptionType::number, "20",
            "headcount (FTE) at or above which the finding is an error rather than a warning"}}};
}

MeSize::MeSize(const RuleOptions& options)
    : max_size_(options.get_number("max-size")), error_size_(options.get_number("error-size")) {}

void MeSize::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const UnitMetrics& units = context.metrics.units;
  const std::vector<UnitIndex> mes = units_of_kind(org, UnitKind::me);
  if (mes.empty()) return sink.not_assessed("units of kind 'me' (micro-enterprises)");
  for (UnitIndex u : mes) sink.assessed({EntityRef::unit, u});

  for (UnitIndex u : mes) {
    const Unit& me = org.units[u];
    // Who works in the ME, FTE-weighted; vacant posts and external partners' people do not count.
    // An ME listed without its people is measured by the last value of its `headcount` series.
    double size = units.staff_fte[u];
    std::string measured = number(size) + (size == static_cast<double>(units.people[u]) ? " people" : " FTE");
    if (units.people[u] == 0) {
      const MetricSeries* headcount = me.metrics().find("headcount");
      if (!headcount || headcount->values.empty()) continue;
      size = headcount->values.back();
      measured = "a headcount of " + number(size) + " (" +
                 period_label(me.metrics(), headcount->values.size() - 1) + ")";
    }
    if (size <= max_size_) continue;
    const Severity severity = size >= error_size_ ? Severity::error : Severity::warning;
    // The limit is this audit's (a profile's or the user's), not Haier's: the message says which
    // is which, so a reader does not take 15 for the model's own figure.
    sink.report({EntityRef::unit, u}, severity,
                quoted(me) + " has grown to " + measured + ", above this audit's max-size of " + number(max_size_) +
                    " (Haier's MEs are \"preferably made up of less than 10 people\"): split it into smaller "
                    "MEs, as Haier does when MEs grow big");
  }
}

}  // namespace orgaudit::rendanheyi
