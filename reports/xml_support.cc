#include "xml_support.h"

#include <array>
#include <cstdio>

#include "util/text.h"
#include "util/visible_text.h"
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

namespace {

// pugixml writes DEL, C1 controls and bidirectional overrides as they are (XML allows them), but no
// output may carry them raw: they become character references, which parse back to the same text.
// Only attribute values and text can hold them (element and attribute names are ours), so the
// serialised document is rewritten as a whole, in one pass.
std::string hidden_controls_as_references(std::string text) {
  // The first UTF-8 bytes of every hidden control from DEL up (C0 controls are the document's own
  // line breaks here; xml_safe() replaced any from the data): a byte that is none of them is
  // skipped with one table look-up, so a document of hundreds of megabytes costs little.
  static const auto kLead = [] {
    std::array<bool, 256> lead{};
    for (unsigned char c : {0x7F, 0xC2, 0xD8, 0xE2, 0xEF}) lead[c] = true;
    return lead;
  }();
  std::string out;
  std::size_t copied = 0;
  char reference[16];
  const std::size_t n = text.size();
  for (std::size_t at = 0; at < n; ++at) {
    if (!kLead[static_cast<unsigned char>(text[at])]) continue;
    char32_t code = 0;
    const std::size_t length = decode_utf8(text, at, code);
    if (length == 0 || !is_hidden_control(code)) continue;
    out.append(text, copied, at - copied);
    std::snprintf(reference, sizeof reference, "&#x%X;", static_cast<unsigned>(code));
    out += reference;
    copied = at + length;
    at = copied - 1;
  }
  if (copied == 0) return text;  // nothing to replace: no copy
  out.append(text, copied, std::string::npos);
  return out;
}

}  // namespace

std::string serialize(const pugi::xml_document& document) {
  StringSink sink;
  document.save(sink, "  ", pugi::format_indent, pugi::encoding_utf8);
  return hidden_controls_as_references(std::move(sink.out));
}

}  // namespace orgaudit
