#include "util/text.h"

#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

using namespace orgaudit;

TEST_CASE("split and trim") {
  CHECK(split("a,b,,c", ',') == std::vector<std::string>{"a", "b", "", "c"});
  CHECK(split("", ',') == std::vector<std::string>{""});
  CHECK(trim("  x y \n") == "x y");
  CHECK(trim("   ").empty());
}

TEST_CASE("globs select rules") {
  CHECK(glob_match("structure-*", "structure-span-of-control"));
  CHECK(glob_match("*", "anything"));
  CHECK(glob_match("*-depth", "structure-hierarchy-depth"));
  CHECK_FALSE(glob_match("structure-*", "rendanheyi-silo"));
  CHECK(glob_match("s?an", "span"));
}

TEST_CASE("did you mean finds near misses only") {
  std::vector<std::string> ids{"structure-hierarchy-depth", "structure-span-of-control"};
  CHECK(did_you_mean("structure-span-of-contrl", ids) == "structure-span-of-control");
  CHECK(did_you_mean("unrelated", ids).empty());
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("utf-8 validation") {
  CHECK(find_invalid_utf8("plain ascii") == std::string_view::npos);
  CHECK(find_invalid_utf8("Zoë 👩‍💻 مرحبا") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xff") == 2);
  CHECK(find_invalid_utf8("\xc0\xaf") == 0);      // overlong '/'
  CHECK(find_invalid_utf8("\xed\xa0\x80") == 0);  // surrogate
  CHECK(find_invalid_utf8("x\xe2\x82") == 1);     // truncated
}

TEST_CASE("human sizes keep a whole number of MiB or GiB as written") {
  CHECK(human_size(512) == "512 bytes");
  CHECK(human_size(1536 * 1024) == "1536.0 KiB");
  CHECK(human_size(31ull << 19) == "15.5 MiB");
  CHECK(human_size(1ull << 20) == "1 MiB");
  CHECK(human_size(2ull << 30) == "2 GiB");
  CHECK(human_size(52428800 + 1) == "50.0 MiB");
}

TEST_CASE("line feeds are counted as std::count counts them, across blocks and with every byte one") {
  auto same_as_std_count = [](const std::string& text) {
    CHECK(count_line_feeds(text) == static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  };
  same_as_std_count("");
  same_as_std_count("no break");
  same_as_std_count("a\nb\r\nc\n");
  for (std::size_t size : {31u, 32u, 33u, 8159u, 8160u, 8161u, 100000u}) {
    same_as_std_count(std::string(size, '\n'));  // a byte lane would wrap at 256 without the blocks
    std::string mixed(size, 'x');
    for (std::size_t i = 0; i < size; i += 7) mixed[i] = '\n';
    same_as_std_count(mixed);
  }
  CHECK(count_line_feeds(std::string(100000, '\n')) == 100000);
}
