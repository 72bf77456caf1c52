// The libyaml event layer on its own: which events a sink sees, with which marks, and the refusals
// it makes before any sink does, each at its exact line:col.
#include "loader/yaml_events.h"

#include <sstream>

#include <catch2/catch.hpp>

using namespace orgaudit;
using namespace orgaudit::yaml;

namespace {

// One line per event: "kind line:col [value]", 1-based as reported.
class Recorder final : public EventSink {
 public:
  std::string log;

  void document_start(const Mark& mark) override { add("doc", mark); }
  void document_end() override { log += "/doc\n"; }
  void null(const Mark& mark) override { add("null", mark); }
  void scalar(const Mark& mark, std::string_view value) override { add("scalar", mark, value); }
  void start(Node::Kind kind, const Mark& mark) override { add(kind == Node::mapping ? "map" : "seq", mark); }
  void end() override { log += "end\n"; }

 private:
  void add(const char* what, const Mark& mark, std::string_view value = {}) {
    log += std::string(what) + " " + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
    if (!value.empty()) log += " " + std::string(value);
    log += "\n";
  }
};

// The events of `text`, or the error they stop with.
std::string events_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<Diagnostic> warnings;
  Source source("t.yaml", 0, warnings);
  Recorder recorder;
  try {
    const bool document = read_events(in, source, recorder, [&](std::uint64_t offset) {
      std::istringstream again(text);
      return locate_byte(again, offset);
    });
    if (!document) return "no document";
  } catch (const InputError& e) {
    return e.what();
  }
  return recorder.log;
}

std::string located(const std::string& text, std::uint64_t offset) {
  std::istringstream in(text);
  const ByteLocation at = locate_byte(in, offset);
  return std::to_string(at.mark.line + 1) + ":" + std::to_string(at.mark.column + 1) + " " + std::to_string(at.byte);
}

}  // namespace

TEST_CASE("yaml events: marks count lines from 1 and columns in code points") {
  CHECK(events_of("a: Zoë\nbé: [x, ~]\n") ==
        "doc 1:1\nmap 1:1\nscalar 1:1 a\nscalar 1:4 Zoë\nscalar 2:1 bé\nseq 2:5\nscalar 2:6 x\nnull 2:9\n"
        "end\nend\n/doc\n");
  CHECK(events_of("k: 👩‍💻, v: 1\n").find("mapping values are not allowed") != std::string::npos);
  CHECK(events_of("{k: 👩‍💻, v: 1}\n").find("scalar 1:10 v") != std::string::npos);  // the emoji is 3 code points
  CHECK(events_of("a: 1\r\nb: 2\r\n").find("scalar 2:1 b") != std::string::npos);  // CRLF is one break
  CHECK(events_of("\xEF\xBB\xBF" "a: 1\n").find("scalar 1:1 a") != std::string::npos);  // a BOM is no column
  CHECK(events_of("") == "no document");
  CHECK(events_of("# nothing\n") == "no document");
}

TEST_CASE("yaml events: nulls are plain, untagged and spelled as YAML's null") {
  CHECK(events_of("[~, null, Null, NULL, '', \"\", nil, !!str null, !!null '']\n") ==
        "doc 1:1\nseq 1:1\nnull 1:2\nnull 1:5\nnull 1:11\nnull 1:17\nscalar 1:23\nscalar 1:27\nscalar 1:31 nil\n"
        "scalar 1:36 null\nscalar 1:48\nend\n/doc\n");
  CHECK(events_of("a:\nb: 1\n") == "doc 1:1\nmap 1:1\nscalar 1:1 a\nnull 1:3\nscalar 2:1 b\nscalar 2:4 1\nend\n/doc\n");
}

TEST_CASE("yaml events: anchors and aliases are refused where they are written") {
  const std::string refused = "error: anchors and aliases are not supported (write each value out)";
  CHECK(events_of("a: &x 1\n") == "t.yaml:1:4: " + refused);
  CHECK(events_of("a: 1\nb: *x\n") == "t.yaml:2:4: " + refused);  // an undefined alias too
  CHECK(events_of("- &s [1]\n") == "t.yaml:1:3: " + refused);
  CHECK(events_of("&m {a: 1}\n") == "t.yaml:1:1: " + refused);
}

TEST_CASE("yaml events: nesting is bounded without recursion") {
  const std::string too_deep = "error: nesting too deep (more than 499 levels); an org file needs only a few";
  CHECK(events_of(std::string(499, '[') + std::string(499, ']')).rfind("doc 1:1\nseq 1:1\n", 0) == 0);
  CHECK(events_of(std::string(500, '[') + std::string(500, ']')) == "t.yaml:1:500: " + too_deep);
  CHECK(events_of(std::string(10000, '{')) == "t.yaml:1:500: " + too_deep);
}

TEST_CASE("yaml events: syntax errors name the construct and where it started") {
  CHECK(events_of("a: \"open\n") ==
        "t.yaml:2:1: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar started at 1:4");
  CHECK(events_of("a: [1, 2\nb: 3\n") ==
        "t.yaml:2:2: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence started at 1:4");
  CHECK(events_of("a: 1\n  b: 2\n") == "t.yaml:2:4: error: invalid YAML: mapping values are not allowed in this context");
  CHECK(events_of("a:\n\t- 1\n") ==
        "t.yaml:2:1: error: invalid YAML: a tab character where only spaces are accepted (indent, and separate after '- ', with spaces)");
}

TEST_CASE("yaml events: a raw line break character is found across read boundaries") {
  // libyaml reads 16 KiB at a time: put a line separator at every offset around the first
  // boundaries, so that it falls whole in one read, or cut in two after its first or second byte.
  for (std::size_t at : {16381, 16382, 16383, 16384, 16385, 32766, 32767, 32768}) {
    const std::string padding(at - 3, 'x');
    const std::string text = "a: " + padding + "\xE2\x80\xA8" + "b\n";
    CHECK(events_of(text) == "t.yaml:1:" + std::to_string(at + 1) +
                                 ": error: raw line separator U+2028: YAML reads it as a line break; write it "
                                 "as \\L inside double quotes");
    const std::string nel = "a: " + padding + "\xC2\x85" + "b\n";
    CHECK(events_of(nel).rfind("t.yaml:1:" + std::to_string(at + 1) + ": error: raw next-line character", 0) == 0);
  }
  // Bytes that only look like the start of one are text.
  CHECK(events_of("a: \xE2\x80\x99 \xC2\xA0\n").find("scalar 1:4") != std::string::npos);
}

TEST_CASE("yaml events: locate_byte places an offset as libyaml counts") {
  CHECK(located("ab\ncd", 4) == "2:2 100");
  CHECK(located("é\nxé!", 6) == "2:3 33");  // code points, not bytes
  CHECK(located("a\r\nb", 3) == "2:1 98");
  CHECK(located("a\rb", 2) == "2:1 98");  // a lone CR breaks a line for libyaml
  CHECK(located("\xEF\xBB\xBF" "ab", 4) == "1:2 98");
  CHECK(located("ab", 9) == "1:3 -1");
  // It stops at the first bad UTF-8 sequence, where libyaml's offset may point past its start.
  CHECK(located("x\xC3(", 2) == "1:2 195");
  CHECK(located("x\xE2\x82", 3) == "1:2 226");
  std::istringstream utf16("\xFF\xFEx\0");
  CHECK_FALSE(locate_byte(utf16, 2).found);
}
