// A small YAML node tree for one item of an org file (a person, a unit, a link, the `org:` block),
// built from parser events and reused for the next item, so a million people never coexist as YAML.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "orgaudit/source_location.h"
#include "util/diagnostic.h"

namespace orgaudit::yaml {

// A place in the YAML text as the parser counts it: 0-based line and column, the column in code
// points.
struct Mark {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

// The file being read: turns parser marks into locations and messages into diagnostics.
class Source {
 public:
  Source(std::string path, FileIndex file, std::vector<Diagnostic>& warnings)
      : path_(std::move(path)), file_(file), warnings_(warnings) {}

  const std::string& path() const { return path_; }
  FileIndex file() const { return file_; }
  // The parser counts lines in what it reads; a chunk starts mid-file and the skeleton of a split
  // file lacks its chunks: from parser line `from` (0-based) on, add `shift` lines.
  void shift_lines(std::uint32_t from, std::uint32_t shift) { shifts_.emplace_back(from, shift); }
  std::uint32_t line(const Mark& mark) const;
  static std::uint32_t column(const Mark& mark) { return mark.column + 1; }
  SourceLocation at(std::uint32_t line, std::uint32_t column) const { return {file_, line, column}; }
  [[noreturn]] void fail(std::uint32_t line, std::uint32_t column, std::string message) const;
  [[noreturn]] void fail(const Mark& mark, std::string message) const;
  void warn(std::uint32_t line, std::uint32_t column, std::string message) const;

 private:
  std::string path_;
  FileIndex file_;
  std::vector<Diagnostic>& warnings_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> shifts_;
};

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;

struct Node {
  enum Kind : std::uint8_t { null, scalar, sequence, mapping };
  Kind kind = null;
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based
  std::string text;          // a scalar's value
  // Children as a linked list through the pool, so nodes own no vectors; a mapping's children
  // alternate key, value, key, value.
  NodeId first = kNoNode;
  NodeId last = kNoNode;
  NodeId next = kNoNode;
  std::uint32_t count = 0;
};

const char* kind_name(Node::Kind kind);

// Nodes live in a pool that is emptied, not freed, between items: their strings keep their buffers.
class Tree {
 public:
  Node& operator[](NodeId id) { return pool_[id]; }
  const Node& operator[](NodeId id) const { return pool_[id]; }
  NodeId add(Node::Kind kind, std::uint32_t line, std::uint32_t column);
  void clear() { used_ = 0; }

 private:
  std::vector<Node> pool_;
  NodeId used_ = 0;
};

// Calls fn(key, value) for each entry of a mapping node.
template <typename Fn>
void for_each_entry(Tree& tree, NodeId map, Fn&& fn) {
  for (NodeId key = tree[map].first; key != kNoNode;) {
    NodeId value = tree[key].next;
    fn(key, value);
    key = tree[value].next;
  }
}

template <typename Fn>
void for_each_item(Tree& tree, NodeId seq, Fn&& fn) {
  for (NodeId item = tree[seq].first; item != kNoNode; item = tree[item].next) fn(item);
}

// Feeds parser events into a Tree for one value; done() once that value is complete. Rejects what
// the org format has no use for and what makes YAML dangerous: duplicate keys and non-scalar keys.
class TreeBuilder {
 public:
  TreeBuilder(const Source& source, Tree& tree) : source_(source), tree_(tree) {}

  void start() { tree_.clear(), open_.clear(), root_ = kNoNode; }
  bool done() const { return root_ != kNoNode && open_.empty(); }
  NodeId root() const { return root_; }

  void on_null(const Mark& mark);
  void on_scalar(const Mark& mark, std::string_view value);
  void on_start(Node::Kind kind, const Mark& mark);
  void on_end();

 private:
  struct Open {
    NodeId node;
    std::unique_ptr<std::unordered_set<std::string>> many_keys;  // only for large mappings
  };
  void append(NodeId node);
  void check_new_key(Open& open, NodeId key);

  const Source& source_;
  Tree& tree_;
  std::vector<Open> open_;
  NodeId root_ = kNoNode;
};

}  // namespace orgaudit::yaml
