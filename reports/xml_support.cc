#include "xml_support.h"

#include "writer_support.h"

namespace orgaudit {
namespace {

struct StringSink final : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

}  // namespace

void set_attribute(pugi::xml_node node, const char* name, std::string_view value) {
  pugi::xml_attribute attribute = node.append_attribute(name);
  if (xml_unsafe_at(value) == std::string_view::npos) attribute.set_value(value.data(), value.size());
  else attribute.set_value(xml_safe(value).c_str());
}

void set_number(pugi::xml_node node, const char* name, double value) {
  node.append_attribute(name).set_value(format_number(value).c_str());
}

void set_count(pugi::xml_node node, const char* name, std::size_t value) {
  node.append_attribute(name).set_value(static_cast<unsigned long long>(value));
}

void set_flag(pugi::xml_node node, const char* name, bool value) {
  node.append_attribute(name).set_value(value ? "true" : "false");
}

void set_text(pugi::xml_node node, std::string_view text) {
  pugi::xml_node content = node.append_child(pugi::node_pcdata);
  if (xml_unsafe_at(text) == std::string_view::npos) content.set_value(text.data(), text.size());
  else content.set_value(xml_safe(text).c_str());
}

pugi::xml_node append_text(pugi::xml_node parent, const char* name, std::string_view text) {
  pugi::xml_node node = parent.append_child(name);
  set_text(node, text);
  return node;
}

std::string serialize(const pugi::xml_document& document) {
  StringSink sink;
  document.save(sink, "  ", pugi::format_indent, pugi::encoding_utf8);
  return std::move(sink.out);
}

}  // namespace orgaudit
