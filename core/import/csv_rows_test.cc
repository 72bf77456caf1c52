// CSV rows read in two halves at once against the same rows read one after another: the whole org,
// the import log and every error must be the same. Each input is read with its special rows at
// every place around the split (the middle of the rows' bytes), so the split falls before, inside
// and after each of them.
#include "import/csv_rows.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "import/csv_import.h"
#include "import_test_support.h"
#include "io/file_system.h"
#include "model/import_log.h"

using namespace orgaudit;
using orgaudit::import::RowsRead;

namespace {

struct Read {
  Org org;
  std::string error;  // "x.csv:L:C: error: ..." when the file is refused
  RowsRead how = RowsRead::one_thread;
};

Read read_csv(const std::string& text, detail::Split second_thread, const import::testing::Options& o = {}) {
  MemoryFileSystem files;
  files.add(o.path, text);
  Read read;
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  try {
    read.how = import::load_csv(files, o.path, import::testing::load_options(o), read.org, warnings, progress, second_thread);
  } catch (const InputError& e) {
    read.error = e.diagnostic().format("error");
  }
  return read;
}

// The same error, or the same org.
void check_same_org(const Read& one, const Read& two) {
  REQUIRE(one.error == two.error);
  if (one.error.empty()) import::testing::check_same_import(one.org, two.org);
}

// The header every input here has; `team` names a row's unit (the unit_name field).
const char* const kHeader = "id,manager_id,name,title,unit,fte,team,location";

import::testing::Options with_team_names() {
  import::testing::Options o;
  o.columns = {{"unit_name", "team"}};
  return o;
}

std::string filler(std::size_t i) {
  return "F" + std::to_string(i) + ",P1,Name " + std::to_string(i) + ",Engineer,U" + std::to_string(i / 4) +
         ",,Team " + std::to_string(i / 4) + ",Leeds";
}

// How the rows around a block are laid out.
struct Shape {
  std::size_t rows = 24;     // filler rows
  std::string eol = "\n";    // what ends every line
  std::string before;        // what comes before the header (a BOM, a sep= line)
  import::testing::Options options = with_team_names();
};

// `shape.rows` filler rows with `block` after the first `at` of them (at most all); the first row
// is P1, the manager of all.
std::string file_with(const std::vector<std::string>& block, std::size_t at, const Shape& shape = {}) {
  std::string text = shape.before + kHeader + shape.eol + "P1,,Ada Top,CEO,U-HQ,,Board,London" + shape.eol;
  for (std::size_t i = 0; i <= shape.rows; ++i) {
    if (i == at)
      for (const std::string& line : block) text += line + shape.eol;
    if (i < shape.rows) text += filler(i) + shape.eol;
  }
  return text;
}

// Reads the block at every place among the fillers both ways and compares; returns the ways the
// two halves were read.
std::set<RowsRead> compare_everywhere(const std::vector<std::string>& block, const Shape& shape = {}) {
  std::set<RowsRead> ways;
  for (std::size_t at = 0; at <= shape.rows; ++at) {
    const std::string text = file_with(block, at, shape);
    INFO("block after filler row " << at);
    const Read one = read_csv(text, detail::Split::one_thread, shape.options);
    const Read two = read_csv(text, detail::Split::two_threads, shape.options);
    CHECK(one.how == RowsRead::one_thread);
    check_same_org(one, two);
    ways.insert(two.how);
  }
  return ways;
}

}  // namespace

TEST_CASE("csv rows in two halves: plain rows are read at once and appended", "[threads]") {
  Shape forty;
  forty.rows = 40;
  const std::string text = file_with({}, 0, forty);
  const Read one = read_csv(text, detail::Split::one_thread);
  const Read two = read_csv(text, detail::Split::two_threads);
  CHECK(two.how == RowsRead::two_halves);
  check_same_org(one, two);
  CHECK(two.org.people.size() == 41);
  CHECK(two.org.import_log->people_indexed == 41);
  // Interned texts stay one copy: the first half's and the last row's share theirs.
  CHECK(two.org.people.front().attributes[0].key.data() == two.org.people.back().attributes[0].key.data());
  CHECK(two.org.people[1].attributes.back().value.data() == two.org.people.back().attributes.back().value.data());
  CHECK(two.org.people[1].title.data() == two.org.people.back().title.data());
  CHECK(two.org.people[1].manager_id.data() == two.org.people.back().manager_id.data());
}

