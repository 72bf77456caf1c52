// The CSV importer on small hand-made exports: each preset, detection, column maps, bad input.
#include "import/csv_import.h"
#include "import/field_values.h"

#include <catch2/catch.hpp>

#include "org_builder.h"

#include "import_test_support.h"
#include "model/import_log.h"

using namespace orgaudit;
using orgaudit::import::testing::csv_error;
using orgaudit::import::testing::load_csv_text;
using orgaudit::import::testing::person;

TEST_CASE("csv import: hiring and pay approver columns, for rendanheyi-three-rights") {
  const Org org = load_csv_text(
      "id,manager_id,name,unit,hiring_approver_id,pay_approver\n"
      "P1,,Ada Top,U-HQ,,\n"
      "P2,P1,Bo Lead,U-ME,P1, P9 \n");
  const Person& bo = person(org, "P2");
  CHECK(bo.approver(&Approvers::hiring_id) == "P1");
  CHECK(bo.approver(&Approvers::pay_id) == "P9");
  CHECK_FALSE(person(org, "P1").approvers);  // nobody recorded: no record at all
  CHECK(bo.attributes.empty());  // read as fields, not kept as free attributes
}

TEST_CASE("csv import: the generic preset, with locations at row and column") {
  const Org org = load_csv_text(
      "id,manager_id,name,title,unit,fte,vacant,contractor,dotted_manager_ids,location\n"
      "P1,,Ada Top,CEO,U-HQ,,,,,London\n"
      "P2,P1,\"Li, \"\"Lily\"\"\",Lead,U-HQ,0.5,no,yes,P1;P9,Leeds\n"
      "P3,P2,,Engineer,U-ENG,1,true,,,\n");
  REQUIRE(org.people.size() == 3);
  const Person& lily = person(org, "P2");
  CHECK(lily.name == "Li, \"Lily\"");
  CHECK(lily.manager_id == "P1");
  CHECK(lily.fte == 0.5);
  CHECK(lily.has(kContractor));
  CHECK_FALSE(lily.has(kVacant));
  CHECK(testing::strings(lily.dotted_ids) == std::vector<std::string>{"P1", "P9"});
  REQUIRE(lily.attributes.size() == 1);
  CHECK(lily.attributes[0].key == "location");
  CHECK(lily.attributes[0].value == "Leeds");
  CHECK(lily.where.line == 3);
  CHECK(lily.where.column == 1);
  CHECK(lily.manager_where.line == 3);
  CHECK(lily.manager_where.column == 4);  // columns are characters, not field numbers
  CHECK(lily.dotted_where.line == 3);
  CHECK(lily.dotted_where.column == 43);  // dotted_manager_ids, after a quoted name with a comma
  CHECK(person(org, "P3").has(kVacant));
  // The unit column implies units, first named where they first appear.
  REQUIRE(org.units.size() == 2);
  CHECK(org.units[0].id == "U-HQ");
  CHECK(org.units[0].implied);
  CHECK(org.units[1].where.line == 4);
  CHECK(org.units[1].where.column == 17);
  CHECK(org.import_log->records == 3);
  CHECK(org.import_log->issues.empty());
}

TEST_CASE("csv import: the importer's id table becomes the org's, so resolving does not hash the ids again", "[import][csv]") {
  Org org = load_csv_text("id,manager_id,name\nP1,,Ann\nP2,P1,Bo\nP2,P1,Bo again\nP3,P2,Cy\n");
  REQUIRE(org.people.size() == 3);  // the repeated id is skipped, not in the table twice
  CHECK(org.import_log->people_indexed == 3);
  CHECK(org.find_person("P3") == 2);  // before resolve(): the table is the importer's
  org.resolve();
  CHECK(org.people[2].manager == 1);
  CHECK(org.import_log->issues[0].person == 1);  // the duplicate row's issue names the first P2
  CHECK(org.reference_problems.empty());
  // Junior rows are not in the table (their ids are made up, never looked up while importing).
  const Org junior = load_csv_text(
      "Parent Department,Organisation,Unit,Reporting Senior Post,Grade,Generic Job Title,Number of Posts in FTE\n"
      "Dept,Dept,Office,2,EO,Officer,3\n");
  REQUIRE(junior.people.size() == 1);
  CHECK(junior.people[0].has(kAggregate));
  CHECK(junior.import_log->people_indexed == 0);
}

