#include "cli/args.h"

#include <catch2/catch.hpp>

using namespace orgaudit::cli;

namespace {
const std::vector<OptionDecl> kDecls{{"format", "FORMAT", ""}, {"enable", "ID", ""},
                                     {"disable", "ID", ""}, {"quiet", nullptr, ""}};
}

TEST_CASE("options keep their order and both spellings") {
  ParsedArgs a = parse_args({"org.yaml", "--disable", "*", "--enable=x", "--quiet", "b.yaml"}, kDecls);
  CHECK(a.positional == std::vector<std::string>{"org.yaml", "b.yaml"});
  REQUIRE(a.options.size() == 3);
  CHECK(a.options[0] == std::make_pair(std::string("disable"), std::string("*")));
  CHECK(a.options[1].second == "x");
  CHECK(a.has("quiet"));
  CHECK(a.last("format", "text") == "text");
}

TEST_CASE("bad usage is explained") {
  CHECK_THROWS_WITH(parse_args({"--fromat", "json"}, kDecls), Catch::Contains("did you mean '--format'"));
  CHECK_THROWS_WITH(parse_args({"--format"}, kDecls), Catch::Contains("needs a value"));
  CHECK_THROWS_WITH(parse_args({"--quiet=1"}, kDecls), Catch::Contains("takes no value"));
  CHECK_THROWS_WITH(parse_args({"-x"}, kDecls), Catch::Contains("unknown option '-x'"));
  CHECK(parse_args({"--", "--format"}, kDecls).positional == std::vector<std::string>{"--format"});
}
