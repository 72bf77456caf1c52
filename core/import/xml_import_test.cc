// The XML importer: hr-xml, generic-xml mappings, and untrusted input (bombs, depth, size).
#include "import/xml_import.h"

#include <catch2/catch.hpp>

#include "org_builder.h"

#include "import_test_support.h"
#include "model/import_log.h"

using namespace orgaudit;
using orgaudit::import::testing::Options;
using orgaudit::import::testing::person;

namespace {

Org load_xml_text(const std::string& text, const Options& o = {}, unsigned max_depth = 256) {
  MemoryFileSystem files;
  files.add("x.xml", text);
  Org org;
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  LoadOptions options = import::testing::load_options(o);
  options.max_xml_depth = max_depth;
  import::load_xml(files, "x.xml", options, org, warnings, progress, o.second_thread);
  return org;
}

std::string xml_error(const std::string& text, const Options& o = {}, unsigned max_depth = 256) {
  try {
    load_xml_text(text, o, max_depth);
  } catch (const InputError& e) {
    return e.diagnostic().format("error");
  }
  return "";
}

const char* kHrXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<OrganizationChart>
  <OrganizationUnit>
    <OrganizationUnitID>U-HQ</OrganizationUnitID>
    <OrganizationUnitName>Head office</OrganizationUnitName>
    <MemberPosition>
      <PositionID>POS-1</PositionID>
      <PositionTitle>Chief Executive</PositionTitle>
      <PositionIncumbent><PersonID>E-1</PersonID><PersonName><FormattedName>Ann &amp; Co</FormattedName></PersonName></PositionIncumbent>
    </MemberPosition>
  </OrganizationUnit>
  <OrganizationUnit>
    <OrganizationUnitID>U-ENG</OrganizationUnitID>
    <ParentOrganizationUnit><OrganizationUnitID>U-HQ</OrganizationUnitID></ParentOrganizationUnit>
    <MemberPosition>
      <PositionID>POS-2</PositionID>
      <PositionIncumbent><PersonID>E-2</PersonID><PersonName><GivenName>Bo</GivenName><FamilyName>Li</FamilyName></PersonName></PositionIncumbent>
      <ReportsToPosition><PositionID>POS-1</PositionID><RelationshipTypeCode>Primary</RelationshipTypeCode></ReportsToPosition>
      <IndicativeDeployment><FullTimeEquivalentRatio>0.5</FullTimeEquivalentRatio></IndicativeDeployment>
    </MemberPosition>
    <MemberPosition>
      <PositionID>POS-3</PositionID>
      <ReportsToPerson><PersonID>E-2</PersonID></ReportsToPerson>
      <ReportsToPosition><PositionID>POS-1</PositionID><RelationshipTypeCode>secondary</RelationshipTypeCode></ReportsToPosition>
    </MemberPosition>
    <MemberPosition>
      <PositionTitle>No id here</PositionTitle>
    </MemberPosition>
  </OrganizationUnit>
</OrganizationChart>
)";

}  // namespace

TEST_CASE("xml import: hr-xml positions, units, primary and dotted lines") {
  const Org org = load_xml_text(kHrXml);
  REQUIRE(org.people.size() == 3);
  CHECK(person(org, "POS-1").name == "Ann & Co");
  CHECK(person(org, "POS-1").unit_id == "U-HQ");
  CHECK(person(org, "POS-1").where.line == 6);
  const Person& two = person(org, "POS-2");
  CHECK(two.name == "Bo Li");
  CHECK(two.manager_id == "POS-1");
  CHECK(two.fte == 0.5);
  CHECK(two.manager_where.line == 18);
  CHECK_FALSE(two.has(kVacant));
  const Person& three = person(org, "POS-3");
  CHECK(three.has(kVacant));                 // no incumbent
  CHECK(three.manager_id == "POS-2");         // ReportsToPerson E-2 holds POS-2
  CHECK(testing::strings(three.dotted_ids) == std::vector<std::string>{"POS-1"});
  REQUIRE(org.units.size() == 2);
  CHECK(org.units[1].parent_id == "U-HQ");
  CHECK(org.units[0].name == "Head office");
  REQUIRE(org.import_log->issues.size() == 1);
  CHECK(org.import_log->issues[0].kind == ImportIssue::skipped_row);
  CHECK(org.import_log->issues[0].where.line == 26);
  CHECK_THAT(org.import_log->issues[0].message, Catch::Contains("no id") && Catch::Contains("(//MemberPosition)[4]"));
}

