#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "orgaudit/model.h"

namespace orgaudit {
namespace {

struct IdsOf {
  const std::vector<std::string>& ids;
  const std::string& operator()(std::uint32_t i) const { return ids[i]; }
};

}  // namespace

TEST_CASE("an id lookup finds each id's first entity and reports later ones", "[model][ids]") {
  std::vector<std::string> ids{"P1", "P2", "P1", "U9"};
  IdLookup lookup;
  CHECK(lookup.insert(0, IdsOf{ids}) == kNoIndex);
  CHECK(lookup.insert(1, IdsOf{ids}) == kNoIndex);
  CHECK(lookup.insert(2, IdsOf{ids}) == 0u);  // a repeat: the first keeps the id
  CHECK(lookup.insert(3, IdsOf{ids}) == kNoIndex);
  CHECK(lookup.size() == 3);
  CHECK(lookup.find("P1", ids.size(), IdsOf{ids}) == 0u);
  CHECK(lookup.find("U9", ids.size(), IdsOf{ids}) == 3u);
  CHECK(lookup.find("P3", ids.size(), IdsOf{ids}) == kNoIndex);
  CHECK(lookup.find("", ids.size(), IdsOf{ids}) == kNoIndex);
  // Entities removed since the table was built are no match, and never read past the end.
  CHECK(lookup.find("U9", 3, IdsOf{ids}) == kNoIndex);
  lookup.clear();
  CHECK(lookup.size() == 0);
  CHECK(lookup.find("P1", ids.size(), IdsOf{ids}) == kNoIndex);
}

TEST_CASE("an id lookup inserts a prefetched id as any other, across growth", "[model][ids]") {
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i) ids.push_back("id-" + std::to_string(i % 2000));  // the last 1000 repeat
  IdLookup lookup;
  std::size_t repeats = 0;
  for (std::uint32_t i = 0; i < ids.size(); ++i) {
    const IdLookup::Prefetched slot = lookup.prefetch(ids[i]);  // the table may grow before the insert
    const std::uint32_t first = lookup.insert(i, IdsOf{ids}, slot);
    repeats += first != kNoIndex;
    if (first != kNoIndex) CHECK(first == i - 2000);
  }
  CHECK(repeats == 1000);
  CHECK(lookup.size() == 2000);
  CHECK(lookup.find("id-1999", ids.size(), IdsOf{ids}) == 1999u);
}

TEST_CASE("an id lookup keeps finding ids while it grows", "[model][ids]") {
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back("id-" + std::to_string(i));
  IdLookup lookup;
  for (std::uint32_t i = 0; i < ids.size(); ++i) REQUIRE(lookup.insert(i, IdsOf{ids}) == kNoIndex);
  std::size_t found = 0;
  for (std::uint32_t i = 0; i < ids.size(); ++i) found += lookup.find(ids[i], ids.size(), IdsOf{ids}) == i;
  CHECK(found == ids.size());
}

TEST_CASE("an id lookup reserved ahead, empty or part full, keeps what it holds and finds the rest", "[model][ids]") {
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back("id-" + std::to_string(i));
  IdLookup lookup;
  lookup.reserve(10);  // smaller than the first table: nothing to do
  for (std::uint32_t i = 0; i < 700; ++i) REQUIRE(lookup.insert(i, IdsOf{ids}) == kNoIndex);
  lookup.reserve(ids.size());  // from a part-full table straight to its final size
  CHECK(lookup.size() == 700);
  for (std::uint32_t i = 700; i < ids.size(); ++i) REQUIRE(lookup.insert(i, IdsOf{ids}) == kNoIndex);
  lookup.reserve(100);  // never shrinks
  std::size_t found = 0;
  for (std::uint32_t i = 0; i < ids.size(); ++i) found += lookup.find(ids[i], ids.size(), IdsOf{ids}) == i;
  CHECK(found == ids.size());
  CHECK(lookup.insert(3, IdsOf{ids}) == 3u);  // a repeat is still told apart after the rehash
}

TEST_CASE("an org finds people and units by id after resolve, the first of a repeated id", "[model][ids]") {
  Org org;
  org.people.resize(3);
  org.people[0].id = org.text("A");
  org.people[1].id = org.text("B");
  org.people[2].id = org.text("A");
  org.units.resize(1);
  org.units[0].id = "A";  // units have their own namespace
  org.resolve();
  CHECK(org.find_person("A") == 0u);
  CHECK(org.find_person("B") == 1u);
  CHECK(org.find_unit("A") == 0u);
  CHECK(org.find_unit("B") == kNoIndex);
  REQUIRE(org.reference_problems.size() == 1);
  CHECK(org.reference_problems[0].kind == ReferenceProblem::duplicate_person);
  CHECK(org.reference_problems[0].entity == 2u);
}

}  // namespace orgaudit
