// Building XML reports with pugixml: every string goes through xml_safe() on the way in (pugixml
// escapes markup but not malformed UTF-8 or the control characters XML 1.0 forbids), and the
// document is serialised into a string, since writers return bytes rather than write files.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace orgaudit {

// Distinct names rather than overloads: a string literal would otherwise bind to bool.
void set_attribute(pugi::xml_node node, const char* name, std::string_view value);
void set_number(pugi::xml_node node, const char* name, double value);
void set_count(pugi::xml_node node, const char* name, std::size_t value);
void set_flag(pugi::xml_node node, const char* name, bool value);
// `text` as the content of `node`.
void set_text(pugi::xml_node node, std::string_view text);
// A child element whose content is `text`.
pugi::xml_node append_text(pugi::xml_node parent, const char* name, std::string_view text);
// The document with an XML declaration (UTF-8), indented by two spaces.
std::string serialize(const pugi::xml_document& document);

}  // namespace orgaudit
