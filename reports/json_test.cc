#include "json.h"

#include <catch2/catch.hpp>

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
