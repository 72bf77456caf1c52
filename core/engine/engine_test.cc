#include "engine/engine.h"

#include <catch2/catch.hpp>

using orgaudit::fingerprint;

TEST_CASE("fingerprints depend on rule, key and entities only") {
  const std::string a = fingerprint("structure-span-of-control", "", {"P-17"});
  CHECK(a.rfind("v2:", 0) == 0);
  CHECK(a.size() == 19);
  CHECK(a == fingerprint("structure-span-of-control", "", {"P-17"}));
  CHECK(a != fingerprint("structure-span-of-control", "", {"P-18"}));
  CHECK(a != fingerprint("structure-hierarchy-depth", "", {"P-17"}));
  CHECK(fingerprint("r", "", {"ab", "c"}) != fingerprint("r", "", {"a", "bc"}));
  // Two problems of one rule on one entity (a missing decision right, a missing pay right).
  CHECK(fingerprint("rendanheyi-three-rights", "decision-not-held", {"ME-1"}) !=
        fingerprint("rendanheyi-three-rights", "pay-not-held", {"ME-1"}));
}
