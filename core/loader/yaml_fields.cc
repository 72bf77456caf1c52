#include "loader/yaml_fields.h"

#include <charconv>
#include <cmath>

#include "util/text.h"

namespace orgaudit::yaml {
namespace {

// What was found, for "expected X for 'f', got Y"; long values are cut so one line stays readable.
std::string found(const Node& node) {
  if (node.kind != Node::scalar) return kind_name(node.kind);
  if (node.text.size() <= 40) return "'" + node.text + "'";
  std::size_t cut = 37;
  while (cut > 0 && (static_cast<unsigned char>(node.text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + node.text.substr(0, cut) + "...'";
}

}  // namespace

void Fields::fail(NodeId at, std::string message) const {
  source_.fail(tree_[at].line, tree_[at].column, std::move(message));
}

void Fields::expect(NodeId value, Node::Kind kind, const char* field, const char* what) const {
  if (tree_[value].kind != kind)
    fail(value, std::string("expected ") + what + " for '" + field + "', got " + found(tree_[value]));
}

std::string Fields::text(NodeId value, const char* field) {
  Node& node = tree_[value];
  if (node.kind == Node::null) return {};
  expect(value, Node::scalar, field, "a string");
  return std::move(node.text);
}

std::string Fields::id(NodeId value, const char* field) {
  const Node& node = tree_[value];
  if (node.kind == Node::null || (node.kind == Node::scalar && node.text.empty()))
    fail(value, std::string("'") + field + "' is empty: expected an id");
  expect(value, Node::scalar, field, "an id");
  return std::move(tree_[value].text);
}

double Fields::number(NodeId value, const char* field) const {
  const Node& node = tree_[value];
  if (node.kind == Node::scalar && !node.text.empty()) {
    const char* begin = node.text.data();
    const char* end = begin + node.text.size();
    if (*begin == '+') ++begin;
    double result = 0;
    auto [stop, error] = std::from_chars(begin, end, result);
    if (error == std::errc() && stop == end && std::isfinite(result)) return result;
  }
  fail(value, std::string("expected a number for '") + field + "', got " + found(node));
}

bool Fields::boolean(NodeId value, const char* field) const {
  const Node& node = tree_[value];
  if (node.kind == Node::scalar) {
    const std::string& t = node.text;
    if (t == "true" || t == "True" || t == "TRUE" || t == "yes" || t == "Yes" || t == "YES") return true;
    if (t == "false" || t == "False" || t == "FALSE" || t == "no" || t == "No" || t == "NO") return false;
  }
  fail(value, std::string("expected a boolean (true or false) for '") + field + "', got " + found(node));
}

Date Fields::date(NodeId value, const char* field) const {
  const Node& node = tree_[value];
  if (node.kind == Node::scalar) {
    if (std::optional<Date> date = Date::parse(node.text)) return *date;
  }
  fail(value, std::string("expected a date (YYYY-MM-DD) for '") + field + "', got " + found(node));
}

template <typename Add>
void Fields::each_text(NodeId value, const char* field, bool ids, const Add& add) {
  const Node& node = tree_[value];
  if (node.kind == Node::null) return;
  if (node.kind == Node::scalar) {
    add(ids ? id(value, field) : text(value, field));
    return;
  }
  expect(value, Node::sequence, field, ids ? "a list of ids" : "a list of strings");
  for_each_item(tree_, value, [&](NodeId item) {
    if (tree_[item].kind != Node::scalar)
      fail(item, std::string("expected ") + (ids ? "an id" : "a string") + " in '" + field +
                     "', got " + found(tree_[item]));
    add(ids ? id(item, field) : text(item, field));
  });
}

void Fields::texts(NodeId value, const char* field, std::vector<std::string>& out, bool ids) {
  each_text(value, field, ids, [&](std::string text) { out.push_back(std::move(text)); });
}

void Fields::texts(NodeId value, const char* field, SmallList<Text>& out, bool ids) {
  each_text(value, field, ids, [&](const std::string& text) { out.push_back(pool_.intern(text)); });
}

template <typename List>
void Fields::attributes_into(NodeId value, List& out) {
  if (tree_[value].kind == Node::null) return;
  expect(value, Node::mapping, "attributes", "a mapping of names to values");
  out.reserve(out.size() + tree_[value].count / 2);
  for_each_entry(tree_, value, [&](NodeId key, NodeId item) {
    const std::string content = text(item, tree_[key].text.c_str());
    out.push_back(Attribute{pool_.intern(tree_[key].text), pool_.intern(content)});
  });
}

void Fields::attributes(NodeId value, std::vector<Attribute>& out) { attributes_into(value, out); }
void Fields::attributes(NodeId value, SmallList<Attribute>& out) { attributes_into(value, out); }

void warn_unknown_key(const Source& source, std::uint32_t line, std::uint32_t column,
                      const std::string& key, const char* context,
                      const std::vector<std::string>& known) {
  std::string message = "unknown key '" + key + "' in " + context;
  std::string suggestion = did_you_mean(key, known);
  if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
  else message += " (ignored)";
  source.warn(line, column, std::move(message));
}

void Fields::unknown_key(NodeId key, const char* context, const std::vector<std::string>& known) const {
  const Node& node = tree_[key];
  warn_unknown_key(source_, node.line, node.column, node.text, context, known);
}

}  // namespace orgaudit::yaml
