#include "config/profile_choice.h"

#include <catch2/catch.hpp>

using namespace orgaudit;

namespace {

Org org_of(const std::vector<UnitKind>& kinds) {
  Org org;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    Unit unit;
    unit.id = "U" + std::to_string(i);
    unit.kind = kinds[i];
    org.units.push_back(unit);
  }
  return org;
}

}  // namespace

TEST_CASE("an org without platforms, EMCs or MEs gets the classic profile, and is told why") {
  const ProfileChoice none = choose_profile(org_of({}));
  CHECK(none.name == "classic");
  CHECK(none.describe() == "profile classic (chosen: the org declares no platforms, EMCs or MEs)");
  const ProfileChoice departments =
      choose_profile(org_of({UnitKind::department, UnitKind::shared_service, UnitKind::external_partner, UnitKind::unspecified}));
  CHECK(departments.name == "classic");
}

TEST_CASE("an org that declares any platform, EMC or ME gets the rendanheyi profile, with the counts") {
  CHECK(choose_profile(org_of({UnitKind::department, UnitKind::me})).describe() ==
        "profile rendanheyi (chosen: the org declares 1 ME)");
  CHECK(choose_profile(org_of({UnitKind::emc})).reason == "chosen: the org declares 1 EMC");
  CHECK(choose_profile(org_of({UnitKind::platform})).reason == "chosen: the org declares 1 platform");
  CHECK(choose_profile(org_of({UnitKind::me, UnitKind::platform, UnitKind::emc, UnitKind::me, UnitKind::emc})).reason ==
        "chosen: the org declares 1 platform, 2 EMCs and 2 MEs");
  CHECK(choose_profile(org_of({UnitKind::me, UnitKind::emc})).reason == "chosen: the org declares 1 EMC and 1 ME");
}