TEST_CASE("xml import: generic-xml mapped by XPath in the config") {
  Options o;
  o.columns = {{"person", "/Export/Staff/Employee"}, {"id", "@id"}, {"manager", "Manager/@ref"},
               {"name", "Name"}, {"unit", "@dept"}, {"contractor", "@temp"}, {"attributes", "@site, Cost"}};
  const Org org = load_xml_text(
      "<Export><Staff>\n"
      "<Employee id='1' dept='D1' site='Rome'><Name>Ann</Name></Employee>\n"
      "<Employee id='2' dept='D1' temp='yes'><Name>Bo</Name><Manager ref='1'/><Cost>CC-9</Cost></Employee>\n"
      "</Staff></Export>\n", o);
  REQUIRE(org.people.size() == 2);
  CHECK(person(org, "2").manager_id == "1");
  CHECK(person(org, "2").has(kContractor));
  CHECK(person(org, "2").manager_where.line == 3);
  REQUIRE(person(org, "1").attributes.size() == 1);
  CHECK(person(org, "1").attributes[0].key == "site");
  CHECK(person(org, "2").attributes[0].key == "Cost");
  REQUIRE(org.units.size() == 1);
  CHECK(org.units[0].implied);
}

TEST_CASE("xml import: streamed records read by XPath see every text of an element") {
  // `//Employee` is streamed; the XPath fields read text nodes (pugixml keeps them as nodes then).
  Options o;
  o.columns = {{"person", "//Employee"}, {"id", "@id"}, {"name", "Name[1]"}, {"title", "concat(Title, '!')"}, {"grade", "Grade"}};
  const Org org = load_xml_text("<Staff><Employee id='1'><Name>A<i>n</i>n</Name><Title>Boss</Title><Grade>G7</Grade></Employee></Staff>", o);
  REQUIRE(org.people.size() == 1);
  CHECK(org.people[0].name == "Ann");
  CHECK(org.people[0].title == "Boss!");
  CHECK(org.people[0].grade == "G7");
}

TEST_CASE("xml import: mappings that cannot work are errors") {
  CHECK_THAT(xml_error("<Staff><E/></Staff>"), Catch::Contains("cannot tell how to read this XML (root element <Staff>)"));
  Options no_id;
  no_id.columns = {{"person", "//E"}};
  CHECK_THAT(xml_error("<Staff><E/></Staff>", no_id), Catch::Contains("needs input.columns.id"));
  Options bad_path;
  bad_path.columns = {{"person", "//E"}, {"id", "@id"}, {"manager", "Boss/@"}};
  CHECK_THAT(xml_error("<Staff><E id='1'/></Staff>", bad_path), Catch::Contains("input.columns.manager: 'Boss/@' is not a valid XPath"));
  Options nothing;
  nothing.columns = {{"person", "//Employee"}, {"id", "@id"}};
  CHECK_THAT(xml_error("<Staff><E id='1'/></Staff>", nothing), Catch::Contains("selects no element under the root <Staff>"));
  CHECK_THAT(xml_error("<Staff><E id='1'/></Staff>", {"hr-xm"}), Catch::Contains("did you mean 'hr-xml'"));
}

TEST_CASE("xml import: untrusted documents") {
  const std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
      " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n<OrganizationChart>&lol2;</OrganizationChart>\n";
  CHECK_THAT(xml_error(laughs), Catch::StartsWith("x.xml:3:2: error: the DOCTYPE declares entities"));
  CHECK_THAT(xml_error("<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><OrganizationChart>&xxe;</OrganizationChart>"),
             Catch::Contains("declares entities"));
  // A DOCTYPE without declarations is only ignored.
  CHECK(xml_error(std::string("<!DOCTYPE OrganizationChart SYSTEM \"hr.dtd\">") + (kHrXml + 39)).empty());
  std::string deep = "<OrganizationChart>";
  for (int i = 0; i < 40; ++i) deep += "<a>";
  for (int i = 0; i < 40; ++i) deep += "</a>";
  deep += "</OrganizationChart>";
  CHECK_THAT(xml_error(deep, {}, 16), Catch::Contains("x.xml:1:") && Catch::Contains("nested more than 16 deep"));
  CHECK_THAT(xml_error("<OrganizationChart><MemberPosition>\n<PositionID>1</PositionID></Member>"),
             Catch::StartsWith("x.xml:2:") && Catch::Contains("malformed XML"));
  CHECK_THAT(xml_error(""), Catch::Contains("error"));
  Options small;
  small.max_bytes = 64;
  CHECK_THAT(xml_error(kHrXml, small), Catch::Contains("over the input size limit of 64 bytes"));
  CHECK_THAT(xml_error("\xFF\xFE<\0x\0/\0>\0"), Catch::Contains("UTF-16"));
}

