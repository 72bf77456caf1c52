#include "import/xml_mapping.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <regex>

#include "import/column_map.h"
#include "util/diagnostic.h"
#include "util/text.h"

namespace orgaudit::import::xml {
namespace {

bool plain_name(const std::string& step) {
  if (step.empty() || std::isdigit(static_cast<unsigned char>(step[0])) || step[0] == '.' || step[0] == '-') return false;
  return std::all_of(step.begin(), step.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '-' || c == '.' || c == ':' || u >= 0x80;
  });
}

// XPath's string-value of an element: all its text, in document order.
std::string string_value(pugi::xml_node node) {
  if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) return node.value();
  std::string text;
  for (pugi::xml_node n = node.first_child(); n;) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) text += n.value();
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && !n.next_sibling() && n != node) n = n.parent();
    if (!n || n == node) break;
    n = n.next_sibling();
  }
  return text;
}

// HR-XML 3.0 OrganizationChart (hris-formats.md): positions inside units; the primary line is the
// ReportsTo* element without a RelationshipTypeCode or with "primary", any other code a dotted line.
const char* kPrimary = "[not(RelationshipTypeCode) or translate(normalize-space(RelationshipTypeCode),'PRIMARY','primary')='primary']";
const char* kSecondary = "[RelationshipTypeCode and translate(normalize-space(RelationshipTypeCode),'PRIMARY','primary')!='primary']";

std::map<std::string, std::string> hr_xml_defaults() {
  return {{"person", "//MemberPosition"},
          {"id", "PositionID"},
          {"name", "PositionIncumbent/PersonName/FormattedName"},
          {"first_name", "PositionIncumbent/PersonName/GivenName"},
          {"last_name", "PositionIncumbent/PersonName/FamilyName"},
          {"title", "PositionTitle"},
          {"grade", "PositionGrade"},
          {"manager", std::string("ReportsToPosition") + kPrimary + "/PositionID"},
          {"dotted", std::string("ReportsToPosition") + kSecondary + "/PositionID"},
          {"manager_person", std::string("ReportsToPerson") + kPrimary + "/PersonID"},
          {"dotted_person", std::string("ReportsToPerson") + kSecondary + "/PersonID"},
          {"incumbent", "PositionIncumbent/PersonID"},
          {"unit", "ancestor::OrganizationUnit[1]/OrganizationUnitID"},
          {"fte", "IndicativeDeployment/FullTimeEquivalentRatio"},
          {"vacant", "not(PositionIncumbent)"},
          {"units", "//OrganizationUnit"},
          {"unit.id", "OrganizationUnitID"},
          {"unit.name", "OrganizationUnitName"},
          {"unit.parent", "ParentOrganizationUnit/OrganizationUnitID"}};
}

}  // namespace

// `ReportsToPosition[<primary>]/PositionID`, `not(PositionIncumbent)`, `ancestor::X[1]/Y`: the
// hr-xml paths, evaluated by walking the element rather than by pugixml's XPath engine, which
// allocates on every call (six calls a position, a million positions).
bool FieldPath::shaped(const std::string& e) {
  static const std::regex line("^([A-Za-z_][A-Za-z0-9_.-]*)(\\[.*\\])/([A-Za-z_][A-Za-z0-9_.-]*)$");
  static const std::regex no_child("^not\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)$");
  static const std::regex ancestor("^ancestor::([A-Za-z_][A-Za-z0-9_.-]*)\\[1\\]/([A-Za-z_][A-Za-z0-9_.-]*)$");
  std::smatch m;
  if (std::regex_match(e, m, line) && (m[2] == kPrimary || m[2] == kSecondary)) {
    shape_ = m[2] == kPrimary ? Shape::primary_line : Shape::secondary_line;
    steps_ = {m[1], m[3]};
  } else if (std::regex_match(e, m, no_child)) {
    shape_ = Shape::no_child;
    steps_ = {m[1]};
  } else if (std::regex_match(e, m, ancestor)) {
    shape_ = Shape::ancestor_child;
    steps_ = {m[1], m[2]};
  }
  return shape_ != Shape::xpath;
}

FieldPath::FieldPath(std::string expression) : expression_(trim(expression)) {
  if (shaped(expression_)) return;
  std::vector<std::string> steps = split(expression_, '/');
  plain_ = !expression_.empty() && expression_.front() != '/';
  for (std::size_t i = 0; plain_ && i < steps.size(); ++i) {
    const std::string& step = steps[i];
    if (i + 1 == steps.size() && step.size() > 1 && step[0] == '@' && plain_name(step.substr(1))) attribute_ = step.substr(1);
    else if (step == "." && steps.size() == 1) continue;
    else if (plain_name(step)) steps_.push_back(step);
    else plain_ = false;
  }
  if (!plain_ && !expression_.empty()) query_ = std::make_shared<pugi::xpath_query>(expression_.c_str());
}

