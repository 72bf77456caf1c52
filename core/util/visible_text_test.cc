#include "util/visible_text.h"

#include <catch2/catch.hpp>

using namespace orgaudit;

TEST_CASE("visible: terminal and layout controls are shown escaped, the rest as typed") {
  CHECK(visible("Zoë \"Zed\" O'Brien 👩‍💻 مريم <b>") == "Zoë \"Zed\" O'Brien 👩‍💻 مريم <b>");
  CHECK(visible("red \x1b[31m bell\x07 del\x7f") == "red \\x1b[31m bell\\x07 del\\x7f");
  CHECK(visible(std::string("nul\0end", 7)) == "nul\\x00end");
  CHECK(visible("a\nb\rc\td") == "a\\nb\\rc\\td");
  CHECK(visible("csi \xC2\x9B" "31m nel \xC2\x85") == "csi \\u009b31m nel \\u0085");
  CHECK(visible("rlo \xE2\x80\xAEgnp.exe lri \xE2\x81\xA6x\xE2\x81\xA9 lrm \xE2\x80\x8E alm \xD8\x9C") ==
        "rlo \\u202egnp.exe lri \\u2066x\\u2069 lrm \\u200e alm \\u061c");
  CHECK(visible("ls \xE2\x80\xA8 ps \xE2\x80\xA9 bom \xEF\xBB\xBF") == "ls \\u2028 ps \\u2029 bom \\ufeff");
  CHECK(visible("bad \xC3 byte \xFF") == "bad \\xc3 byte \\xff");
  CHECK(visible("\xED\xA0\x80") == "\\xed\\xa0\\x80");  // a UTF-16 surrogate is not UTF-8
}

TEST_CASE("visible: options keep line breaks and tabs, and make backslashes reversible") {
  CHECK(visible("a\r\nb\tc", {true, true, false}) == "a\r\nb\tc");
  CHECK(visible("a\\x1b", {}) == "a\\x1b");
  CHECK(visible("a\\x1b", {false, false, true}) == "a\\\\x1b");
  CHECK(visible("a\x1b", {false, false, true}) == "a\\x1b");  // so the two stay distinct
}

TEST_CASE("is_hidden_control: the Trojan Source characters, not the emoji joiner") {
  for (char32_t c : {0x00u, 0x1Bu, 0x7Fu, 0x85u, 0x9Bu, 0x202Eu, 0x2067u, 0x2028u, 0xFEFFu}) CHECK(is_hidden_control(c));
  for (char32_t c : {0x20u, 0xA0u, 0xE9u, 0x200Du, 0x2030u, 0x1F680u}) CHECK_FALSE(is_hidden_control(c));
}