TEST_CASE("xml import: an element past the record limit and a value over the field size limit refuse the file") {
  const std::string positions = R"(<OrganizationChart><OrganizationUnit><OrganizationUnitID>U</OrganizationUnitID>
<MemberPosition><PositionID>Bartholomew</PositionID><PositionIncumbent><PersonID>P1</PersonID></PositionIncumbent></MemberPosition>
<MemberPosition><PositionID>S2</PositionID><PositionIncumbent><PersonID>P2</PersonID></PositionIncumbent></MemberPosition>
</OrganizationUnit></OrganizationChart>)";
  Options one;
  one.limits.max_records = 1;
  CHECK_THAT(xml_error(positions, one), Catch::StartsWith("x.xml:3:2: error: more than 1 elements, the record limit of one input"));
  Options small;
  small.limits.max_field_bytes = 8;
  CHECK(xml_error(positions, small) == "x.xml:2:2: error: a value of 11 bytes (path 'PositionID'), over the field size limit "
                                      "of 8 bytes (raise it with --max-field-size or input.max-field-size)");
}

TEST_CASE("xml import: columns count characters, not bytes, in the document and in streamed records") {
  // 'Zoë' and the emoji are 1 character each but 2 and 4 bytes: the FTE that cannot be read
  // starts at character 93 of its line (byte 97). HR-XML positions are streamed record by record.
  const std::string text =
      "<OrganizationChart><OrganizationUnit><OrganizationUnitID>U</OrganizationUnitID>\n"
      "<MemberPosition><PositionID>Zo\xC3\xAB\xF0\x9F\x98\x80</PositionID><IndicativeDeployment>"
      "<FullTimeEquivalentRatio>lots</FullTimeEquivalentRatio></IndicativeDeployment></MemberPosition>\n"
      "</OrganizationUnit></OrganizationChart>\n";
  const Org org = load_xml_text(text);
  REQUIRE(org.import_log->issues.size() == 1);
  CHECK(org.import_log->issues[0].kind == ImportIssue::bad_value);
  CHECK(org.import_log->issues[0].where.line == 2);
  CHECK(org.import_log->issues[0].where.column == 93);

  // A mapping that looks outside the record (`..`) reads the whole document into pugixml's DOM.
  Options o;
  o.columns = {{"person", "/Export/Staff/Employee"}, {"id", "@id"}, {"fte", "../@fte"}};
  const Org dom = load_xml_text("<Export note='Zo\xC3\xAB\xF0\x9F\x98\x80'><Staff fte='lots'>\n<Employee id='1'/>\n</Staff></Export>\n", o);
  REQUIRE(dom.import_log->issues.size() == 1);
  CHECK(dom.import_log->issues[0].where.line == 1);
  CHECK(dom.import_log->issues[0].where.column == 33);  // the value 'lots': character 33, byte 37
}

namespace {

// An HR-XML export of `units` units of 12 positions, several of pugixml's 4 MB batches long, with
// what a batch boundary must not disturb: issues (an FTE that is no number, a duplicate position,
// a position without id), a unit's positions counted from its own start, multi-byte names.
std::string large_hr_xml(int units) {
  std::string text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OrganizationChart>\n";
  int position = 0;
  for (int u = 0; u < units; ++u) {
    text += "  <OrganizationUnit>\n    <OrganizationUnitID>U" + std::to_string(u) + "</OrganizationUnitID>\n";
    if (u > 0) text += "    <ParentOrganizationUnit><OrganizationUnitID>U" + std::to_string(u / 3) + "</OrganizationUnitID></ParentOrganizationUnit>\n";
    for (int p = 0; p < 12; ++p, ++position) {
      const std::string id = position % 97 == 5 ? "P" + std::to_string(position - 1) : "P" + std::to_string(position);
      text += "    <MemberPosition>\n";
      if (position % 101 != 7) text += "      <PositionID>" + id + "</PositionID>\n";
      text += "      <PositionTitle>Zo\xC3\xAB " + std::to_string(p) + "</PositionTitle>\n";
      text += "      <PositionIncumbent><PersonName><FormattedName>Person " + std::to_string(position) +
              "</FormattedName></PersonName></PositionIncumbent>\n";
      if (position > 0)
        text += "      <ReportsToPosition><PositionID>P" + std::to_string(position / 5) + "</PositionID></ReportsToPosition>\n";
      text += "      <IndicativeDeployment><FullTimeEquivalentRatio>" + std::string(position % 89 == 3 ? "lots" : "1") +
              "</FullTimeEquivalentRatio></IndicativeDeployment>\n    </MemberPosition>\n";
    }
    text += "  </OrganizationUnit>\n";
  }
  return text + "</OrganizationChart>\n";
}

}  // namespace