namespace {

// RelationshipTypeCode absent, or "primary" in any case and spacing: the solid line.
bool primary(pugi::xml_node line) {
  const pugi::xml_node code = line.child("RelationshipTypeCode");
  if (!code) return true;
  std::string text = trim(code.child_value());
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text == "primary";
}

}  // namespace

void Children::find(pugi::xml_node parent, const std::vector<std::string>& names, pugi::xml_node* slots) {
  for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
    const char* name = child.name();
    if (!*name) continue;  // text has no name
    const std::size_t size = std::strlen(name);
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i].size() == size && std::memcmp(names[i].data(), name, size) == 0) {
        if (!slots[i]) slots[i] = child;  // the first of that name
        break;
      }
  }
}

void Children::read(pugi::xml_node parent, const std::vector<std::string>& names) {
  own_.assign(names.size(), pugi::xml_node());
  find(parent, names, own_.data());
  use(parent, own_.data());
}

std::string FieldPath::first_step() const {
  const bool child_step = shape_ == Shape::primary_line || shape_ == Shape::secondary_line || shape_ == Shape::no_child ||
                          (plain_ && !steps_.empty());
  return child_step ? steps_[0] : std::string();
}

pugi::xml_node FieldPath::first_child(pugi::xml_node context, const Children* children) const {
  if (children && first_slot_ >= 0) return children->first(first_slot_);
  return context.child(steps_[0].c_str());
}

std::string_view FieldPath::first(pugi::xml_node context, std::string& storage, const char** at,
                                  const Children* children) const {
  *at = nullptr;
  if (expression_.empty()) return {};
  switch (shape_) {
    case Shape::primary_line:
    case Shape::secondary_line:
      for (pugi::xml_node line = first_child(context, children); line; line = line.next_sibling(steps_[0].c_str()))
        if (primary(line) == (shape_ == Shape::primary_line))
          if (const pugi::xml_node id = line.child(steps_[1].c_str())) return *at = id.child_value();
      return {};
    case Shape::no_child:
      return first_child(context, children) ? "false" : "true";
    case Shape::ancestor_child:
      for (pugi::xml_node up = context.parent(); up; up = up.parent())
        if (steps_[0] == up.name()) {
          const pugi::xml_node id = up.child(steps_[1].c_str());
          return id ? (*at = id.child_value()) : std::string_view();
        }
      return {};
    default:
      break;
  }
  if (plain_) {
    pugi::xml_node node = context;
    for (std::size_t i = 0; i < steps_.size(); ++i)
      if (!(node = i == 0 ? first_child(context, children) : node.child(steps_[i].c_str()))) return {};
    const char* value = attribute_.empty() ? node.child_value() : node.attribute(attribute_.c_str()).value();
    *at = value;
    return value;
  }
  if (query_->return_type() != pugi::xpath_type_node_set) {
    storage = query_->evaluate_string(context);
    return storage;
  }
  const pugi::xpath_node found = query_->evaluate_node(context);
  if (found.attribute()) {
    *at = found.attribute().value();
    return *at;
  }
  if (!found.node()) return {};
  storage = string_value(found.node());
  *at = found.node().child_value();
  return storage;
}

std::vector<std::string> FieldPath::all(pugi::xml_node context, const Children* children) const {
  std::vector<std::string> values;
  if (expression_.empty()) return values;
  if (shape_ == Shape::primary_line || shape_ == Shape::secondary_line) {
    for (pugi::xml_node line = first_child(context, children); line; line = line.next_sibling(steps_[0].c_str()))
      if (primary(line) == (shape_ == Shape::primary_line))
        if (const pugi::xml_node id = line.child(steps_[1].c_str())) values.emplace_back(id.child_value());
    return values;
  }
  if (shape_ != Shape::xpath) {
    std::string storage;
    const char* at;
    values.emplace_back(first(context, storage, &at));
    return values;
  }
  if (plain_ && !steps_.empty()) {
    pugi::xml_node parent = context;
    for (std::size_t i = 0; i + 1 < steps_.size(); ++i)
      if (!(parent = parent.child(steps_[i].c_str()))) return values;
    for (pugi::xml_node n = parent.child(steps_.back().c_str()); n; n = n.next_sibling(steps_.back().c_str()))
      values.emplace_back(attribute_.empty() ? n.child_value() : n.attribute(attribute_.c_str()).value());
    return values;
  }
  if (plain_ || query_->return_type() != pugi::xpath_type_node_set) {
    std::string storage;
    const char* at;
    values.emplace_back(first(context, storage, &at));
    return values;
  }
  for (const pugi::xpath_node& n : query_->evaluate_node_set(context))
    values.push_back(n.attribute() ? std::string(n.attribute().value()) : string_value(n.node()));
  return values;
}

