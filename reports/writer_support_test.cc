// The helpers every structured writer relies on for safe text and consistent failures.
#include <catch2/catch.hpp>

#include "writer_support.h"
#include "xml_support.h"

using namespace orgaudit;

TEST_CASE("xml_safe keeps valid text and replaces what XML 1.0 cannot carry") {
  CHECK(xml_safe("Zoë <b>&\"'\n\t\r 🚀 مريم") == "Zoë <b>&\"'\n\t\r 🚀 مريم");  // markup is pugixml's job
  CHECK(xml_safe(std::string("a\0b", 3)) == "a\xEF\xBF\xBD" "b");
  CHECK(xml_safe("esc\x1b[31m") == "esc\xEF\xBF\xBD[31m");
  CHECK(xml_safe("bad \xC3 byte") == "bad \xEF\xBF\xBD byte");       // truncated sequence
  CHECK(xml_safe("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");          // overlong '/'
  CHECK(xml_safe("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a UTF-16 surrogate
  CHECK(xml_safe("\xEF\xBF\xBF") == "\xEF\xBF\xBD");                  // U+FFFF
  CHECK(xml_safe("") == "");
}

TEST_CASE("path_to_uri percent-encodes and marks absolute paths as file URIs") {
  CHECK(path_to_uri("samples/traditional/org.yaml") == "samples/traditional/org.yaml");
  CHECK(path_to_uri("my org/#1 50%.yaml") == "my%20org/%231%2050%25.yaml");
  CHECK(path_to_uri("/home/zoë/org.yaml") == "file:///home/zo%C3%AB/org.yaml");
}

TEST_CASE("format_number writes plain decimals without an exponent") {
  CHECK(format_number(100) == "100");
  CHECK(format_number(97.6190476190) == "97.619048");
  CHECK(format_number(0.5) == "0.5");
  CHECK(format_number(0.00001) == "0.00001");
  CHECK(format_number(0.0000001) == "0");
}

TEST_CASE("fails_run follows --fail-on, suppressions, the baseline and never") {
  Finding f;
  f.severity = Severity::warning;
  WriteOptions options;
  CHECK_FALSE(fails_run(f, options));  // default threshold: error
  options.fail_on = Severity::warning;
  CHECK(fails_run(f, options));
  CHECK(std::string(finding_status(f)) == "open");
  f.baseline = BaselineState::unchanged;
  CHECK_FALSE(fails_run(f, options));
  CHECK(std::string(finding_status(f)) == "unchanged");
  f.baseline = BaselineState::new_finding;
  f.suppression = FindingSuppression{"inline", "interim", {}};
  CHECK_FALSE(fails_run(f, options));
  CHECK(std::string(finding_status(f)) == "suppressed");
  f.suppression.reset();
  options.never_fail = true;
  CHECK_FALSE(fails_run(f, options));
}

TEST_CASE("serialised XML carries DEL, C1 and bidirectional controls as character references") {
  pugi::xml_document document;
  pugi::xml_node root = document.append_child("r");
  set_attribute(root, "name", "rlo \xE2\x80\xAE del \x7f");
  append_text(root, "t", "nel \xC2\x85 lri \xE2\x81\xA6 esc \x1b zoë 👩‍💻");
  const std::string xml = serialize(document);
  CHECK_THAT(xml, Catch::Contains("name=\"rlo &#x202E; del &#x7F;\""));
  CHECK_THAT(xml, Catch::Contains("<t>nel &#x85; lri &#x2066; esc \xEF\xBF\xBD zoë 👩‍💻</t>"));
}