TEST_CASE("csv import: a row whose id is taken leaves nothing of its own: no unit, no message on its values", "[import][csv]") {
  const Org org = load_csv_text(
      "id,manager_id,name,unit,fte,location\n"
      "P1,,Ann,U1,,Leeds\n"
      "P2,P1,Bo,U1,,Leeds\n"
      "P1,P2,Ann again,U-NEW,two,York\n"  // taken: skipped before its unit or its FTE is read
      "P3,P1,Cy,U2,,Leeds\n"
      "P4,P1,Di,U1,,York\n");
  REQUIRE(org.people.size() == 4);
  REQUIRE(org.units.size() == 2);
  CHECK(org.units[1].id == "U2");
  REQUIRE(org.import_log->issues.size() == 1);
  CHECK(org.import_log->issues[0].kind == ImportIssue::duplicate_id);
  CHECK(org.import_log->issues[0].message == "row skipped: id 'P1' is already used by the row on line 2");
  // A value the row before held, and one it did not, are each the column's value as written.
  std::vector<std::string> units;
  for (const Person& p : org.people) units.push_back(p.unit_id.str());
  CHECK(units == std::vector<std::string>{"U1", "U1", "U2", "U1"});
  CHECK(org.people[3].attributes[0].value == "York");
  CHECK(org.people[3].unit_id.data() == org.people[0].unit_id.data());  // interned: one copy of "U1"
  CHECK(org.people[3].manager_id.data() == org.people[1].manager_id.data());
}

TEST_CASE("csv import: bamboohr picks the id and supervisor columns whose values match") {
  // supervisorId holds employee numbers, supervisorEId internal ids: both kinds of export exist.
  const std::string header = "id,employeeNumber,firstName,lastName,jobTitle,department,division,employmentStatus,supervisorEId,supervisorId\n";
  const Org by_id = load_csv_text(header +
                                  "10,E-1,Ann,Boss,CEO,Exec,Corp,Full-Time,,\n"
                                  "11,E-2,Bo,Two,Dev,Eng,Corp,Contractor,10,E-1\n"
                                  "12,E-3,Cy,Three,Dev,Eng,Corp,Part-Time,11,E-2\n",
                                  {"bamboohr"});
  REQUIRE(by_id.people.size() == 3);
  const Person& bo = person(by_id, "11");
  CHECK(bo.name == "Bo Two");
  CHECK(bo.manager_id == "10");
  CHECK(bo.title == "Dev");
  CHECK(bo.unit_id == "Eng");
  CHECK(bo.has(kContractor));
  CHECK_FALSE(person(by_id, "12").has(kContractor));
  // Without the internal id column the employee numbers pair with supervisorId.
  const Org by_number = load_csv_text(
      "employeeNumber,displayName,supervisorEId,supervisorId\nE-1,Ann,,\nE-2,Bo,7,E-1\nE-3,Cy,8,E-2\n");
  CHECK(person(by_number, "E-3").manager_id == "E-2");
  CHECK(person(by_number, "E-3").name == "Cy");
}

TEST_CASE("csv import: workday, with contingent workers and team names") {
  const Org org = load_csv_text(
      "Employee_ID,Contingent_Worker_ID,Full_Name,Manager_ID,Team_ID,Team_Name,Employee_Type,Location\n"
      "W1,,Ann Top,,T1,Leadership,Regular,Paris\n"
      ",C-7,Carl Temp,W1,T1,Leadership,Contingent Worker,Lyon\n");
  REQUIRE(org.people.size() == 2);
  CHECK(person(org, "C-7").has(kContractor));
  CHECK(person(org, "C-7").manager_id == "W1");
  REQUIRE(org.units.size() == 1);
  CHECK(org.units[0].id == "T1");
  CHECK(org.units[0].name == "Leadership");
}

