#include "json.h"

#include <catch2/catch.hpp>
#include <sstream>

using orgaudit::JsonWriter;

TEST_CASE("json writer nests and separates") {
  JsonWriter w(0);
  w.begin_object().key("a").value(1).key("b").begin_array().value("x").value(true).null().end_array();
  w.key("c").begin_object().end_object().end_object();
  CHECK(w.take() == "{\"a\":1,\"b\":[\"x\",true,null],\"c\":{}}\n");
}

TEST_CASE("json strings are escaped and inert") {
  std::string out;
  orgaudit::append_json_string(out, "O'Brien \"Bob\"\n<script>&\x01\t\xe2\x80\xa8 👩");
  CHECK(out == "\"O'Brien \\\"Bob\\\"\\n\\u003cscript\\u003e\\u0026\\u0001\\t\\u2028 👩\"");
}

TEST_CASE("json numbers") {
  JsonWriter w(0);
  w.begin_array().value(2.5).value(1.0 / 0.0).value(100.0).end_array();
  CHECK(w.take() == "[2.5,null,100]");
}

TEST_CASE("json writer streams large documents in blocks, identical to the string") {
  auto document = [](JsonWriter& w) {
    w.begin_object().key("items").begin_array();
    for (int i = 0; i < 50000; ++i) w.begin_object().key("name").value("person \"" + std::to_string(i) + "\"").end_object();
    w.end_array().end_object();
  };
  JsonWriter whole;
  document(whole);
  std::ostringstream sink;
  JsonWriter streamed(sink);
  document(streamed);
  CHECK(sink.str().size() > 0);  // blocks went out before the end
  streamed.flush();
  CHECK(sink.str() == whole.take());
  CHECK(streamed.take().empty());
}

TEST_CASE("json strings: U+2028 and U+2029 escaped, other characters starting with 0xE2 kept") {
  std::string out;
  orgaudit::append_json_string(out, "a\xe2\x80\xa9" "b \xe2\x82\xac");  // U+2029, then the euro sign
  CHECK(out == "\"a\\u2029b \xe2\x82\xac\"");
}

TEST_CASE("json strings escape the hidden controls and replace malformed UTF-8") {
  std::string out;
  orgaudit::append_json_string(out, "rlo \xE2\x80\xAE nel \xC2\x85 bom \xEF\xBB\xBF del \x7f bad \xFF é 👩‍💻 ‰");
  CHECK(out == "\"rlo \\u202e nel \\u0085 bom \\ufeff del \\u007f bad \\ufffd é 👩‍💻 ‰\"");
}

TEST_CASE("json array elements rendered on two threads give the bytes of one loop, as a string and streamed", "[threads]") {
  const std::size_t count = GENERATE(0u, 1u, 513u, 5000u);
  auto document = [count](JsonWriter& w, bool together) {
    w.begin_object().key("before").value(1).key("items").begin_array();
    w.elements(count, together, [](JsonWriter& part, std::size_t i) {
      part.begin_object().key("n").value(i).key("tags").begin_array().value("t").end_array().end_object();
    });
    w.end_array().key("after").begin_array().value(2).end_array().end_object();
  };
  JsonWriter one;
  document(one, false);
  const std::string expected = one.take();
  JsonWriter two;
  document(two, true);
  CHECK(two.take() == expected);
  std::ostringstream sink;
  JsonWriter streamed(sink);
  document(streamed, true);
  streamed.flush();
  CHECK(sink.str() == expected);
  if (count == 0) CHECK(expected.find("\"items\": []") != std::string::npos);
}
