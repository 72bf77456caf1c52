#include "engine/engine.h"

#include <catch2/catch.hpp>

using orgaudit::fingerprint;

TEST_CASE("fingerprints depend on rule and entities only") {
  const std::string a = fingerprint("structure-span-of-control", {"P-17"});
  CHECK(a.rfind("v1:", 0) == 0);
  CHECK(a.size() == 19);
  CHECK(a == fingerprint("structure-span-of-control", {"P-17"}));
  CHECK(a != fingerprint("structure-span-of-control", {"P-18"}));
  CHECK(a != fingerprint("structure-hierarchy-depth", {"P-17"}));
  CHECK(fingerprint("r", {"ab", "c"}) != fingerprint("r", {"a", "bc"}));
}
