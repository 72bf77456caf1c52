// The model's compact strings and lists: what rules read must be what importers stored, however
// many texts a pool holds and whichever org (or copy) holds the pool.
#include <catch2/catch.hpp>

#include <sstream>

#include "orgaudit/model.h"

using namespace orgaudit;

TEST_CASE("a text reads back what was stored, NUL-terminated, across many blocks", "[model][text]") {
  detail::TextPool pool;
  std::vector<std::pair<Text, std::string>> stored;
  for (int i = 0; i < 20000; ++i) {  // past the first blocks, so texts land in later ones
    const std::string value = "person " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 97), 'x');
    stored.emplace_back(pool.add(value), value);
  }
  const std::string large(3 * 1024 * 1024, 'L');  // larger than any block: a block of its own
  stored.emplace_back(pool.add(large), large);
  for (const auto& [text, value] : stored) {
    REQUIRE(text.view() == value);
    CHECK(text.size() == value.size());
    CHECK(text.data()[value.size()] == '\0');
  }
  CHECK(pool.bytes() > large.size());
}

TEST_CASE("the empty text is the default one, and equal to every empty string", "[model][text]") {
  detail::TextPool pool;
  const Text empty = pool.add("");
  CHECK(empty.empty());
  CHECK(empty == Text());
  CHECK(empty == "");
  CHECK(std::string(Text().data()).empty());
  CHECK_FALSE(pool.add("a").empty());
}

TEST_CASE("interning stores a value once, and texts compare by value whichever way they were stored", "[model][text]") {
  detail::TextPool pool;
  const Text grade = pool.intern("SCS2");
  CHECK(pool.intern("SCS2").data() == grade.data());  // the same characters, not a copy
  CHECK(pool.intern("SCS3").data() != grade.data());
  for (int i = 0; i < 5000; ++i) pool.intern("title " + std::to_string(i));  // the table grows
  CHECK(pool.intern("SCS2").data() == grade.data());
  CHECK(pool.intern("title 4999") == "title 4999");
  const Text copy = pool.add("SCS2");
  CHECK(copy.data() != grade.data());
  CHECK(copy == grade);
  CHECK(copy != pool.add("SCS3"));
  CHECK(std::string("SCS2") == copy);
  CHECK(pool.add("a") < pool.add("b"));
  std::ostringstream out;
  out << grade;
  CHECK(out.str() == "SCS2");
  CHECK("'" + grade + "'" == "'SCS2'");
}

TEST_CASE("an org's copies share its texts, and a merged org keeps the other's", "[model][text]") {
  Org copy;
  {
    Org original;
    original.people.emplace_back().id = original.text("P1");
    copy = original;
    copy.people.emplace_back().id = copy.text("P2");  // a copy adds to the shared pool
  }
  CHECK(copy.people[0].id == "P1");
  CHECK(copy.people[1].id == "P2");

  Org merged;
  {
    Org part;
    part.people.emplace_back().name = part.text("Ada");
    merged.texts->keep(part.texts.shared());
    merged.people = std::move(part.people);
  }
  CHECK(merged.people[0].name == "Ada");

  Org moved_from;
  Org moved_to = std::move(moved_from);
  moved_from.people.emplace_back().id = moved_from.text("P3");  // a moved-from org still stores texts
  moved_to.people.emplace_back().id = moved_to.text("P4");
  CHECK(moved_from.people[0].id == "P3");
  CHECK(moved_to.people[0].id == "P4");
}

TEST_CASE("a small list copies, moves, grows and filters like the vector it replaces", "[model][text]") {
  SmallList<PersonIndex> list;
  CHECK(list.empty());
  CHECK(list.begin() == list.end());
  for (PersonIndex i = 0; i < 100; ++i) list.push_back(i);
  REQUIRE(list.size() == 100);
  CHECK(list[99] == 99);
  CHECK(list.at(0) == 0);
  CHECK_THROWS_AS(list.at(100), std::out_of_range);

  SmallList<PersonIndex> copy = list;
  copy.keep_if([](PersonIndex i) { return i % 10 == 0; });
  CHECK(copy.size() == 10);
  CHECK(copy.back() == 90);
  CHECK(list.size() == 100);  // the copy is its own

  SmallList<PersonIndex> moved = std::move(copy);
  CHECK(moved.size() == 10);
  CHECK(moved == SmallList<PersonIndex>{0, 10, 20, 30, 40, 50, 60, 70, 80, 90});
  moved.clear();
  CHECK(moved.empty());
  moved = list;
  CHECK(moved == list);
}

TEST_CASE("a person is compact: texts and small lists, not strings and vectors", "[model][text]") {
  CHECK(sizeof(Text) == sizeof(void*));
  CHECK(sizeof(SmallList<Text>) == sizeof(void*));
  CHECK(sizeof(Person) <= 144);
}
