#include "import/backstage_import.h"

#include <map>

#include "import/directory_records.h"
#include "loader/yaml_events.h"
#include "loader/yaml_node.h"
#include "model/import_log.h"

namespace orgaudit::import {
namespace {

using yaml::kNoNode;
using yaml::Node;
using yaml::NodeId;

enum Slot : std::size_t { email, entity_ref };

const DirectoryShape& backstage_shape() {
  static const DirectoryShape shape{
      Preset{"backstage", "Backstage catalog User entities", RowStyle::plain, {}, {}, {}, false, false},
      RecordWords{"entity", "field"},
      {{Field::id, "metadata.name"}, {Field::name, "spec.profile.displayName"}, {Field::manager, "orgaudit.io/manager"}},
      {"email", "entity-ref"}};
  return shape;
}

constexpr const char* kLead = "orgaudit.io/lead";
constexpr const char* kManager = "orgaudit.io/manager";

// Each document's entity, built as a node tree by the org loader's TreeBuilder.
class CatalogHandler final : public yaml::EventSink {
 public:
  CatalogHandler(const yaml::Source& source, Org& org, const TextLocator& no_offsets, const RecordLimits& limits)
      : source_(source), builder_(source, tree_), records_(org, source.file(), backstage_shape(), no_offsets, limits),
        groups_(org, records_), org_(org) {}

  void document_start(const yaml::Mark&) override { builder_.start(); }
  void document_end() override {
    if (builder_.root() != kNoNode) entity(builder_.root());
  }
  void null(const yaml::Mark& mark) override { builder_.on_null(mark); }
  void scalar(const yaml::Mark& mark, std::string_view value) override { builder_.on_scalar(mark, value); }
  void start(Node::Kind kind, const yaml::Mark& mark) override { builder_.on_start(kind, mark); }
  void end() override { builder_.on_end(); }

  void finish(std::vector<Diagnostic>& warnings) {
    if (groups_seen_ == 0 && records_.records() == 0)
      throw InputError(Diagnostic{source_.path(), 0, 0, "no Group or User entity: not a Backstage catalog of people"});
    groups_.finish();
    lines_from_leads(warnings);
    if (records_.records() > 0) records_.finish(source_.path(), "Backstage User entities", "", warnings);
  }

 private:
  // The child of mapping `map` under `key`, or kNoNode.
  NodeId child(NodeId map, std::string_view key) {
    if (map == kNoNode || tree_[map].kind != Node::mapping) return kNoNode;
    NodeId found = kNoNode;
    yaml::for_each_entry(tree_, map, [&](NodeId k, NodeId v) {
      if (found == kNoNode && tree_[k].text == key) found = v;
    });
    return found;
  }
  NodeId path(NodeId from, std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys) from = child(from, key);
    return from;
  }
  std::string text(NodeId node) { return node != kNoNode && tree_[node].kind == Node::scalar ? tree_[node].text : std::string(); }
  SourceLocation at(NodeId node) { return source_.at(tree_[node].line, tree_[node].column); }

  // Each entity ref in a list (or a single ref), with where it is.
  template <typename Fn>
  void each_ref(NodeId node, Fn&& fn) {
    if (node == kNoNode) return;
    if (tree_[node].kind == Node::scalar) fn(tree_[node].text, at(node));
    if (tree_[node].kind == Node::sequence)
      yaml::for_each_item(tree_, node, [&](NodeId item) {
        if (tree_[item].kind == Node::scalar) fn(tree_[item].text, at(item));
      });
  }

  void entity(NodeId root) {
    if (tree_[root].kind != Node::mapping) return;
    const std::string kind = ascii_lower(text(child(root, "kind")));
    if (kind != "group" && kind != "user") return;  // components, systems, APIs: not the org
    const NodeId metadata = child(root, "metadata");
    const std::string name = text(child(metadata, "name"));
    std::string ns = text(child(metadata, "namespace"));
    if (ns.empty()) ns = "default";
    const NodeId spec = child(root, "spec");
    std::string display = text(path(spec, {"profile", "displayName"}));
    if (display.empty()) display = text(child(metadata, "title"));
    if (kind == "group") group(root, metadata, spec, name, ns, display);
    else user(root, metadata, spec, name, ns, display);
  }

  void group(NodeId root, NodeId metadata, NodeId spec, const std::string& name, const std::string& ns, std::string display) {
    ++groups_seen_;
    ++org_.import_log->records;  // users are counted as the row builder reads them
    if (name.empty()) {
      org_.import_log->issues.push_back({ImportIssue::skipped_row, "entity skipped: a Group without metadata.name", "", at(root)});
      return;
    }
    const std::string id = backstage_id(name, ns);
    const SourceLocation where = at(child(metadata, "name"));
    const UnitIndex index = groups_.define(id, display.empty() ? name : std::move(display), where, "entity");
    if (index == kNoIndex) return;
    Unit& unit = org_.units[index];
    if (const std::string type = text(child(spec, "type")); !type.empty()) unit.attributes.push_back({org_.interned("type"), org_.interned(type)});
    if (const NodeId lead = path(metadata, {"annotations", kLead}); lead != kNoNode) {
      unit.owner_id = backstage_id(text(lead), ns);
      unit.owner_where = at(lead);
      ++leads_;
    }
    if (const NodeId parent = child(spec, "parent"); parent != kNoNode && !text(parent).empty())
      groups_.child(backstage_id(text(parent), ns), id, at(parent));
    each_ref(child(spec, "children"), [&](const std::string& ref, const SourceLocation& at) {
      groups_.child(id, backstage_id(ref, ns), at);
    });
    each_ref(child(spec, "members"), [&](const std::string& ref, const SourceLocation& at) {
      groups_.member(id, backstage_id(ref, ns), at);
    });
  }

