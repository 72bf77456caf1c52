// Calendar dates as written in org files (YYYY-MM-DD), compared and subtracted in days.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "orgaudit/export.h"

namespace orgaudit {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // Parses a strict ISO 8601 calendar date; rejects 2026-02-30 and friends.
  ORGAUDIT_API static std::optional<Date> parse(std::string_view text);

  // Days since 1970-01-01 (proleptic Gregorian), so two dates subtract to a day count.
  ORGAUDIT_API long days_since_epoch() const;
  ORGAUDIT_API std::string to_string() const;
};

inline long days_between(const Date& from, const Date& to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

}  // namespace orgaudit