TEST_CASE("csv import: visio, names as ids and a blank Reports_To at the top") {
  const Org org = load_csv_text("Name,Title,Reports_To,Department\nAnn,Chief,,HQ\nBo,Lead,Ann,HQ\n");
  CHECK(person(org, "Bo").manager_id == "Ann");
  CHECK(person(org, "Ann").manager_id.empty());
  CHECK(person(org, "Bo").name == "Bo");
}

TEST_CASE("csv import: uk-organogram senior posts and junior rows") {
  const Org senior = load_csv_text(
      "\"Post Unique Reference\",\"Name\",\"Grade (or equivalent)\",\"Job Title\",\"Unit\",\"Reports to Senior Post\",\"FTE\",\"Payscale (£)\"\r\n"
      "\"1\",\"Top Person\",\"SCS4\",\"Permanent Secretary\",\"Office\",\"XX\",\"1\",\"\"\r\n"
      "\"2\",\"N/D\",\"SCS2\",\"Director\",\"Office\",\"1\",\"0.6\",\"\"\r\n"
      "\"3\",\"Vacant\",\"SCS1\",\"Deputy\",\"Office\",\"2\",\"\",\"\"\r\n"
      "\"4\",\"ELIMINATED\",\"SCS1\",\"Deputy\",\"Office\",\"2\",\"1\",\"\"\r\n"
      "\"4\",\"Job Sharer\",\"SCS1\",\"Deputy\",\"Office\",\"2\",\"0.4\",\"\"\r\n",
      {"uk-organogram"});
  REQUIRE(senior.people.size() == 4);
  CHECK(person(senior, "1").manager_id.empty());  // XX: reports outside the organisation
  CHECK(person(senior, "2").name == "Director");   // N/D is never a name: the job title says who
  CHECK(person(senior, "2").fte == 0.6);
  CHECK(person(senior, "3").has(kVacant));
  CHECK(person(senior, "4").has(kVacant));
  REQUIRE(senior.import_log->issues.size() == 1);
  CHECK(senior.import_log->issues[0].kind == ImportIssue::duplicate_id);
  CHECK(senior.import_log->issues[0].where.line == 6);
  CHECK_THAT(senior.import_log->issues[0].message, Catch::Contains("job share"));

  const Org junior = load_csv_text(
      "Parent Department,Organisation,Unit,Reporting Senior Post,Grade,Generic Job Title,Number of Posts in FTE\n"
      "Dept,Dept,Office,2,EO,Officer,3\n"
      "Dept,Dept,Office,2,EO,Officer,1.5\n"
      "Dept,Dept,Office,3,AO,Clerk,0\n");
  REQUIRE(junior.people.size() == 2);
  const Person& row = junior.people[0];
  CHECK(row.has(kAggregate));
  CHECK(row.fte == 3);
  CHECK(row.manager_id == "2");
  CHECK(row.id == "2/EO/Officer");
  CHECK(junior.people[1].id == "2/EO/Officer#2");
  CHECK(junior.name == "Dept");
  REQUIRE(junior.import_log->issues.size() == 1);
  CHECK(junior.import_log->issues[0].kind == ImportIssue::skipped_row);
  CHECK_THAT(junior.import_log->issues[0].message, Catch::Contains("stands for 0 posts"));
}

