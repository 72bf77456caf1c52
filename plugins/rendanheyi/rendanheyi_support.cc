#include "rendanheyi_support.h"

#include <cmath>
#include <cstdio>

namespace orgaudit::rendanheyi {

std::string person_with_title(const Person& person) {
  return person.title.empty() ? quoted(person) : quoted(person) + " (" + person.title + ")";
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " and " : ", ";
    text += items[i];
  }
  return text;
}

std::string number(double value) {
  if (!std::isfinite(value)) return value > 0 ? "infinity" : value < 0 ? "-infinity" : "not a number";
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

std::string percent_change(double from, double to) {
  if (from == 0) return to == 0 ? "0%" : "new";
  const double change = 100.0 * (to - from) / std::fabs(from);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.0f%%", change);
  std::string text = buffer;
  return text == "+0%" || text == "-0%" ? "0%" : text;
}

std::vector<UnitIndex> units_of_kind(const Org& org, UnitKind kind) {
  std::vector<UnitIndex> found;
  for (UnitIndex u = 0; u < org.units.size(); ++u)
    if (org.units[u].kind == kind) found.push_back(u);
  return found;
}

bool is_person_of(const Org& org, PersonIndex person, UnitIndex unit) {
  return person != kNoIndex && org.people[person].unit == unit;
}

std::size_t trailing_falls(const std::vector<double>& values) {
  std::size_t falls = 0;
  for (std::size_t i = values.size(); i >= 2 && values[i - 1] < values[i - 2]; --i) ++falls;
  return falls;
}

std::size_t trailing_zeros(const std::vector<double>& values) {
  std::size_t zeros = 0;
  for (std::size_t i = values.size(); i >= 1 && values[i - 1] <= 0; --i) ++zeros;
  return zeros;
}

std::vector<double> profit_per_period(const PeriodTable& table) {
  if (const MetricSeries* profit = table.find("profit")) return profit->values;
  const MetricSeries* revenue = table.find("revenue");
  if (!revenue) revenue = table.find("revenues");  // the win-win statement's spelling
  const MetricSeries* costs = table.find("costs");
  if (!revenue || !costs || revenue->values.size() != costs->values.size()) return {};
  std::vector<double> profit(revenue->values.size());
  for (std::size_t i = 0; i < profit.size(); ++i) profit[i] = revenue->values[i] - costs->values[i];
  return profit;
}

std::size_t trailing_losses(const std::vector<double>& profit) {
  std::size_t losses = 0;
  for (std::size_t i = profit.size(); i >= 1 && profit[i - 1] < 0; --i) ++losses;
  return losses;
}

std::string period_label(const PeriodTable& table, std::size_t i) {
  return i < table.periods.size() ? table.periods[i] : "period " + std::to_string(i + 1);
}

}  // namespace orgaudit::rendanheyi