TEST_CASE("csv rows in two halves: a quoted field with line breaks across the split", "[threads]") {
  // Lines as long as two fillers: the middle of the bytes falls inside the field at some place.
  const std::vector<std::string> block = {"Q1,P1,\"Line one of a name that goes on and on and on and on\nline two\n\nline four\","
                                          "Writer,U-Q,,Quill,York",
                                          "Q2,P1,Bo,\"a \"\"quoted\"\" title that goes on and on and on and on and on\ntitle\",U-Q,0.5,,York"};
  const std::set<RowsRead> ways = compare_everywhere(block);
  CHECK(ways.count(RowsRead::two_halves) == 1);
  CHECK(ways.count(RowsRead::halves_redone) == 1);  // the split fell inside the field
}

TEST_CASE("csv rows in two halves: CRLF and lone CR line ends count as one reader counts them", "[threads]") {
  const std::vector<std::string> block = {"Q1,P1,\"two lines, the first as long as two fillers or longer\r\nlines\",Writer,U-Q,,Quill,York",
                                          "Q2,P1,Cy\rQ3,P1,Di,Cook,U-Q,,,Hull"};
  Shape crlf;
  crlf.eol = "\r\n";
  const std::set<RowsRead> ways = compare_everywhere(block, crlf);
  CHECK(ways.count(RowsRead::two_halves) == 1);
  CHECK(ways.count(RowsRead::halves_redone) == 1);
  CHECK(compare_everywhere(block).count(RowsRead::two_halves) == 1);
}

TEST_CASE("csv rows in two halves: an id the first half has is a duplicate in the second", "[threads]") {
  // F3 is a filler row near the top; the block repeats it with a bad FTE (which goes with the
  // row), then again (a duplicate naming the first F3), in a unit the first rows name too.
  const std::vector<std::string> block = {"F3,P1,Again,Cook,U0,2.5,,Hull", "Z1,F3,Zed,Cook,U-Z,,Zeds,Hull",
                                          "F3,P1,Thrice,Cook,U0,,,Hull"};
  const std::set<RowsRead> ways = compare_everywhere(block);
  CHECK(ways.count(RowsRead::two_halves) == 1);
  const Read two = read_csv(file_with(block, 20), detail::Split::two_threads, with_team_names());
  REQUIRE(two.how == RowsRead::two_halves);
  const auto& issues = two.org.import_log->issues;
  REQUIRE(issues.size() == 2);
  CHECK(issues[0].kind == ImportIssue::duplicate_id);
  CHECK(issues[0].message == "row skipped: id 'F3' is already used by the row on line 6");
  CHECK(issues[1].message == "row skipped: id 'F3' is already used by the row on line 6");
}

TEST_CASE("csv rows in two halves: a duplicate that named a unit only the second half has is read again", "[threads]") {
  // Read row after row, the repeated F3 creates no unit, so U-NEW is first where N1 names it; the
  // second half, which did not know F3, created it at F3's row.
  const std::vector<std::string> block = {"F3,P1,Again,Cook,U-NEW,,New team,Hull", "N1,P1,Ned,Cook,U-NEW,,,Hull"};
  const std::set<RowsRead> ways = compare_everywhere(block);
  CHECK(ways.count(RowsRead::halves_redone) == 1);
  CHECK(ways.count(RowsRead::two_halves) == 1);  // where the block is in the first half
}

TEST_CASE("csv rows in two halves: units first named in the second half, or in both", "[threads]") {
  // U-HQ and U0 are named in the first rows; the block names them too, with other team names, and
  // adds U-LATE. U-EMPTY has no team name in the first half and takes the block's.
  const std::vector<std::string> block = {"L1,P1,Lu,Cook,U-LATE,,Late team,Hull", "L2,P1,Li,Cook,U0,,Zero team,Hull",
                                          "L3,P1,Lo,Cook,U-HQ,,Other board,Hull", "L4,P1,La,Cook,U-EMPTY,,Named late,Hull"};
  const std::set<RowsRead> ways = compare_everywhere(block);
  CHECK(ways.count(RowsRead::two_halves) == 1);
  std::string text = file_with(block, 20);
  text.insert(text.find("F0,"), "E1,P1,Em,Cook,U-EMPTY,,,Hull\n");
  const Read one = read_csv(text, detail::Split::one_thread, with_team_names());
  const Read two = read_csv(text, detail::Split::two_threads, with_team_names());
  REQUIRE(two.how == RowsRead::two_halves);
  check_same_org(one, two);
  const Org& org = two.org;
  // U-LATE comes where L1 first names it: after filler 19's U4, before filler 20's U5.
  REQUIRE(org.units.size() == 9);
  CHECK(org.units[6].id == "U4");
  CHECK(org.units[7].id == "U-LATE");
  CHECK(org.units[7].name == "Late team");
  CHECK(org.units[8].id == "U5");
  CHECK(org.units[0].name == "Board");  // U-HQ keeps the first half's
  CHECK(org.units[1].id == "U-EMPTY");
  CHECK(org.units[1].name == "Named late");
  CHECK(org.units[1].where.line == 3);
}