TEST_CASE("csv import: an organogram's org is its Organisation, its date from the file name or the data") {
  const std::string header =
      "\"Post Unique Reference\",\"Name\",\"Job Title\",\"Parent Department\",\"Organisation\",\"Reports to Senior Post\",\"source_file\"\n";
  const std::string row = "\"1\",\"'N/D'\",\"Chief Executive\",\"Department for Transport\",\"Highways Agency\",\"XX\",\"";
  import::testing::Options o("uk-organogram");
  std::vector<Diagnostic> warnings;
  o.warnings = &warnings;
  o.path = "data/130930-HA-Organogram-Senior.csv";  // a raw publisher file: YYMMDD prefix
  Org org = load_csv_text(header + row + "\"\n", o);
  CHECK(org.name == "Highways Agency");  // the organisation, not its parent department
  REQUIRE(org.as_of);
  CHECK(org.as_of->to_string() == "2013-09-30");
  CHECK(person(org, "1").name == "Chief Executive");
  CHECK(person(org, "1").has(kDeclaredRoot));
  CHECK(warnings.empty());

  o.path = "organogram-senior.csv";  // no date in the name: the data's source_file has one
  org = load_csv_text(header + row + "/data/ha/2012-03-31/HA.xls\"\n", o);
  REQUIRE(org.as_of);
  CHECK(org.as_of->to_string() == "2012-03-31");
  CHECK(warnings.empty());

  org = load_csv_text(header + row + "\"\n", o);  // no date anywhere: a warning says what to do
  CHECK_FALSE(org.as_of);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0].format("warning"), Catch::StartsWith("organogram-senior.csv: warning: no snapshot date") &&
                                                Catch::Contains("as_of"));
}

TEST_CASE("csv import: detection, ambiguity and unknown headers") {
  CHECK_THAT(csv_error("id,manager_id,supervisorId\n1,,\n"),
             Catch::Contains("cannot tell which export this is") && Catch::Contains("bamboohr ('id', 'supervisorId')") &&
                 Catch::Contains("generic ('id', 'manager_id')") && Catch::Contains("--preset"));
  CHECK_THAT(csv_error("EmpNo,Boss\n1,\n"), Catch::StartsWith("x.csv:1:1: error: the header fits no preset") &&
                                                Catch::Contains("input.columns") && Catch::Contains("visio:"));
  CHECK_THAT(csv_error("id,manager_id\n1,\n", {"bamboo"}), Catch::Contains("unknown preset 'bamboo'; did you mean 'bamboohr'?"));
  CHECK_THAT(csv_error("id,name\n1,x\n", {"workday"}),
             Catch::Contains("does not fit preset 'workday': it needs id ('Employee_ID') and manager ('Manager_ID')"));
}

TEST_CASE("csv import: a column map for any other export") {
  import::testing::Options options;
  options.columns = {{"id", "Emp No"}, {"manager", "Boss No"}, {"name", "Full name"}, {"attributes", "Site"}};
  const Org org = load_csv_text("Emp No,Boss No,Full name,Site\n1,,Ann,Rome\n2,1,Bo,Oslo\n", options);
  CHECK(person(org, "2").manager_id == "1");
  CHECK(person(org, "2").name == "Bo");
  REQUIRE(person(org, "2").attributes.size() == 1);
  CHECK(person(org, "2").attributes[0].value == "Oslo");
  options.columns = {{"id", "Emp Mo"}, {"manager", "Boss No"}};
  CHECK_THAT(csv_error("Emp No,Boss No\n1,\n", options),
             Catch::Contains("maps id to column 'Emp Mo', which is not in the header; did you mean 'Emp No'?"));
  options.columns = {{"idd", "Emp No"}};
  CHECK_THAT(csv_error("Emp No,Boss No\n1,\n", options), Catch::Contains("unknown field 'idd'"));
}