  void user(NodeId root, NodeId metadata, NodeId spec, const std::string& name, const std::string& ns, const std::string& display) {
    records_.begin_at(at(root));
    if (!name.empty()) records_.set_at(Field::id, backstage_id(name, ns), at(child(metadata, "name")));
    // The name shown: the profile's displayName, else the entity's title, else its name.
    const NodeId shown = path(spec, {"profile", "displayName"}) != kNoNode ? path(spec, {"profile", "displayName"})
                         : child(metadata, "title") != kNoNode             ? child(metadata, "title")
                                                                           : child(metadata, "name");
    if (shown != kNoNode) records_.set_at(Field::name, display.empty() ? name : display, at(shown));
    if (const NodeId mail = path(spec, {"profile", "email"}); mail != kNoNode) records_.set_attribute_at(email, text(mail), at(mail));
    if (!name.empty()) records_.set_attribute_at(entity_ref, "user:" + ns + "/" + name, at(root));
    if (const NodeId manager = path(metadata, {"annotations", kManager}); manager != kNoNode)
      records_.set_at(Field::manager, backstage_id(text(manager), ns), at(manager));
    if (!records_.add()) return;
    each_ref(child(spec, "memberOf"), [&](const std::string& ref, const SourceLocation& at) {
      groups_.member(backstage_id(ref, ns), org_.people.back().id.str(), at);
    });
  }

  // A person without a manager of their own reports to the lead of their group, or, for the lead,
  // of the nearest group above with one.
  void lines_from_leads(std::vector<Diagnostic>& warnings) {
    std::map<std::string, UnitIndex> units;
    for (UnitIndex u = 0; u < org_.units.size(); ++u) units.emplace(org_.units[u].id, u);
    bool any_line = false;
    for (Person& person : org_.people) {
      if (!person.manager_id.empty()) {
        any_line = true;
        continue;
      }
      auto unit = units.find(person.unit_id.str());
      for (std::size_t steps = 0; unit != units.end() && steps <= units.size(); ++steps) {
        const Unit& u = org_.units[unit->second];
        if (!u.owner_id.empty() && u.owner_id != person.id) {
          person.manager_id = org_.interned(u.owner_id);
          person.manager_where = u.owner_where;
          any_line = true;
          break;
        }
        unit = units.find(u.parent_id);
      }
    }
    if (!any_line && !org_.people.empty())
      warnings.push_back({source_.path(), 0, 0,
                          "no reporting lines: Backstage has no manager field, and no group names a lead (annotation " +
                              std::string(kLead) + ") nor any user a manager (" + kManager +
                              "), so the span, layer and reporting-line rules see only unconnected people"});
  }

  const yaml::Source& source_;
  yaml::Tree tree_;
  yaml::TreeBuilder builder_;
  DirectoryRecords records_;
  DirectoryGroups groups_;
  Org& org_;
  std::size_t groups_seen_ = 0, leads_ = 0;
};

}  // namespace

bool is_backstage_catalog(std::string_view start) {
  for (std::size_t at = 0; at < start.size();) {
    const std::size_t end = std::min(start.find('\n', at), start.size());
    std::string_view line = start.substr(at, end - at);
    if (line.rfind("apiVersion:", 0) == 0) {
      line.remove_prefix(11);
      while (!line.empty() && (line.front() == ' ' || line.front() == '"' || line.front() == '\'')) line.remove_prefix(1);
      return line.rfind("backstage.io/", 0) == 0;
    }
    at = end + 1;
  }
  return false;
}

std::string backstage_id(std::string_view ref, std::string_view own_namespace) {
  if (const auto colon = ref.find(':'); colon != std::string_view::npos) ref.remove_prefix(colon + 1);  // the kind
  std::string_view ns = own_namespace;
  if (const auto slash = ref.find('/'); slash != std::string_view::npos) {
    ns = ref.substr(0, slash);
    ref.remove_prefix(slash + 1);
  }
  // Backstage compares refs without case.
  return ascii_lower(ns) == "default" ? ascii_lower(ref) : ascii_lower(ns) + "/" + ascii_lower(ref);
}

void load_backstage(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
                    std::vector<Diagnostic>& warnings, Progress& progress) {
  read_whole_export(files, path, options, org, progress, [&](std::string_view, FileIndex file) {
    const yaml::Source source(path, file, warnings);
    const TextLocator no_offsets({}, file);  // every place comes from the YAML parser
    CatalogHandler handler(source, org, no_offsets, options.limits);
    std::unique_ptr<std::istream> in = files.open_for_reading(path);
    yaml::read_events(*in, source, handler, [&](std::uint64_t offset) {
      return yaml::locate_byte(*files.open_for_reading(path), offset);
    });
    handler.finish(warnings);
  });
}

}  // namespace orgaudit::import
