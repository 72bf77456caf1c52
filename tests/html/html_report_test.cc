// The HTML report, in-process: self-contained (nothing fetched), every section present, units ranked,
// findings grouped by rule, untrusted names escaped; and the rule pages' Markdown it quotes.
#include <catch2/catch.hpp>

#include <regex>

#include "html/html_escape.h"
#include "html/rule_docs.h"
#include "maps/map_test_org.h"
#include "report.h"

using namespace orgaudit;
using orgaudit::testing::TestOrg;

namespace {

std::string report_of(TestOrg& t) { return write_html(t.input(), WriteOptions{}); }

TestOrg& sample(TestOrg& t) {
  t.unit("U0", "Company").unit("UA", "Eve <script>alert(1)</script>", "U0").unit("UB", "Quiet", "U0");
  t.person("CEO", "Chief", "", "U0").person("A", "Anna \"A\" & Co", "CEO", "UA").person("B", "Ben", "CEO", "UB");
  t.team("a", 3, "A", "UA").team("b", 3, "B", "UB");
  t.finding("A", Severity::error, "'Anna \"A\" & Co' manages <b>badly</b>", {}, "rule-z");
  t.finding("a1", Severity::warning, "a warning", {}, "rule-a").finding("a2", Severity::warning, "another", {}, "rule-a");
  return t;
}

}  // namespace

TEST_CASE("html report: one self-contained page that fetches nothing", "[html]") {
  TestOrg t;
  const std::string page = report_of(sample(t));
  CHECK_THAT(page, Catch::StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(page, Catch::Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
  CHECK_THAT(page, Catch::Contains("<style>") && Catch::Contains("@media print"));
  for (const char* fetch : {"src=", "<link", "url(", "@import", "https://", "<iframe"}) CHECK_THAT(page, !Catch::Contains(fetch));
  // The only http:// strings are SVG's namespace names, which are identifiers, not fetches.
  std::string rest = std::regex_replace(page, std::regex("http://www\\.w3\\.org/(2000/svg|1999/xlink)"), "");
  CHECK_THAT(rest, !Catch::Contains("http://"));
  CHECK_THAT(page, !Catch::Contains("<?xml") && !Catch::Contains("<!DOCTYPE svg"));
  for (const char* section : {"id=\"scores\"", "id=\"dimensions\"", "id=\"units\"", "id=\"map\"", "id=\"findings\""})
    CHECK_THAT(page, Catch::Contains(section));
  CHECK_THAT(page, Catch::Contains("data-ready"));  // the script marks the page for the Chromium test
}

TEST_CASE("html report: untrusted names are text, never markup", "[html]") {
  TestOrg t;
  const std::string page = report_of(sample(t));
  CHECK_THAT(page, Catch::Contains("Eve &lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_THAT(page, Catch::Contains("&#39;Anna &quot;A&quot; &amp; Co&#39; manages &lt;b&gt;badly&lt;/b&gt;"));
  CHECK_THAT(page, !Catch::Contains("<script>alert") && !Catch::Contains("<b>badly"));
  // Exactly one script element: the report's own.
  std::size_t scripts = 0;
  for (auto at = page.find("<script"); at != std::string::npos; at = page.find("<script", at + 1)) ++scripts;
  CHECK(scripts == 1);
}

TEST_CASE("html report: scores, units ranked lowest first, findings grouped worst rule first", "[html]") {
  TestOrg t;
  const std::string page = report_of(sample(t));
  CHECK_THAT(page, Catch::Contains("<span data-org-score>"));
  CHECK_THAT(page, Catch::Contains("<span class=\"dim-name\">Flatness</span>"));
  CHECK_THAT(page, Catch::Contains("table class=\"sortable\" id=\"unit-table\""));
  // UA (the flagged unit) ranks above the clean UB.
  const auto ua = page.find("Eve &lt;script&gt;alert(1)&lt;/script&gt; <span class=\"id\">UA</span>");
  const auto ub = page.find("Quiet <span class=\"id\">UB</span>");
  REQUIRE(ua != std::string::npos);
  REQUIRE(ub != std::string::npos);
  CHECK(ua < ub);
  // rule-z has the error, so it comes before rule-a with more findings.
  const auto z = page.find("id=\"rule-rule-z\""), a = page.find("id=\"rule-rule-a\"");
  REQUIRE(z != std::string::npos);
  REQUIRE(a != std::string::npos);
  CHECK(z < a);
  CHECK_THAT(page, Catch::Contains("2 findings"));
}

TEST_CASE("html report: a map that cannot be drawn leaves a note, not a broken report", "[html]") {
  TestOrg t;
  // 700 people and no units: too many for the embedded person-level map, and no units to draw.
  t.person("R", "Root");
  for (int i = 0; i < 700; ++i) t.person("p" + std::to_string(i), "P", "R");
  const std::string page = report_of(t);
  CHECK_THAT(page, Catch::Contains("The map could not be drawn: a person-level map of 701 people"));
  CHECK_THAT(page, Catch::Contains("</html>"));
}

TEST_CASE("html rule docs: sections of a rule page as HTML", "[html]") {
  const std::string page =
      "# rule\n\n## Why\n\nLayers slow **decisions** down (see [the catalogue](../x.md)).\nSecond line \u2014 Zo\u00eb.\n\n"
      "- one `code`\n- two <b>\n  continued\n\n## How to fix\n\n```\nkeep <this>\n```\n\n## Options\n\nignored\n";
  CHECK(html::doc_section_html(page, "Why") ==
        "<p>Layers slow <strong>decisions</strong> down (see the catalogue). Second line \u2014 Zo\u00eb.</p>\n"
        "<ul>\n<li>one <code>code</code></li>\n<li>two &lt;b&gt; continued</li>\n</ul>\n");
  CHECK(html::doc_section_html(page, "How to fix") == "<pre>keep &lt;this&gt;\n</pre>\n");
  CHECK(html::doc_section_html(page, "Missing").empty());
  CHECK(html::anchor("structure-span_of Control!") == "structure-span-of-control-");
}