TEST_CASE("csv import: rows that cannot be used are skipped with their row and column") {
  const Org org = load_csv_text(
      "id,manager_id,name,fte,vacant\n"
      "P1,,Top,1,no\n"
      "P2,P1,Too,many,fields,here\n"  // 6 fields
      ",P1,No id,1,no\n"
      "P3,P1,Short\n"
      "P4,P1,\"Bad\"quote,1,no\n"
      "P5,P1,Odd,1.5,maybe\n"
      "P1,,Again,1,no\n"
      "P6,P1,Trailing,1,no,,\n");
  REQUIRE(org.people.size() == 3);
  CHECK(org.import_log->records == 8);
  auto issue_at = [&](std::uint32_t line) -> const ImportIssue& {
    for (const ImportIssue& i : org.import_log->issues)
      if (i.where.line == line) return i;
    FAIL("no issue on line " << line);
    throw;
  };
  CHECK(issue_at(3).kind == ImportIssue::skipped_row);
  CHECK(issue_at(3).where.column == 23);  // the first field past the header's five
  CHECK_THAT(issue_at(3).message, Catch::Contains("6 fields where the header has 5"));
  CHECK(issue_at(4).where.column == 1);
  CHECK_THAT(issue_at(4).message, Catch::Contains("no id"));
  CHECK_THAT(issue_at(5).message, Catch::Contains("3 fields where the header has 5"));
  CHECK(issue_at(6).where.column == 7);
  CHECK_THAT(issue_at(6).message, Catch::Contains("(column 'name')"));
  CHECK(issue_at(8).kind == ImportIssue::duplicate_id);
  std::size_t bad_values = 0;
  for (const ImportIssue& i : org.import_log->issues)
    if (i.kind == ImportIssue::bad_value && i.where.line == 7) ++bad_values;
  CHECK(bad_values == 2);  // FTE 1.5 out of range, 'maybe' not a flag
  CHECK(person(org, "P5").fte == 1);
}

TEST_CASE("csv import: files that cannot be read at all exit 2 with a place") {
  CHECK_THAT(csv_error(""), Catch::Contains("empty file"));
  CHECK_THAT(csv_error("\xEF\xBB\xBF\n\n"), Catch::Contains("empty file"));
  CHECK_THAT(csv_error("id,manager_id\n"), Catch::Contains("x.csv:1:1: error: the file has a header but no data rows"));
  CHECK_THAT(csv_error("id,manager_id,name\nP1,,\"open\nP2,P1,x\n"),
             Catch::Contains("x.csv:2:5: error: a quoted field opens here and is never closed"));
  // Rows written with another delimiter than the header: nothing loads, and that is an error.
  CHECK_THAT(csv_error("id,manager_id,name\nP1;;Ann\nP2;P1;Bo\n"),
             Catch::Contains("none of the 2 data rows could be loaded") && Catch::Contains("line 2"));
  import::testing::Options small;
  small.max_bytes = 10;
  CHECK_THAT(csv_error("id,manager_id\nP1,\n", small), Catch::Contains("over the input size limit of 10 bytes"));
}

TEST_CASE("csv import: semicolon exports and mixed encodings") {
  const Org org = load_csv_text("id;manager_id;name\nP1;;Zo\xEB\nP2;P1;Zoë\n");
  CHECK(person(org, "P1").name == "Zoë");
  CHECK(person(org, "P2").name == "Zoë");
  REQUIRE(org.import_log->issues.size() == 1);
  CHECK(org.import_log->issues[0].kind == ImportIssue::encoding);
  CHECK(org.import_log->issues[0].where.line == 2);
  CHECK(org.import_log->issues[0].where.column == 5);
  CHECK_THAT(org.import_log->issues[0].message, Catch::Contains("0xEB") && Catch::Contains("Windows-1252"));
}

