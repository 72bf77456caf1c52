// Typed reads of node-tree values with errors that say what was expected, where, and what was found.
#pragma once

#include <string>
#include <vector>

#include "loader/yaml_node.h"
#include "orgaudit/date.h"
#include "orgaudit/model.h"

namespace orgaudit::yaml {

// "unknown key 'manger' in person; did you mean 'manager'?" as a warning: the key is ignored.
void warn_unknown_key(const Source& source, std::uint32_t line, std::uint32_t column,
                      const std::string& key, const char* context,
                      const std::vector<std::string>& known);

class Fields {
 public:
  // Texts of people and units go into `pool`, the org being loaded's.
  Fields(const Source& source, Tree& tree, detail::TextPool& pool) : source_(source), tree_(tree), pool_(pool) {}

  const Source& source() const { return source_; }
  Tree& tree() { return tree_; }
  detail::TextPool& pool() { return pool_; }
  const Node& node(NodeId id) const { return tree_[id]; }
  SourceLocation where(NodeId id) const { return source_.at(tree_[id].line, tree_[id].column); }
  [[noreturn]] void fail(NodeId at, std::string message) const;

  // `field` names the key in messages ("expected a number for 'fte'").
  void expect(NodeId value, Node::Kind kind, const char* field, const char* what) const;
  // A scalar's text, moved out of the tree; null reads as "".
  std::string text(NodeId value, const char* field);
  // A non-empty scalar naming an entity.
  std::string id(NodeId value, const char* field);
  double number(NodeId value, const char* field) const;
  bool boolean(NodeId value, const char* field) const;
  Date date(NodeId value, const char* field) const;
  // A sequence of scalars, or one scalar standing for a sequence of one; null reads as none.
  void texts(NodeId value, const char* field, std::vector<std::string>& out, bool ids);
  void texts(NodeId value, const char* field, SmallList<Text>& out, bool ids);  // interned
  void attributes(NodeId value, std::vector<Attribute>& out);
  void attributes(NodeId value, SmallList<Attribute>& out);
  // Warns about a key the format does not define, suggesting the closest one it does.
  void unknown_key(NodeId key, const char* context, const std::vector<std::string>& known) const;

 private:
  template <typename Add>
  void each_text(NodeId value, const char* field, bool ids, const Add& add);
  template <typename List>
  void attributes_into(NodeId value, List& out);

  const Source& source_;
  Tree& tree_;
  detail::TextPool& pool_;
};

}  // namespace orgaudit::yaml
