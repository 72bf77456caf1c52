#include "workflow/pseudonym.h"

#include <catch2/catch.hpp>

using namespace orgaudit;

TEST_CASE("pseudonyms are keyed, stable and kept apart by kind", "[workflow]") {
  const Pseudonymizer a("key-one-0123456789"), a_again("key-one-0123456789"), b("key-two-0123456789");
  CHECK(a.person_id("E1001") == a_again.person_id("E1001"));
  CHECK(a.person_id("E1001") != b.person_id("E1001"));
  CHECK(a.person_id("E1001") != a.person_id("E1002"));
  CHECK(a.person_id("E1001").size() == 18);  // "p-" + 16 hex digits
  CHECK_THAT(a.person_name("E1001"), Catch::StartsWith("Person ") && Catch::Contains(a.person_id("E1001").substr(2, 8)));
  CHECK_THAT(a.email("ann@acme.example"), Catch::EndsWith("@example.invalid"));
  CHECK(a.digest("email", "x") != a.digest("person-id", "x"));
  // Plain HMAC-SHA256 of "<domain>\0<value>" (checked against Python's hmac module).
  CHECK(Pseudonymizer("Jefe").digest("what do ya want ", "for nothing?") ==
        "ffe25383ff65e17b031aae1ed14b029719169dfa3038c1fed547997cb5204b27");
  CHECK_THROWS_AS(Pseudonymizer(""), PseudonymKeyError);
}
