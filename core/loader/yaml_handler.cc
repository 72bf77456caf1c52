#include "loader/yaml_handler.h"

#include "loader/yaml_entities.h"
#include "model/import_log.h"

namespace orgaudit::yaml {
namespace {

// Progress is reported every this many entities: often enough to move, rarely enough to be free.
constexpr std::uint64_t kProgressEvery = 4096;

struct PersonId {
  const Org& org;
  std::string_view operator()(PersonIndex i) const { return org.people[i].id; }
};
struct UnitId {
  const Org& org;
  const std::string& operator()(UnitIndex i) const { return org.units[i].id; }
};

struct Cancelled {};

}  // namespace

OrgHandler::OrgHandler(const Source& source, Org& out, const RecordLimits& limits, Progress& progress,
                       std::istream& in, std::uint64_t total)
    : source_(source), out_(out), limits_(limits), progress_(&progress), in_(&in), total_(total),
      builder_(source, tree_), fields_(source, tree_, *out.texts), phase_(loading_phase(source.path())) {
  // Ids from earlier files count: a second file may not redefine them.
  for (PersonIndex i = 0; i < out.people.size(); ++i) people_.insert(i, PersonId{out_});
  for (UnitIndex i = 0; i < out.units.size(); ++i) units_.insert(i, UnitId{out_});
}

OrgHandler::OrgHandler(const Source& source, Org& out, const RecordLimits& limits, Section section,
                       const std::atomic<bool>& cancel)
    : source_(source), out_(out), limits_(limits), cancel_(&cancel), chunk_(true), builder_(source, tree_),
      fields_(source, tree_, *out.texts), state_(State::chunk_start), section_(section) {}

void OrgHandler::document_start(const Mark& mark) {
  if (documents_++ > 0)
    source_.fail(mark, "a second YAML document ('---') in an org file: put one org per file");
}

void OrgHandler::document_end() {
  if (chunk_) {
    if (state_ != State::chunk_done) source_.fail(0, 0, "chunk is not one sequence of items");
    return;
  }
  if (!version_seen_)
    source_.fail(root_.line, root_.column, "not an orgaudit org file: no 'orgaudit: 1' key");
}

void OrgHandler::null(const Mark& mark) {
  switch (state_) {
    case State::item: return builder_.on_null(mark), item_event();
    case State::skip: return skip_event(0);
    case State::list: return start_item(), builder_.on_null(mark), item_event();
    case State::start: source_.fail(mark, "empty file: not an orgaudit org");
    case State::root_key: not_a_key(mark);
    case State::chunk_start: case State::chunk_done: not_a_list(mark);
    case State::root_value: break;
  }
  // An empty list is no entities; an empty `org:` or unknown key, nothing.
  if (section_ == Section::version) wrong_version(mark, "nothing");
  state_ = State::root_key;
  if (on_empty_section && section_ >= Section::units && section_ <= Section::links)
    on_empty_section(key_line_, section_);
}

void OrgHandler::scalar(const Mark& mark, std::string_view value) {
  if (!limits_.field_fits(value.size())) source_.fail(mark, limits_.field_too_large(value.size()));
  switch (state_) {
    case State::item: return builder_.on_scalar(mark, value), item_event();
    case State::skip: return skip_event(0);
    case State::list: return start_item(), builder_.on_scalar(mark, value), item_event();
    case State::start: not_an_org(mark);
    case State::root_key: return root_key(mark, value);
    case State::chunk_start: case State::chunk_done: not_a_list(mark);
    case State::root_value: break;
  }
  if (section_ == Section::version) {
    if (value != "1") wrong_version(mark, "'" + std::string(value) + "'");
    version_seen_ = true;
    state_ = State::root_key;
    return;
  }
  if (section_ == Section::org) return start_item(), builder_.on_scalar(mark, value), item_event();
  if (section_ == Section::unknown) return void(state_ = State::root_key);
  not_a_list(mark);
}

void OrgHandler::start(Node::Kind kind, const Mark& mark) {
  switch (state_) {
    case State::item: return builder_.on_start(kind, mark);
    case State::skip: return skip_event(+1);
    case State::list: return start_item(), builder_.on_start(kind, mark);
    case State::start:
      if (kind != Node::mapping) not_an_org(mark);
      root_ = source_.at(source_.line(mark), Source::column(mark));
      state_ = State::root_key;
      return;
    case State::root_key: not_a_key(mark);
    case State::chunk_start:
      if (kind != Node::sequence) not_a_list(mark);
      state_ = State::list;
      return;
    case State::chunk_done: not_a_list(mark);
    case State::root_value: break;
  }
  switch (section_) {
    case Section::version: wrong_version(mark, kind == Node::mapping ? "a mapping" : "a sequence");
    case Section::org: return start_item(), builder_.on_start(kind, mark);
    case Section::unknown: state_ = State::skip, skip_depth_ = 0; return skip_event(+1);
    default:
      if (kind != Node::sequence) not_a_list(mark);
      state_ = State::list;
  }
}

void OrgHandler::end() {
  switch (state_) {
    case State::item: return builder_.on_end(), item_event();
    case State::skip: return skip_event(-1);
    case State::list: state_ = chunk_ ? State::chunk_done : State::root_key; return;
    default: state_ = State::start;  // the root mapping closed
  }
}

void OrgHandler::root_key(const Mark& mark, std::string_view key) {
  static const std::vector<std::string> known = {"orgaudit", "org", "units", "people", "links"};
  std::size_t which = 0;
  while (which < known.size() && known[which] != key) ++which;
  section_ = static_cast<Section>(which);
  key_line_ = source_.line(mark);
  for (const auto& [seen, where] : root_keys_)
    if (seen == key)
      source_.fail(mark, "duplicate key '" + std::string(key) + "' (first at " + source_.path() + ":" +
                             std::to_string(where.line) + ":" + std::to_string(where.column) + ")");
  root_keys_.push_back({std::string(key), source_.at(key_line_, Source::column(mark))});
  if (section_ == Section::unknown)
    warn_unknown_key(source_, key_line_, Source::column(mark), std::string(key), "an org file", known);
  state_ = State::root_value;
}

void OrgHandler::start_item() {
  builder_.start();
  state_ = State::item;
}

// After each event inside an item: once the item is whole, it becomes an entity.
void OrgHandler::item_event() {
  if (!builder_.done()) return;
  NodeId root = builder_.root();
  state_ = State::list;
  switch (section_) {
    case Section::people: read_person(fields_, root, out_.people.emplace_back()); break;
    case Section::units: read_unit(fields_, root, out_.units.emplace_back()); break;
    case Section::links: read_link(fields_, root, out_.links.emplace_back()); break;
    default:
      read_org_block(fields_, root, out_);
      state_ = State::root_key;
      return;
  }
  if (chunk_) {
    if (cancel_->load(std::memory_order_relaxed)) throw Cancelled{};
    return;
  }
  if (section_ == Section::people) add_person(out_.people.back());
  if (section_ == Section::units) add_unit(out_.units.back());
  if (++entities_ % kProgressEvery == 0) {
    auto done = in_->rdbuf()->pubseekoff(0, std::ios::cur, std::ios::in);
    progress_->update(phase_, done < 0 ? 0 : static_cast<std::uint64_t>(done), total_);
  }
}

void OrgHandler::add_person(Person& person) {
  if (!limits_.records_fit(++people_added_)) source_.fail(person.where.line, person.where.column, limits_.too_many_records("people"));
  PersonIndex first = people_.insert(static_cast<PersonIndex>(out_.people.size() - 1), PersonId{out_});
  if (first != kNoIndex) duplicate("person", person.id.str(), person.where, out_.people[first].where);
}

void OrgHandler::add_unit(Unit& unit) {
  UnitIndex first = units_.insert(static_cast<UnitIndex>(out_.units.size() - 1), UnitId{out_});
  if (first != kNoIndex) duplicate("unit", unit.id, unit.where, out_.units[first].where);
}

void OrgHandler::adopt(Org& chunk) {
  out_.texts->keep(chunk.texts.shared());
  for (Person& person : chunk.people) add_person(out_.people.emplace_back(std::move(person)));
  for (Unit& unit : chunk.units) add_unit(out_.units.emplace_back(std::move(unit)));
  out_.links.insert(out_.links.end(), std::make_move_iterator(chunk.links.begin()),
                    std::make_move_iterator(chunk.links.end()));
  entities_ += chunk.people.size() + chunk.units.size() + chunk.links.size();
}

void OrgHandler::finish() {
  if (progress_) progress_->update(phase_, total_, total_);
  // The table holds every person of the org, each id once (a repeat stopped the load), so
  // resolving need not hash the ids again (a million people: 0.12 -> 0.08 s).
  if (!chunk_) take_person_ids(out_, std::move(people_));
}

void OrgHandler::duplicate(const char* what, const std::string& id, const SourceLocation& at,
                           const SourceLocation& first) const {
  std::string message = std::string("duplicate ") + what + " id '" + id + "' (first defined ";
  if (first.known())
    message += "at " + out_.file_of(first) + ":" + std::to_string(first.line) + ":" +
               std::to_string(first.column) + ")";
  else
    message += "in " + out_.file_of(first) + ")";
  source_.fail(at.line, at.column, std::move(message));
}

void OrgHandler::skip_event(int change) {
  skip_depth_ += change;
  if (skip_depth_ == 0) state_ = State::root_key;
}

void OrgHandler::not_an_org(const Mark& mark) const {
  source_.fail(mark, "not an orgaudit org file: expected a mapping with 'orgaudit: 1'");
}
void OrgHandler::not_a_key(const Mark& mark) const {
  source_.fail(mark, "expected a key (such as 'people') at the top level of the org file");
}
void OrgHandler::not_a_list(const Mark& mark) const {
  const char* names[] = {"", "", "a list of units", "a list of people", "a list of links", ""};
  source_.fail(mark, std::string("expected ") + names[static_cast<int>(section_)] +
                         " (items starting with '- ')");
}
void OrgHandler::wrong_version(const Mark& mark, const std::string& found) const {
  source_.fail(mark, "unsupported orgaudit format version " + found + " (this orgaudit reads 1)");
}

}  // namespace orgaudit::yaml
