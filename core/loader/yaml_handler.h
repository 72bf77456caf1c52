// yaml-cpp events of one org document into model entities, one item at a time.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include "loader/id_index.h"
#include "loader/yaml_fields.h"
#include "loader/yaml_node.h"
#include "orgaudit/model.h"
#include "util/progress.h"

namespace orgaudit::yaml {

enum class Section { version, org, units, people, links, unknown };

// Walks the document's top level itself and hands each list item (and the small `org:` block) to a
// TreeBuilder, converting and dropping it as soon as it is complete.
//
// A whole document is an org file, or the skeleton of a split one: when a list section's value is
// empty, `on_empty_section` may supply its items, parsed elsewhere, through adopt(). A chunk is a
// bare sequence of one section's items (a slice of a split file), collected into `out` without id
// checks; adopt() checks them later, in file order.
class OrgHandler final : public YAML::EventHandler {
 public:
  OrgHandler(const Source& source, Org& out, Progress& progress, std::istream& in, std::uint64_t total);
  OrgHandler(const Source& source, Org& out, Section section, const std::atomic<bool>& cancel);

  // Called with the section key's 1-based line; true if it adopted that section's items.
  std::function<bool(std::uint32_t key_line, Section section)> on_empty_section;
  // Appends a chunk's entities, checking their ids as if they had been read here.
  void adopt(Org& chunk);
  void finish();

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override;
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { no_anchors(mark); }
  void OnAnchor(const YAML::Mark& mark, const std::string&) override { no_anchors(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    no_anchor(mark, anchor);
    start(Node::sequence, mark);
  }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    no_anchor(mark, anchor);
    start(Node::mapping, mark);
  }
  void OnSequenceEnd() override { end(); }
  void OnMapEnd() override { end(); }

 private:
  enum class State { start, root_key, root_value, list, item, skip, chunk_start, chunk_done };

  void start(Node::Kind kind, const YAML::Mark& mark);
  void end();
  void root_key(const YAML::Mark& mark, const std::string& key);
  void start_item();
  void item_event();
  void add_person(Person& person);
  void add_unit(Unit& unit);
  [[noreturn]] void duplicate(const char* what, const std::string& id, const SourceLocation& at,
                              const SourceLocation& first) const;
  void skip_event(int change);
  void no_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) const {
    if (anchor != YAML::NullAnchor) no_anchors(mark);
  }
  [[noreturn]] void no_anchors(const YAML::Mark& mark) const;
  [[noreturn]] void not_an_org(const YAML::Mark& mark) const;
  [[noreturn]] void not_a_key(const YAML::Mark& mark) const;
  [[noreturn]] void not_a_list(const YAML::Mark& mark) const;
  [[noreturn]] void wrong_version(const YAML::Mark& mark, const std::string& found) const;

  const Source& source_;
  Org& out_;
  Progress* progress_ = nullptr;
  std::istream* in_ = nullptr;
  std::uint64_t total_ = 0;
  const std::atomic<bool>* cancel_ = nullptr;
  bool chunk_ = false;
  Tree tree_;
  TreeBuilder builder_;
  Fields fields_;
  std::string phase_;
  IdIndex people_;
  IdIndex units_;
  State state_ = State::start;
  Section section_ = Section::unknown;
  std::uint32_t key_line_ = 0;
  SourceLocation root_;
  std::vector<std::pair<std::string, SourceLocation>> root_keys_;
  bool version_seen_ = false;
  int documents_ = 0;
  int skip_depth_ = 0;
  std::uint64_t entities_ = 0;
};

}  // namespace orgaudit::yaml