TEST_CASE("xml import: records parsed on a second thread give the same org, issues and places", "[threads]") {
  const std::string text = large_hr_xml(2500);  // about 12 MB: three batches and more
  REQUIRE(text.size() > 3 * (4u << 20));
  Options one, two;
  one.second_thread = detail::Split::one_thread;
  two.second_thread = detail::Split::two_threads;
  one.max_bytes = two.max_bytes = 64u << 20;
  const Org a = load_xml_text(text, one);
  const Org b = load_xml_text(text, two);
  REQUIRE(a.people.size() > 29000);
  REQUIRE(a.import_log->issues.size() > 300);
  import::testing::check_same_import(a, b);
}

TEST_CASE("xml import: with records parsed on a second thread, errors come at the same line and column") {
  std::string text = large_hr_xml(2500);
  Options one, two;
  one.second_thread = detail::Split::one_thread;
  two.second_thread = detail::Split::two_threads;
  one.max_bytes = two.max_bytes = 64u << 20;
  SECTION("the record limit, in the second batch") { one.limits.max_records = two.limits.max_records = 15000; }
  SECTION("malformed XML that pugixml finds in the second batch, before an element never closed") {
    text.insert(text.find("<PositionID>P14000<"), "<Bad attr=x/>");
    text.insert(text.rfind("</OrganizationChart>"), "<OrganizationUnit>");
  }
  SECTION("an element the scanner finds never closed, at the end") {
    text.insert(text.rfind("</OrganizationChart>"), "<OrganizationUnit>");
  }
  SECTION("malformed XML in the batch being filled when the scanner finds an element never closed") {
    text.insert(text.rfind("<MemberPosition>"), "<Bad attr=x/>");  // the scanner's error comes first
    text.insert(text.rfind("</OrganizationChart>"), "<OrganizationUnit>");
  }
  const std::string error = xml_error(text, one);
  CHECK_FALSE(error.empty());
  CHECK(xml_error(text, two) == error);
}

TEST_CASE("xml import: streamed records are placed as the whole-document parse places them") {
  // What the streamed batches' line and character lists must get right: records on one line and
  // several to a line, fields on a record's first line and on later ones, multi-byte characters
  // before them, CRLF line ends, comments between records, issues (an FTE that is no number).
  std::string text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OrganizationChart><!-- \xC3\xA9\n -->";
  for (int u = 0; u < 40; ++u) {
    const std::string end = u % 3 == 1 ? "\r\n" : u % 3 == 2 ? "" : "\n";
    text += "<OrganizationUnit><OrganizationUnitID>U\xC3\xAB" + std::to_string(u) + "</OrganizationUnitID>" + end;
    if (u > 0) text += "  <ParentOrganizationUnit><OrganizationUnitID>U\xC3\xAB" + std::to_string(u / 2) + "</OrganizationUnitID></ParentOrganizationUnit>" + end;
    for (int p = 0; p < 3; ++p) {
      const std::string id = std::to_string(u * 3 + p);
      text += "<MemberPosition><PositionID>P" + id + "</PositionID><PositionTitle>Zo\xC3\xAB\xF0\x9F\x98\x80</PositionTitle>" + end +
              "<ReportsToPosition><PositionID>P" + std::to_string((u * 3 + p) / 4) + "</PositionID></ReportsToPosition>" +
              "<IndicativeDeployment><FullTimeEquivalentRatio>" + (p == 1 ? "lots" : "1") +
              "</FullTimeEquivalentRatio></IndicativeDeployment></MemberPosition>" + (p == 2 ? "" : end);
    }
    text += "</OrganizationUnit>" + std::string(u % 4 == 0 ? " <!-- \xE2\x82\xAC -->" : "") + end;
  }
  text += "</OrganizationChart>\n";
  Options streamed, whole;
  whole.columns = {{"attributes", "/OrganizationChart/@none"}};  // a path outside the records: the whole-document parse
  for (Options* o : {&streamed, &whole}) o->second_thread = detail::Split::one_thread;
  const Org a = load_xml_text(text, streamed);
  const Org b = load_xml_text(text, whole);
  REQUIRE(a.people.size() == 120);
  REQUIRE(b.people.size() == a.people.size());
  for (std::size_t i = 0; i < a.people.size(); ++i) {
    INFO("person " << a.people[i].id);
    CHECK(a.people[i].where == b.people[i].where);
    CHECK(a.people[i].manager_where == b.people[i].manager_where);
  }
  REQUIRE(b.units.size() == a.units.size());
  for (std::size_t i = 0; i < a.units.size(); ++i) {
    INFO("unit " << a.units[i].id);
    CHECK(a.units[i].where == b.units[i].where);
    CHECK(a.units[i].parent_where == b.units[i].parent_where);
  }
  REQUIRE(a.import_log->issues.size() == 40);
  REQUIRE(b.import_log->issues.size() == a.import_log->issues.size());
  for (std::size_t i = 0; i < a.import_log->issues.size(); ++i) CHECK(a.import_log->issues[i].where == b.import_log->issues[i].where);
  CHECK(a.people[7].manager_where.column > 100);  // after multi-byte characters on a line of several records
}

