#include "orgaudit/date.h"

#include <catch2/catch.hpp>

using orgaudit::Date;

TEST_CASE("dates parse strictly") {
  REQUIRE(Date::parse("2026-11-23"));
  CHECK(Date::parse("2024-02-29"));
  CHECK_FALSE(Date::parse("2023-02-29"));
  CHECK_FALSE(Date::parse("2026-13-01"));
  CHECK_FALSE(Date::parse("2026-1-01"));
  CHECK_FALSE(Date::parse("26-01-01xx"));
  CHECK_FALSE(Date::parse(""));
}

TEST_CASE("days between dates") {
  CHECK(Date::parse("1970-01-01")->days_since_epoch() == 0);
  CHECK(orgaudit::days_between(*Date::parse("2026-10-01"), *Date::parse("2026-11-01")) == 31);
  CHECK(orgaudit::days_between(*Date::parse("2024-02-28"), *Date::parse("2024-03-01")) == 2);
  CHECK(Date::parse("2026-03-05")->to_string() == "2026-03-05");
}
