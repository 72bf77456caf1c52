#include "import/limits.h"

#include <catch2/catch.hpp>

using namespace orgaudit::import;

TEST_CASE("byte sizes and counts read as people write them") {
  CHECK(parse_byte_size("2GB") == (2ull << 30));
  CHECK(parse_byte_size(" 500 MiB ") == (500ull << 20));
  CHECK(parse_byte_size("64k") == (64ull << 10));
  CHECK_FALSE(parse_byte_size("0"));
  CHECK_FALSE(parse_byte_size("5 TB"));
  CHECK_FALSE(parse_byte_size("99999999999999999999"));
  CHECK(parse_count("3000000") == 3000000u);
  CHECK(parse_count(" 7 ") == 7u);
  CHECK_FALSE(parse_count("0"));
  CHECK_FALSE(parse_count("10k"));
  CHECK_FALSE(parse_count("-5"));
  CHECK_FALSE(parse_count(""));
  CHECK_FALSE(parse_count("99999999999999999999"));
}