namespace {

// Mapping::paths(), for a const mapping or one whose paths get their slots.
template <typename Path, typename M>
std::vector<Path*> paths_of(M& m) {
  std::vector<Path*> all{&m.manager_person, &m.dotted_person, &m.incumbent, &m.unit_id, &m.unit_name, &m.unit_parent, &m.unit_owner, &m.unit_kind};
  for (Path& f : m.fields) all.push_back(&f);
  for (auto& attribute : m.attributes) all.push_back(&attribute.second);
  return all;
}

}  // namespace

std::vector<const FieldPath*> Mapping::paths() const { return paths_of<const FieldPath>(*this); }

Mapping make_mapping(const std::string& preset, const std::map<std::string, std::string>& columns,
                     const std::string& root, const std::string& path, const std::string& source) {
  auto fail = [&](const std::string& message) -> void { throw InputError(Diagnostic{path, 0, 0, message}); };
  const std::string where = source.empty() ? "input.columns" : "input.columns in " + source;
  Mapping mapping;
  mapping.preset = preset;
  if (mapping.preset.empty()) mapping.preset = root == "OrganizationChart" ? "hr-xml" : columns.count("person") ? "generic-xml" : "";
  if (mapping.preset.empty())
    fail("cannot tell how to read this XML (root element <" + root + ">): use preset hr-xml for an HR-XML "
         "OrganizationChart, or map the elements with preset generic-xml and " + where +
         " (person: //Employee, id: \"@id\", manager: Manager/@ref; docs/import.md)");
  if (mapping.preset != "hr-xml" && mapping.preset != "generic-xml") {
    const std::string near = did_you_mean(mapping.preset, {"hr-xml", "generic-xml"});
    fail("unknown XML preset '" + mapping.preset + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?") +
         " (XML presets: hr-xml, generic-xml; the others are for CSV)");
  }
  std::map<std::string, std::string> spec = mapping.preset == "hr-xml" ? hr_xml_defaults() : std::map<std::string, std::string>{};
  for (const auto& [key, value] : columns) spec[key] = value;
  if (!spec.count("person")) fail("generic-xml needs " + where + ".person: the XPath of the person elements, e.g. //Employee");
  if (!spec.count("id") || trim(spec["id"]).empty()) fail("generic-xml needs " + where + ".id: the path of each person's id, e.g. \"@id\"");

  const std::vector<std::string> unit_keys{"unit.id", "unit.name", "unit.parent", "unit.owner", "unit.kind"};
  FieldPath* unit_paths[] = {&mapping.unit_id, &mapping.unit_name, &mapping.unit_parent, &mapping.unit_owner, &mapping.unit_kind};
  for (const auto& [key, value] : spec) {
    try {
      if (key == "person") mapping.person_selector = value;
      else if (key == "units") mapping.unit_selector = value;
      else if (key == "manager_person") mapping.manager_person = FieldPath(value);
      else if (key == "dotted_person") mapping.dotted_person = FieldPath(value);
      else if (key == "incumbent") mapping.incumbent = FieldPath(value);
      else if (key == "attributes") {
        for (const std::string& item : split(value, ',')) {
          const std::string expression = trim(item);
          if (expression.empty()) continue;
          std::string name = expression.substr(expression.find_last_of("/@") == std::string::npos ? 0 : expression.find_last_of("/@") + 1);
          mapping.attributes.emplace_back(name, FieldPath(expression));
        }
      } else if (auto u = std::find(unit_keys.begin(), unit_keys.end(), key); u != unit_keys.end()) {
        *unit_paths[u - unit_keys.begin()] = FieldPath(value);
      } else if (Field f = field_from_key(key); f != Field::count) {
        mapping.fields[static_cast<std::size_t>(f)] = FieldPath(value);
      } else {
        std::vector<std::string> keys = field_keys();
        keys.insert(keys.end(), {"person", "units", "manager_person", "dotted_person", "incumbent", "attributes"});
        keys.insert(keys.end(), unit_keys.begin(), unit_keys.end());
        const std::string near = did_you_mean(key, keys);
        fail("unknown key '" + key + "' in " + where + (near.empty() ? "" : "; did you mean '" + near + "'?"));
      }
      if (key == "person" || key == "units") pugi::xpath_query check(value.c_str());
    } catch (const pugi::xpath_exception& e) {
      fail(where + "." + key + ": '" + value + "' is not a valid XPath (" + e.what() + ")");
    }
  }
  // Each child element name the paths start at gets a slot in Children.
  for (FieldPath* path : paths_of<FieldPath>(mapping)) {
    const std::string name = path->first_step();
    if (name.empty()) continue;
    auto slot = std::find(mapping.first_steps.begin(), mapping.first_steps.end(), name);
    if (slot == mapping.first_steps.end()) slot = mapping.first_steps.insert(slot, name);
    path->set_first_slot(static_cast<int>(slot - mapping.first_steps.begin()));
  }
  return mapping;
}

}  // namespace orgaudit::import::xml
