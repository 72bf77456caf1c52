// The plugin API version covers what crosses the pack boundary (orgaudit/plugin.h): this test fails
// when a shared struct changes size while ORGAUDIT_PLUGIN_API_VERSION stays the same.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "orgaudit/plugin.h"

namespace {

struct RecordedLayout {
  std::uint32_t api_version;
  std::uint32_t org, person, unit, link, org_metrics, reporting_metrics, unit_metrics, network_metrics,
      check_context, finding_builder, source_location, entity_ref;
};

// What each API version shipped with on x86-64 Linux with libstdc++'s C++11 string ABI, the platform
// orgaudit is built for. When a struct changes size: bump ORGAUDIT_PLUGIN_API_VERSION, add a row for
// the new version (never edit an old one), and say what changed in CHANGELOG.md.
constexpr RecordedLayout kRecorded[] = {
    {3, 312, 336, 656, 112, 856, 336, 152, 368, 16, 24, 12, 8},
    {4, 264, 336, 656, 112, 856, 336, 152, 368, 16, 24, 12, 8},  // Org: IdLookup tables, not two maps
    {5, 240, 336, 680, 112, 768, 280, 120, 368, 16, 24, 12, 8},   // no Boost graph, no import issues; holders resolved
    {6, 256, 144, 256, 112, 768, 280, 120, 368, 16, 24, 12, 8},   // compact Person and Unit; Org's TextPool
};

}  // namespace

TEST_CASE("a shared struct changes size only with a plugin API version bump", "[plugin][abi]") {
#if defined(__x86_64__) && defined(__GLIBCXX__) && _GLIBCXX_USE_CXX11_ABI && !defined(_GLIBCXX_DEBUG)
  const RecordedLayout* recorded = nullptr;
  for (const RecordedLayout& row : kRecorded)
    if (row.api_version == ORGAUDIT_PLUGIN_API_VERSION) recorded = &row;
  INFO("plugin API version " << ORGAUDIT_PLUGIN_API_VERSION << " has no recorded layout: add its row");
  REQUIRE(recorded);
  const orgaudit_abi_layout now = orgaudit::abi_layout();
  INFO("a struct shared with packs changed size: bump ORGAUDIT_PLUGIN_API_VERSION and record its layout");
  CHECK(now.org == recorded->org);
  CHECK(now.person == recorded->person);
  CHECK(now.unit == recorded->unit);
  CHECK(now.link == recorded->link);
  CHECK(now.org_metrics == recorded->org_metrics);
  CHECK(now.reporting_metrics == recorded->reporting_metrics);
  CHECK(now.unit_metrics == recorded->unit_metrics);
  CHECK(now.network_metrics == recorded->network_metrics);
  CHECK(now.check_context == recorded->check_context);
  CHECK(now.finding_builder == recorded->finding_builder);
  CHECK(now.source_location == recorded->source_location);
  CHECK(now.entity_ref == recorded->entity_ref);
#else
  FAIL("no plugin layout is recorded for this platform and standard library: add one");
#endif
}
