// The directory exports' JSON scanner against nlohmann-json, whose parser it stands in for: the
// same documents accepted and refused, the same values decoded, errors worded by nlohmann.
#include "import/json_records.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "util/diagnostic.h"

using namespace orgaudit;
using namespace orgaudit::import;

namespace {

// Every record event as text: "{", "/key=value", "}".
struct Recorder final : json::RecordSink {
  std::vector<std::string> events;
  void begin(std::size_t) override { events.push_back("{"); }
  void scalar(std::string_view pointer, const json::Scalar& value, std::size_t) override {
    events.push_back(std::string(pointer) + "=" + std::string(value.text));
  }
  void end(bool) override { events.push_back("}"); }
  void page(std::size_t) override { events.push_back("page"); }
};

// "" when read_records takes `text`, else its error.
std::string scan_error(const std::string& text, Recorder& recorder) {
  const TextLocator locate(text, 0);
  try {
    json::read_records(text, "x.json", locate, recorder);
    return "";
  } catch (const InputError& e) {
    return e.what();
  }
}

// Whether nlohmann reads `text` as one or more values, one after another (as the scanner does),
// and the strings it decodes, in order.
struct Reference : nlohmann::detail::json_sax_acceptor<nlohmann::json> {
  std::vector<std::string> strings;
  bool string(string_t& s) { return strings.push_back(s), true; }
};

bool nlohmann_accepts(const std::string& text, Reference& reference) {
  std::size_t at = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  for (;;) {
    while (at < text.size() && std::string_view(" \t\r\n").find(text[at]) != std::string_view::npos) ++at;
    if (at == text.size()) return true;
    // nlohmann reports where it stopped only through the input it reads: parse a prefix growing
    // to the first length it accepts, which is where the scanner goes on from too.
    std::size_t end = at + 1;
    for (; end <= text.size(); ++end) {
      Reference attempt;
      if (nlohmann::json::sax_parse(text.substr(at, end - at), &attempt, nlohmann::json::input_format_t::json, true)) {
        reference.strings.insert(reference.strings.end(), attempt.strings.begin(), attempt.strings.end());
        break;
      }
    }
    if (end > text.size()) return false;
    at = end;
  }
}

void same_as_nlohmann(const std::string& text) {
  INFO("input: " << text);
  Recorder recorder;
  Reference reference;
  const std::string error = scan_error(text, recorder);
  const bool accepted = nlohmann_accepts(text, reference);
  CHECK(error.empty() == accepted);
  if (!accepted) {
    CHECK(error.find("error: malformed JSON: ") != std::string::npos);
    return;
  }
  // Values (keys are strings to nlohmann, part of the pointer here): each decoded string shows.
  std::string events;
  for (const std::string& e : recorder.events) events += e + "\n";
  for (const std::string& s : reference.strings) CHECK(events.find(s) != std::string::npos);
}

}  // namespace

TEST_CASE("json records: the scanner accepts what nlohmann accepts, and decodes it the same", "[json]") {
  for (const char* text : {
           R"({"a": "plain", "b": ["x", "y"], "c": {"d": true, "e": false, "f": null}})",
           R"({"esc": "\"\\\/\b\f\n\r\t", "u": "\u00e9\u20ac\ud83d\ude00\u0041", "zero": "a\u0000b"})",
           "{\"utf8\": \"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xED\x9F\xBF \xEF\xBF\xBF \xF4\x8F\xBF\xBF\"}",
           R"({"n": [0, -0, 1, -12, 1.5, 2.5e10, -2E-3, 1e+2, 123456789012345678901234567890, 1e308, 1e-400]})",
           "{}", "[]", "[[], {}, [[]]]", " \t\r\n{\"a\" \n:\r\n \"b\" , \"c\":[ 1 , 2 ] }\n",
           "\xEF\xBB\xBF{\"bom\": 1}", "{\"a\": 1}{\"b\": 2}\n{\"c\": 3}", "[{\"id\": \"a\"}, {\"id\": \"b\"}]",
           "{\"long\": \"0123456789abcdef0123456789abcdef\\u00e9 0123456789abcdef0123456789\"}",
       })
    same_as_nlohmann(text);
}

TEST_CASE("json records: the scanner refuses what nlohmann refuses", "[json]") {
  for (const char* text : {
           "{\"x\": 1e400}", "{\"x\": -1e400}", "{\"x\": 01}", "{\"x\": 1.}", "{\"x\": -}", "{\"x\": .5}",
           "{\"x\": +1}", "{\"x\": 1e}", "{\"x\": 1e+}", "{\"x\": 0x1}", "{\"x\": Infinity}", "{\"x\": NaN}",
           R"({"x": "\ud800"})", R"({"x": "\udc00"})", R"({"x": "\ud800\u0041"})", R"({"x": "\ud800\"})",
           R"({"x": "\x"})", R"({"x": "\u12g4"})", R"({"x": "\u12"})", "{\"x\": \"tab\there\"}",
           "{\"x\": \"\xC0\x80\"}", "{\"x\": \"\xC1\xBF\"}", "{\"x\": \"\xE0\x80\x80\"}", "{\"x\": \"\xED\xA0\x80\"}",
           "{\"x\": \"\xF4\x90\x80\x80\"}", "{\"x\": \"\xF5\x80\x80\x80\"}", "{\"x\": \"\xC3\"}", "{\"x\": \"\x80\"}",
           "{\"x\": \"\xE2\x82\"}", "{\"x\": \"\xFF\"}", "{\"\xFF\": 1}",
           "{\"a\" 1}", "{\"a\": 1,}", "[1,]", "[1 2]", "{1: 2}", "{'a': 1}", "{\"a\": tru}", "{\"a\": nul}",
           "{\"a\": true false}", "{\"a\":", "{\"a\": \"abc", "[", "{", "{} x", "{\"a\": 1}]", "[1}", "\xEF\xBB{}",
           "{\"a\": 1} \xEF\xBB\xBF\xEF\xBB{}", "{\"a\": [1, 2", "{\"a\": -01}", "{\"a\": 1.5e3.2}",
       })
    same_as_nlohmann(text);
}

TEST_CASE("json records: errors are nlohmann's words at the byte it stopped at", "[json]") {
  Recorder recorder;
  CHECK(scan_error("{\"a\": 1,\n \"b\": \"\\ud800\"}", recorder) ==
        "x.json:2:14: error: malformed JSON: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF "
        "must be followed by U+DC00..U+DFFF; last read: '\"\\ud800\"'");
  // nlohmann's own prefix stays on this one (as it always has): its message has no place to cut.
  CHECK(scan_error("{\"a\": 1e400}", recorder) ==
        "x.json:1:13: error: malformed JSON: [json.exception.out_of_range.406] number overflow parsing '1e400'");
  CHECK(scan_error("[1, 2", recorder) ==
        "x.json:1:6: error: malformed JSON: syntax error while parsing array - unexpected end of input; expected ']'");
}

TEST_CASE("json records: plain and escaped values reach the sink whole, records as they nest", "[json]") {
  Recorder recorder;
  CHECK(scan_error(R"({"Resources": [{"id": "a\nb", "x": {"y": [1, "two"]}}, {"id": "\u00e9t\u00e9"}]})", recorder).empty());
  CHECK(recorder.events == std::vector<std::string>{"{", "page", "{", "/id=a\nb", "/x/y/0=1", "/x/y/1=two", "}", "{",
                                                    "/id=\xC3\xA9t\xC3\xA9", "}"});
}