TEST_CASE("csv import: vacancy markers with stray punctuation are vacancies, not names", "[import][csv]") {
  using orgaudit::import::classify_post_name;
  using orgaudit::import::PostHolder;
  for (const char* cell : {"Vacant'", "'Vacant", "\"Vacant", "Vacant.", " VACANT, ", "Vacant;"})
    CHECK(classify_post_name(cell).holder == PostHolder::vacant);
  for (const char* cell : {"\"Eliminated\"", "Eliminated.", "ELIMINATED'", "'Post eliminated."})
    CHECK(classify_post_name(cell).holder == PostHolder::eliminated);
  for (const char* cell : {"'N/D'", "N/D.", "\"ND"})
    CHECK(classify_post_name(cell).holder == PostHolder::not_disclosed);
  // A real name keeps its punctuation; only the markers are compared without it.
  const auto named = classify_post_name("Jo O'Neil.");
  CHECK(named.holder == PostHolder::named);
  CHECK(named.name == "Jo O'Neil.");
}

TEST_CASE("csv import: UTF-16 with a byte order mark reads as the same org") {
  const std::string utf8 = "id,manager_id,name\nP1,,Zoë\nP2,P1,\"Bo, 👩‍💻\"\n";
  std::string utf16le = "\xFF\xFE";
  for (char32_t c : std::u32string(U"id,manager_id,name\nP1,,Zoë\nP2,P1,\"Bo, 👩‍💻\"\n")) {
    auto unit = [&](unsigned u) { utf16le += static_cast<char>(u & 0xFF), utf16le += static_cast<char>(u >> 8); };
    if (c >= 0x10000) {
      unit(0xD800 + ((c - 0x10000) >> 10));
      unit(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      unit(c);
    }
  }
  const Org org = load_csv_text(utf16le);
  REQUIRE(org.people.size() == 2);
  CHECK(person(org, "P1").name == "Zoë");
  CHECK(person(org, "P2").name == "Bo, 👩‍💻");
  CHECK(person(org, "P2").manager_where.line == 3);
  CHECK(person(org, "P2").manager_where.column == 4);
  CHECK(org.import_log->issues.empty());
  CHECK(load_csv_text(utf8).people.size() == 2);
  // Without its byte order mark the NULs would be read as text: refused, with what to do.
  CHECK_THAT(csv_error(utf16le.substr(2)), Catch::Contains("x.csv:1:1: error: the file looks like UTF-16 without a byte order mark"));
}

TEST_CASE("csv import: Excel's sep= line names the delimiter, and rows keep their lines") {
  const Org org = load_csv_text("sep=;\r\nid;manager_id;name;fte\r\nP1;;Ann, Lee;1\r\nP2;P1;Bo;2\r\n");
  REQUIRE(org.people.size() == 2);
  CHECK(person(org, "P1").name == "Ann, Lee");  // the commas are text: ';' is the delimiter
  CHECK(person(org, "P2").where.line == 4);
  REQUIRE(org.import_log->issues.size() == 1);  // FTE 2, at its row and column, naming the column
  CHECK(org.import_log->issues[0].where.line == 4);
  CHECK(org.import_log->issues[0].where.column == 10);
  CHECK_THAT(org.import_log->issues[0].message, Catch::Contains("in 'fte'"));
}

TEST_CASE("csv import: the column of a field after quoted and non-ASCII fields is its character column") {
  // The issue's example: `P3,P9,Cy`, the manager field starts at column 4, not field 2.
  const Org org = load_csv_text("id,manager_id,name,fte\nP3,P9,Cy,1\n\"P4\",\"Zoë, \"\"Z\"\"\",Éa,x\n");
  CHECK(person(org, "P3").manager_where.column == 4);
  REQUIRE(org.import_log->issues.size() == 1);
  CHECK(org.import_log->issues[0].where.line == 3);
  CHECK(org.import_log->issues[0].where.column == 22);  // fte 'x', after two quoted fields and 'Éa'
}

TEST_CASE("csv import: a value over the field size limit refuses the file at the value") {
  import::testing::Options small;
  small.limits.max_field_bytes = 8;
  CHECK(csv_error("id,name,manager_id\nP1,Ann,\nP2,Bartholomew,P1\n", small) ==
        "x.csv:3:4: error: a value of 11 bytes (column 'name'), over the field size limit of 8 bytes "
        "(raise it with --max-field-size or input.max-field-size)");
  CHECK(load_csv_text("id,name,manager_id\nP1,Ann,\nP2,Barthold,P1\n", small).people.size() == 2);  // 8 bytes fit
}

TEST_CASE("csv import: more rows than the record limit refuse the file at the first row past it") {
  import::testing::Options two;
  two.limits.max_records = 2;
  CHECK(csv_error("id,name,manager_id\nP1,A,\nP2,B,P1\nP3,C,P1\n", two) ==
        "x.csv:4:1: error: more than 2 rows, the record limit of one input "
        "(raise it with --max-records or input.max-records)");
  CHECK(load_csv_text("id,name,manager_id\nP1,A,\n\nP2,B,P1\n", two).people.size() == 2);  // blank lines are not records
  // A row skipped for its shape is a record too: it cost the reading all the same.
  CHECK_THAT(csv_error("id,name,manager_id\nP1,A,\nP2,B\nP3,C,P1\n", two), Catch::StartsWith("x.csv:4:1: error: more than 2 rows"));
}

namespace {

// An export of `rows` people with every kind of row in it, over and over: quoted
// names over several lines (their records span lines), doubled
// quotes (a field the reader copies), bytes that are not UTF-8 (fields the decoder repairs), rows
// with the wrong field count and text after a closing quote (skips), duplicate ids, bad values and
// blank lines (issues and rows between them).
std::string mixed_export(int rows) {
  std::string text = "id,manager_id,name,title,unit,fte,contractor,location\n";
  for (int i = 1; i <= rows; ++i) {
    const std::string id = "P" + std::to_string(i);
    const std::string manager = i == 1 ? "" : "P" + std::to_string(i / 4 + 1);
    std::string name = "Name " + std::to_string(i);
    if (i % 17 == 0) name = "\"Multi\nline\r\n" + std::to_string(i) + "\"";
    if (i % 23 == 0) name = "\"Say \"\"hi\"\" " + std::to_string(i) + "\"";
    if (i % 29 == 0) name = "Caf\xE9 " + std::to_string(i);
    const std::string fte = i % 31 == 0 ? "lots" : i % 37 == 0 ? "1.5" : "1";
    const std::string unit = "U" + std::to_string(i / 9);
    if (i % 41 == 0) {
      text += id + "," + manager + "," + name + ",Lead\n";  // too few fields
    } else if (i % 43 == 0) {
      text += id + "," + manager + ",\"Bad\"quote,Lead," + unit + ",1,no,Leeds\n";
    } else {
      const std::string row_id = i % 47 == 0 ? "P" + std::to_string(i - 1) : id;  // a duplicate
      text += row_id + "," + manager + "," + name + ",\"Title,\n" + std::to_string(i % 5) + "\"," + unit + "," + fte + "," +
              (i % 53 == 0 ? "maybe" : "no") + ",Leeds\n";
    }
    if (i % 59 == 0) text += "\n,,,,,,,\n";
  }
  return text;
}

}  // namespace

TEST_CASE("csv import: an export with every kind of row reads each as planted") {
  const Org a = load_csv_text(mixed_export(3000));
  // Multi-line records push later rows down; every kind of issue is there.
  const Person& p18 = person(a, "P18");
  CHECK(p18.where.line > 18 * 2);
  CHECK(person(a, "P17").name == "Multi\nline\r\n17");
  CHECK(person(a, "P23").name == "Say \"hi\" 23");
  CHECK(person(a, "P29").name == "Caf\xC3\xA9 29");
  std::size_t kinds[4] = {};
  for (const ImportIssue& issue : a.import_log->issues) ++kinds[issue.kind];
  CHECK(kinds[ImportIssue::skipped_row] > 50);
  CHECK(kinds[ImportIssue::duplicate_id] > 50);
  CHECK(kinds[ImportIssue::bad_value] > 100);
  CHECK(kinds[ImportIssue::encoding] == 1);
}
