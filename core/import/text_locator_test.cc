// Offsets to line:col with the column in code points, against a count one byte at a time.
#include "import/text_locator.h"

#include <catch2/catch.hpp>

using orgaudit::import::TextLocator;

namespace {

// The column of `offset` counted one byte at a time: code points since the line's start, plus one.
std::uint32_t naive_column(std::string_view text, std::size_t offset) {
  const std::size_t newline = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  std::size_t at = newline == std::string_view::npos || offset == 0 ? 0 : newline + 1;
  std::uint32_t column = 1;
  for (; at < offset; ++at) column += (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
  return column;
}

}  // namespace

TEST_CASE("text locator: columns count code points, forward and back along a long line", "[text-locator]") {
  std::string text = "{\"a\": 1}\n";
  for (int i = 0; i < 40; ++i) text += "caf\xC3\xA9 \xE2\x82\xAC\xF0\x9F\x98\x80 plain ascii, ";  // 2-, 3- and 4-byte code points
  text += "\nlast";
  const TextLocator locate(text, 0);
  // Every offset, in an order that jumps ahead and back on the long line as a record's fields do.
  std::vector<std::size_t> offsets;
  for (std::size_t step : {97u, 13u, 1u})
    for (std::size_t at = text.size(); at-- > 0;) if (at % step == 0) offsets.push_back(at);
  for (std::size_t at = 0; at < text.size(); at += 7) offsets.push_back(at);
  for (std::size_t offset : offsets) {
    INFO("offset " << offset);
    CHECK(locate(offset).column == naive_column(text, offset));
  }
  CHECK(locate(text.size() - 1).line == 3);
  CHECK(locate(5).line == 1);
}
