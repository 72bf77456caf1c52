#include "win_win_statement.h"

#include <algorithm>

#include "rendanheyi_support.h"

namespace orgaudit::rendanheyi {
namespace {

// The six elements (003), as written in the file and as read aloud.
struct Element {
  const char* series;
  const char* words;
};
constexpr Element kElements[] = {
    {"user_resources", "user resources"},   {"resource_providers", "resource providers"},
    {"platform_value", "total ecosystem platform value"}, {"revenues", "revenues"},
    {"costs", "costs"},                     {"marginal_gains", "marginal gains"},
};

}  // namespace

RuleInfo WinWinStatement::info() {
  return {"EMCs whose win-win value-added statement is missing, lacks one of its six elements, or shows "
          "marginal gains falling",
          Severity::warning,
          "Ecosystem",
          {{"require-for", OptionType::list, "emc",
            "unit kinds that must keep a win-win statement (emc, me, platform, ...)"}}};
}

WinWinStatement::WinWinStatement(const RuleOptions& options) {
  for (const std::string& kind : options.get_list("require-for")) {
    const std::optional<UnitKind> parsed = parse_unit_kind(kind);
    if (!parsed)
      throw OptionError("unknown unit kind '" + kind +
                        "' in require-for (expected platform, emc, me, department, shared-service, external-partner)");
    require_for_.push_back(*parsed);
  }
}

void WinWinStatement::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  std::vector<UnitIndex> required;
  bool any_statement = false;
  for (UnitIndex u = 0; u < org.units.size(); ++u) {
    any_statement = any_statement || !org.units[u].win_win().empty();
    if (std::find(require_for_.begin(), require_for_.end(), org.units[u].kind) != require_for_.end())
      required.push_back(u);
  }
  if (required.empty()) {
    std::string kinds;
    for (UnitKind kind : require_for_) kinds += (kinds.empty() ? "'" : ", '") + std::string(to_string(kind)) + "'";
    return sink.not_assessed("units of kind " + (kinds.empty() ? std::string("(none required)") : kinds));
  }
  if (!any_statement) return sink.not_assessed("win_win statements");
  for (UnitIndex u : required) sink.assessed({EntityRef::unit, u});
  for (UnitIndex u : required) check_statement(context, u, sink);
}

void WinWinStatement::check_statement(const CheckContext& context, UnitIndex u, FindingSink& sink) {
  const Unit& unit = context.org.units[u];
  const PeriodTable& statement = unit.win_win();
  if (statement.empty()) {
    sink.report({EntityRef::unit, u},
                quoted(unit) + " keeps no win-win value-added statement (user resources, resource providers, "
                               "platform value, revenues, costs, marginal gains)")
        .key("missing");
    return;
  }
  std::vector<std::string> missing;
  for (const Element& element : kElements)
    if (!statement.find(element.series)) missing.push_back(element.words);
  if (!missing.empty())
    sink.report({EntityRef::unit, u}, "the win-win statement of " + quoted(unit) + " lacks " +
                                          count_of(missing.size(), "of its six elements", "of its six elements") +
                                          ": " + joined(missing))
        .key("incomplete")
        .at(statement.where);

  const MetricSeries* gains = statement.find("marginal_gains");
  if (!gains || gains->values.size() < 2) return;
  const std::vector<double>& v = gains->values;
  const std::size_t last = v.size() - 1;
  if (v[last] >= v[last - 1]) return;
  sink.report({EntityRef::unit, u},
              "the marginal gains of " + quoted(unit) + " fell from " + number(v[last - 1]) + " in " +
                  period_label(statement, last - 1) + " to " + number(v[last]) + " in " +
                  period_label(statement, last) + ": an ecosystem's marginal gains should keep rising")
      .key("falling-gains")
      .at(gains->where);
}

}  // namespace orgaudit::rendanheyi
