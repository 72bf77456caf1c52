// Parser events of one org document into model entities, one item at a time.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <utility>
#include <vector>

#include "loader/record_limits.h"
#include "loader/yaml_events.h"
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
class OrgHandler final : public EventSink {
 public:
  // `limits`: a scalar over the field size limit is an error wherever it is; people past the record
  // limit are an error where they are added (in a chunk, when it is adopted).
  OrgHandler(const Source& source, Org& out, const RecordLimits& limits, Progress& progress, std::istream& in,
             std::uint64_t total);
  OrgHandler(const Source& source, Org& out, const RecordLimits& limits, Section section, const std::atomic<bool>& cancel);

  // Called with the section key's 1-based line; true if it adopted that section's items.
  std::function<bool(std::uint32_t key_line, Section section)> on_empty_section;
  // Appends a chunk's entities, checking their ids as if they had been read here.
  void adopt(Org& chunk);
  // After the last event: hands the id table to the org when it holds all of its people.
  void finish();

  void document_start(const Mark& mark) override;
  void document_end() override;
  void null(const Mark& mark) override;
  void scalar(const Mark& mark, std::string_view value) override;
  void start(Node::Kind kind, const Mark& mark) override;
  void end() override;

 private:
  enum class State { start, root_key, root_value, list, item, skip, chunk_start, chunk_done };

  void root_key(const Mark& mark, std::string_view key);
  void start_item();
  void item_event();
  void add_person(Person& person);
  void add_unit(Unit& unit);
  [[noreturn]] void duplicate(const char* what, const std::string& id, const SourceLocation& at,
                              const SourceLocation& first) const;
  void skip_event(int change);
  [[noreturn]] void not_an_org(const Mark& mark) const;
  [[noreturn]] void not_a_key(const Mark& mark) const;
  [[noreturn]] void not_a_list(const Mark& mark) const;
  [[noreturn]] void wrong_version(const Mark& mark, const std::string& found) const;

  const Source& source_;
  Org& out_;
  const RecordLimits limits_;  // a copy: 16 bytes, and no lifetime to keep in mind
  std::size_t people_added_ = 0;  // by this handler, for the record limit (`out_` may hold earlier files' people)
  Progress* progress_ = nullptr;
  std::istream* in_ = nullptr;
  std::uint64_t total_ = 0;
  const std::atomic<bool>* cancel_ = nullptr;
  bool chunk_ = false;
  Tree tree_;
  TreeBuilder builder_;
  Fields fields_;
  std::string phase_;
  IdLookup people_;
  IdLookup units_;
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
