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
  CHECK(record.problem.column == 2);
  CHECK_THAT(record.problem.message, Catch::Contains("closing quote"));
  CHECK(std::vector<std::string>(record.fields.begin(), record.fields.end()) == std::vector<std::string>{"ok", "abcd", "z"});
  REQUIRE(reader.next(record));
  CHECK(record.problem.column == 0);
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
    CHECK(q.column == 2);
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