TEST_CASE("xml import: the record scanner reads odd tags as whole tags, with the same errors") {
  // Tags read in one pass (a name and '>' or "/>") and the rest (spaces before '>', quotes in a
  // name, attributes holding '>') must cut the same records and fail at the same places.
  auto in_unit = [](const std::string& positions) {
    return "<OrganizationChart>\n<OrganizationUnit><OrganizationUnitID>U1</OrganizationUnitID>\n"
           "<MemberPosition><PositionID>P1</PositionID></MemberPosition>\n" + positions + "\n</OrganizationUnit>\n</OrganizationChart>\n";
  };
  for (const char* fine : {"<MemberPosition><PositionID>P2</PositionID ></MemberPosition>",
                           "<MemberPosition><PositionID>P2</PositionID\t></MemberPosition>",
                           "<MemberPosition a='x>y'><PositionID>P2</PositionID><X b=\"1>2\"/><Y/></MemberPosition>"}) {
    INFO(fine);
    CHECK(load_xml_text(in_unit(fine)).people.size() == 2);
  }
  CHECK(xml_error(in_unit("<MemberPosition><PositionID>P2</PositionIDX></MemberPosition>")) ==
        "x.xml:4:31: error: malformed XML: end tag </PositionIDX> does not match <PositionID>");
  CHECK(xml_error(in_unit("<MemberPosition><PositionID>P2</Position></MemberPosition>")) ==
        "x.xml:4:31: error: malformed XML: end tag </Position> does not match <PositionID>");
  CHECK(xml_error(in_unit("<MemberPosition><Position\"ID>P2</Position\"ID></MemberPosition>")) ==
        "x.xml:4:46: error: malformed XML: end tag </MemberPosition> does not match <Position\"ID>");
  CHECK(xml_error(in_unit("<MemberPosition><Position\"ID>P2</PositionID></MemberPosition>")) ==
        "x.xml:4:17: error: malformed XML: a tag opens here and never closes");
  CHECK(xml_error(in_unit("<MemberPosition><PositionID>P2</PositionID><Y / ></MemberPosition>")) ==
        "x.xml:4:50: error: malformed XML: end tag </MemberPosition> does not match <Y>");
  CHECK(xml_error(in_unit("<MemberPosition><PositionID>P2</PositionID")) ==
        "x.xml:6:1: error: malformed XML: end tag </OrganizationChart> does not match <MemberPosition>");
}

TEST_CASE("xml import: values that are not UTF-8 are read as Windows-1252, streamed or not") {
  // The file is checked once, when the first element is read (streamed: on the people's thread).
  const std::string text =
      "<OrganizationChart>\n<OrganizationUnit><OrganizationUnitID>U</OrganizationUnitID>\n"
      "<MemberPosition><PositionID>P1</PositionID><PositionTitle>Caf\xE9</PositionTitle></MemberPosition>\n"
      "</OrganizationUnit></OrganizationChart>\n";
  Options streamed, whole;
  streamed.second_thread = detail::Split::two_threads;
  whole.columns = {{"attributes", "/OrganizationChart/@none"}};  // a path outside the records: the whole-document parse
  for (const Options* o : {&streamed, &whole}) {
    const Org org = load_xml_text(text, *o);
    REQUIRE(org.people.size() == 1);
    CHECK(org.people[0].title == "Caf\xC3\xA9");
    REQUIRE(org.import_log->issues.size() == 1);
    CHECK(org.import_log->issues[0].kind == ImportIssue::encoding);
    CHECK(org.import_log->issues[0].where.line == 3);
    CHECK(org.import_log->issues[0].where.column == 59);
  }
}
