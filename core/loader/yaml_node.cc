#include "loader/yaml_node.h"

namespace orgaudit::yaml {
namespace {

// Past this many keys a linear duplicate scan would make a hostile mapping quadratic.
constexpr std::uint32_t kLinearKeyScan = 32;

}  // namespace

void Source::fail(std::uint32_t line, std::uint32_t column, std::string message) const {
  throw InputError(Diagnostic{path_, line, column, std::move(message)});
}

std::uint32_t Source::line(const Mark& mark) const {
  const std::uint32_t line = mark.line;
  std::uint32_t shift = 0;
  for (const auto& [from, by] : shifts_) {
    if (line < from) break;
    shift = by;
  }
  return line + shift + 1;
}

void Source::fail(const Mark& mark, std::string message) const {
  fail(line(mark), column(mark), std::move(message));
}

void Source::warn(std::uint32_t line, std::uint32_t column, std::string message) const {
  warnings_.push_back(Diagnostic{path_, line, column, std::move(message)});
}

const char* kind_name(Node::Kind kind) {
  switch (kind) {
    case Node::null: return "nothing";
    case Node::scalar: return "a scalar";
    case Node::sequence: return "a sequence";
    case Node::mapping: return "a mapping";
  }
  return "?";
}

NodeId Tree::add(Node::Kind kind, std::uint32_t line, std::uint32_t column) {
  if (used_ == pool_.size()) pool_.emplace_back();
  Node& node = pool_[used_];
  node.kind = kind;
  node.line = line;
  node.column = column;
  node.text.clear();
  node.first = node.last = node.next = kNoNode;
  node.count = 0;
  return used_++;
}

void TreeBuilder::on_scalar(const Mark& mark, std::string_view value) {
  NodeId node = tree_.add(Node::scalar, source_.line(mark), Source::column(mark));
  tree_[node].text.assign(value);
  append(node);
}

void TreeBuilder::on_null(const Mark& mark) {
  NodeId node = tree_.add(Node::null, source_.line(mark), Source::column(mark));
  // The parser marks an empty value (`id:`) with the next token, often on a later line: point at
  // its key instead, which is what the user wrote.
  if (!open_.empty()) {
    const Node& parent = tree_[open_.back().node];
    if (parent.kind == Node::mapping && parent.count % 2 == 1) {
      tree_[node].line = tree_[parent.last].line;
      tree_[node].column = tree_[parent.last].column;
    }
  }
  append(node);
}

void TreeBuilder::on_start(Node::Kind kind, const Mark& mark) {
  NodeId node = tree_.add(kind, source_.line(mark), Source::column(mark));
  append(node);
  open_.push_back(Open{node, nullptr});
}

void TreeBuilder::on_end() { open_.pop_back(); }

void TreeBuilder::append(NodeId node) {
  if (open_.empty()) {
    root_ = node;
    return;
  }
  Open& open = open_.back();
  Node& parent = tree_[open.node];
  if (parent.kind == Node::mapping && parent.count % 2 == 0) check_new_key(open, node);
  if (parent.last == kNoNode) parent.first = node;
  else tree_[parent.last].next = node;
  parent.last = node;
  ++parent.count;
}

void TreeBuilder::check_new_key(Open& open, NodeId key) {
  const Node& k = tree_[key];
  if (k.kind != Node::scalar || k.text.empty()) {
    source_.fail(k.line, k.column, std::string("expected a key (a name such as 'id'), found ") +
                                       (k.kind == Node::scalar ? "an empty key" : kind_name(k.kind)));
  }
  auto duplicate = [&](std::uint32_t line, std::uint32_t column) {
    source_.fail(k.line, k.column, "duplicate key '" + k.text + "' in this mapping (first at " +
                                       source_.path() + ":" + std::to_string(line) + ":" +
                                       std::to_string(column) + ")");
  };
  const Node& parent = tree_[open.node];
  std::uint32_t keys = parent.count / 2;
  if (keys < kLinearKeyScan) {
    for (NodeId other = parent.first; other != kNoNode; other = tree_[tree_[other].next].next)
      if (tree_[other].text == k.text) duplicate(tree_[other].line, tree_[other].column);
    return;
  }
  if (!open.many_keys) {
    open.many_keys = std::make_unique<std::unordered_set<std::string>>();
    for (NodeId other = parent.first; other != kNoNode; other = tree_[tree_[other].next].next)
      open.many_keys->insert(tree_[other].text);
  }
  if (!open.many_keys->insert(k.text).second) {
    for (NodeId other = parent.first; other != kNoNode; other = tree_[tree_[other].next].next)
      if (tree_[other].text == k.text) duplicate(tree_[other].line, tree_[other].column);
  }
}

}  // namespace orgaudit::yaml