TEST_CASE("csv rows in two halves: rows skipped and bad values in each half keep their order", "[threads]") {
  const std::vector<std::string> block = {"B1,P1,Bad fte,Cook,U-B,lots,,Hull", "B2,P1,Short,Cook", "B3,P1,\"q\"x,Cook,U-B,,,Hull",
                                          ",P1,No id,Cook,U-B,,,Hull", "B4,P1,Extra,Cook,U-B,,,Hull,more"};
  const std::set<RowsRead> ways = compare_everywhere(block);
  CHECK(ways.count(RowsRead::two_halves) == 1);
  // A block in each half at once: the second's B1 is a duplicate, whose bad FTE goes with it.
  Shape thirty;
  thirty.rows = 30;
  std::string text = file_with(block, 2, thirty);
  for (const std::string& line : block) text += line + "\n";
  text += "B9,P1,Short";
  const Read one = read_csv(text, detail::Split::one_thread, with_team_names());
  const Read two = read_csv(text, detail::Split::two_threads, with_team_names());
  CHECK(two.how == RowsRead::two_halves);
  check_same_org(one, two);
  CHECK(two.org.import_log->issues.size() == 11);
}

TEST_CASE("csv rows in two halves: errors are those of reading row after row", "[threads]") {
  Shape small_fields;
  small_fields.options.limits.max_field_bytes = 40;
  const std::string big = "T1,P1," + std::string(50, 'n') + ",Cook,U-B,,,Hull";
  // A value over the field limit in either half, then in both: the first half's wins.
  compare_everywhere({big}, small_fields);
  small_fields.rows = 30;
  const std::string both = file_with({big}, 1, small_fields) + big + "\n";
  const Read never = read_csv(both, detail::Split::one_thread, small_fields.options);
  const Read always = read_csv(both, detail::Split::two_threads, small_fields.options);
  CHECK(always.error == never.error);
  CHECK_THAT(always.error, Catch::StartsWith("x.csv:4:7: error:"));
  // A quote never closed, in either half.
  compare_everywhere({"U1,P1,\"never closed,Cook,U-B,,,Hull"});
  // The record limit, which the halves reach only together.
  Shape few;
  few.options.limits.max_records = 20;
  compare_everywhere({}, few);
  CHECK_THAT(read_csv(file_with({}, 0, few), detail::Split::two_threads, few.options).error, Catch::StartsWith("x.csv:22:1: error:"));
}

TEST_CASE("csv rows in two halves: a file that is not UTF-8 reports its first repair and the count", "[threads]") {
  // Windows-1252 bytes (\xE9: e acute) in the first row and in the block.
  const std::vector<std::string> block = {"W1,P1,Ren\xE9,Cook,U-W,,Caf\xE9,Hull"};
  CHECK(compare_everywhere(block).count(RowsRead::two_halves) == 1);
  std::string text = file_with(block, 20);
  text.replace(text.find("Ada Top"), 7, "Ad\xE9 Top");
  const Read one = read_csv(text, detail::Split::one_thread, with_team_names());
  const Read two = read_csv(text, detail::Split::two_threads, with_team_names());
  CHECK(two.how == RowsRead::two_halves);
  check_same_org(one, two);
  REQUIRE(two.org.import_log->issues.size() == 1);
  CHECK_THAT(two.org.import_log->issues[0].message, Catch::StartsWith("3 fields are not valid UTF-8"));
  CHECK(two.org.import_log->issues[0].where.line == 2);
}

TEST_CASE("csv rows in two halves: a BOM and an Excel sep= line keep the line numbers", "[threads]") {
  Shape excel;
  excel.before = "\xEF\xBB\xBFsep=,\n";
  CHECK(compare_everywhere({"Q1,P1,\"a\nb\",Writer,U-Q,,,York"}, excel).count(RowsRead::two_halves) == 1);
}

TEST_CASE("csv rows in two halves: organograms and small files are read on one thread", "[threads]") {
  CHECK(read_csv(file_with({}, 0), detail::Split::by_size).how == RowsRead::one_thread);  // far below kSplitRowsMinBytes
  std::string senior = "Post Unique Reference,Name,Grade (or equivalent),Job Title,Unit,Reports to Senior Post,FTE\n"
                       "1,Ann,SCS4,Permanent Secretary,Office,XX,1\n";
  for (int post = 2; post < 40; ++post)
    senior += std::to_string(post) + ",Name " + std::to_string(post) + ",SCS2,Director,Office,1,1\n";
  const Read one = read_csv(senior, detail::Split::one_thread, import::testing::Options{});
  const Read two = read_csv(senior, detail::Split::two_threads, import::testing::Options{});
  CHECK(two.error.empty());
  CHECK(two.how == RowsRead::one_thread);
  check_same_org(one, two);
}
