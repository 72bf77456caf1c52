#include "import/csv_reader.h"

#include <catch2/catch.hpp>

#include "import/encoding.h"

using orgaudit::csv::Reader;
using orgaudit::csv::Record;
using orgaudit::csv::UnterminatedQuote;

namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text, char delimiter = ',') {
  Reader reader(text, delimiter);
  Record record;
  std::vector<std::vector<std::string>> rows;
  while (reader.next(record)) rows.emplace_back(record.fields.begin(), record.fields.end());
  return rows;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("csv: plain records, LF and CRLF, with or without a final newline") {
  CHECK(read_all("a,b\n1,2\n") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,b\r\n1,2\r\n") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,b\r\n1,2") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,b\r1,2\r") == Rows{{"a", "b"}, {"1", "2"}});  // old Mac line ends
  CHECK(read_all("a,,c\n,,\n") == Rows{{"a", "", "c"}, {"", "", ""}});
  CHECK(read_all("a,b,\n") == Rows{{"a", "b", ""}});
  CHECK(read_all("a,b,") == Rows{{"a", "b", ""}});
}

TEST_CASE("csv: RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes") {
  CHECK(read_all("\"a,b\",c\n") == Rows{{"a,b", "c"}});
  CHECK(read_all("\"say \"\"hi\"\"\",x\n") == Rows{{"say \"hi\"", "x"}});
  CHECK(read_all("\"\"\"\"\n") == Rows{{"\""}});
  CHECK(read_all("\"\",\"\"\n") == Rows{{"", ""}});
  CHECK(read_all("\"line one\nline two\",z\r\nnext,row\r\n") == Rows{{"line one\nline two", "z"}, {"next", "row"}});
  CHECK(read_all("\"crlf\r\ninside\",z\n") == Rows{{"crlf\r\ninside", "z"}});
  // Several unescaped fields in one record keep their own text.
  CHECK(read_all("\"a\"\"1\",\"b\"\"2\",plain\n") == Rows{{"a\"1", "b\"2", "plain"}});
}

TEST_CASE("csv: a record's line is where it starts, counting line breaks inside quotes") {
  Reader reader("h1,h2\n\"multi\nline\",x\nlast,y\n", ',');
  Record record;
  REQUIRE(reader.next(record));
  CHECK(record.line == 1);
  REQUIRE(reader.next(record));
  CHECK(record.line == 2);
  REQUIRE(reader.next(record));
  CHECK(record.line == 4);
  CHECK_FALSE(reader.next(record));
}

TEST_CASE("csv: every line-break style inside quotes counts one line, a lone CR too") {
  for (const char* br : {"\n", "\r\n", "\r"}) {
    INFO("line break " << (br[0] == '\n' ? "LF" : br[1] ? "CRLF" : "CR"));
    const std::string b = br;
    const std::string text = "h1,h2" + b + "\"two" + b + "lines\",x" + b + "\"three" + b + b + "lines\",y" + b + "last,z" + b;
    Reader reader(text, ',');
    Record record;
    std::vector<std::uint32_t> lines;
    while (reader.next(record)) lines.push_back(record.line);
    CHECK(lines == std::vector<std::uint32_t>{1, 2, 4, 7});
  }
}

TEST_CASE("csv: a field's place is its line and character column, in code points") {
  // After a quoted field, a non-ASCII one and a field that spans lines: columns as an editor counts.
  Reader reader("\xEF\xBB\xBFP1,\"a, b\",Zoë 👩‍💻,x\nP3,\"two\nlines\",y,\"É\",z\n", ',');
  Record record;
  REQUIRE(reader.next(record));
  std::vector<std::uint32_t> columns;
  for (const auto& start : record.starts) columns.push_back(reader.column(start));
  CHECK(columns == std::vector<std::uint32_t>{1, 4, 11, 19, 20});  // the last: the end of the record
  REQUIRE(reader.next(record));
  CHECK(record.starts[2].line == 3);
  CHECK(reader.column(record.starts[2]) == 8);   // y, after `lines",`
  CHECK(reader.column(record.starts[4]) == 14);  // z, after the quoted É
  // A byte that is not UTF-8 (Windows-1252 £) is one character.
  Reader latin("\xA3\xA3,x\n", ',');
  REQUIRE(latin.next(record));
  CHECK(latin.column(record.starts[1]) == 4);
}

TEST_CASE("csv: Excel's sep= first line names the delimiter and is not a record") {
  using orgaudit::csv::detect_delimiter;
  using orgaudit::csv::separator_line;
  CHECK(separator_line("sep=;\r\nid;manager\n") == 7);
  CHECK(separator_line("\xEF\xBB\xBFsep=|\nid|manager\n") == 9);
  CHECK(separator_line("\"sep=;\";;\nid;manager\n") == 10);
  CHECK(separator_line("sep=x,y\n") == 0);  // not a separator line: a header
  CHECK(separator_line("separator,b\n") == 0);
  CHECK(detect_delimiter("sep=;\nid,manager,name;x\n") == ';');  // the line wins over the counts
  CHECK(detect_delimiter("sep=\t\nid\tmanager\n") == '\t');
  Reader reader("sep=;\nid;manager\n1;2\n", ';');
  Record record;
  REQUIRE(reader.next(record));
  CHECK(record.line == 2);
  CHECK(std::vector<std::string>(record.fields.begin(), record.fields.end()) == std::vector<std::string>{"id", "manager"});
  REQUIRE(reader.next(record));
  CHECK(record.line == 3);
}

TEST_CASE("csv: a UTF-8 byte order mark and non-ASCII headers") {
  const Rows rows = read_all("\xEF\xBB\xBF\"Payscale Minimum (£)\",Name\n1,Zoë 👩‍💻\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0][0] == "Payscale Minimum (£)");
  CHECK(rows[1][1] == "Zoë 👩‍💻");
}

TEST_CASE("csv: other delimiters, detected from the header") {
  using orgaudit::csv::detect_delimiter;
  CHECK(detect_delimiter("id;manager;name\n1;2;x\n") == ';');
  CHECK(detect_delimiter("id\tmanager\n") == '\t');
  CHECK(detect_delimiter("\"a;b\",c\n") == ',');  // the ';' is inside quotes
  CHECK(detect_delimiter("single\n") == ',');
  CHECK(read_all("a;\"b;c\"\n", ';') == Rows{{"a", "b;c"}});
}

TEST_CASE("csv: tolerated and reported deviations") {
  // A quote inside an unquoted field is text, as spreadsheets read it.
  CHECK(read_all("5'10\",x\n") == Rows{{"5'10\"", "x"}});
  // Text after a closing quote flags the record at that field and keeps the text.
  Reader reader("ok,\"ab\"cd,z\nnext,1,2\n", ',');
  Record record;
  REQUIRE(reader.next(record));
  CHECK(record.problem.field == 2);
  CHECK(reader.column(record.starts[1]) == 4);
  CHECK_THAT(record.problem.message, Catch::Contains("closing quote"));
  CHECK(std::vector<std::string>(record.fields.begin(), record.fields.end()) == std::vector<std::string>{"ok", "abcd", "z"});
  REQUIRE(reader.next(record));
  CHECK(record.problem.field == 0);
  CHECK(record.line == 2);
}

TEST_CASE("csv: a quote that never closes is fatal, at the place it opened") {
  Reader reader("a,b\n1,\"open\n2,3\n", ',');
  Record record;
  REQUIRE(reader.next(record));
  try {
    reader.next(record);
    FAIL("no error");
  } catch (const UnterminatedQuote& q) {
    CHECK(q.line == 2);
    CHECK(q.column == 3);  // the character column of the opening quote
  }
}

TEST_CASE("csv: blank records") {
  Reader reader("a,b\n\n,\n  , \nx,y\n", ',');
  Record record;
  std::vector<bool> blank;
  while (reader.next(record)) blank.push_back(record.blank());
  CHECK(blank == std::vector<bool>{false, true, true, true, false});
}

TEST_CASE("encoding: UTF-8 check and Windows-1252 repair") {
  using orgaudit::import::first_invalid_utf8;
  using orgaudit::import::repair_utf8;
  CHECK(first_invalid_utf8("plain ascii text, long enough to use the fast path") == std::string_view::npos);
  CHECK(first_invalid_utf8("Zoë £ 👩‍💻 and more ASCII after it") == std::string_view::npos);
  CHECK(first_invalid_utf8("Pay (\xA3) ok") == 5);
  CHECK(first_invalid_utf8("0123456789abcdef\xE2\x82") == 16);  // truncated sequence at the end
  CHECK(repair_utf8("Pay (\xA3)") == "Pay (£)");
  CHECK(repair_utf8("\x93quoted\x94 \x80") == "\u201Cquoted\u201D \u20AC");
  CHECK(repair_utf8("mixed £ and \xA3") == "mixed £ and £");
}

TEST_CASE("encoding: the UTF-8 check finds a bad byte wherever it falls among 64-byte ASCII blocks") {
  using orgaudit::import::first_invalid_utf8;
  const std::string ascii(200, 'a');
  CHECK(first_invalid_utf8(ascii) == std::string_view::npos);
  for (std::size_t at = 0; at < ascii.size(); ++at) {
    std::string text = ascii;
    text[at] = '\xA3';  // a lone continuation byte
    REQUIRE(first_invalid_utf8(text) == at);
    // "£" (C2 A3) starting here, across a block edge at 63 and 127, is valid.
    if (at + 1 < text.size()) {
      text[at] = '\xC2';
      text[at + 1] = '\xA3';
      REQUIRE(first_invalid_utf8(text) == std::string_view::npos);
    }
  }
}

TEST_CASE("encoding: UTF-16 with a byte order mark, either byte order") {
  using orgaudit::import::has_utf16_bom;
  using orgaudit::import::looks_like_utf16;
  using orgaudit::import::utf16_to_utf8;
  const std::string le("\xFF\xFEi\0d\0,\0\xA3\0\n\0\x3D\xD8\x69\xDC", 16);  // "id,£\n" and U+1F469
  const std::string be("\xFE\xFF\0i\0d\0,\0\xA3\0\n\xD8\x3D\xDC\x69", 16);
  CHECK(has_utf16_bom(le));
  CHECK(has_utf16_bom(be));
  CHECK_FALSE(has_utf16_bom("\xEF\xBB\xBFid"));
  CHECK(utf16_to_utf8(le) == "id,£\n👩");
  CHECK(utf16_to_utf8(be) == "id,£\n👩");
  CHECK(utf16_to_utf8(std::string("\xFF\xFE\x00\xD8x\0", 6)) == "\uFFFDx");  // an unpaired surrogate
  CHECK(looks_like_utf16(std::string("i\0d\0,\0m\0a\0n\0", 12)));
  CHECK_FALSE(looks_like_utf16("id,manager,name\n"));
}
