#include "import/xml_records.h"

#include "import/encoding.h"
#include "import/field_values.h"
#include "util/diagnostic.h"
#include "model/import_log.h"

namespace orgaudit::import::xml {
namespace {

const Preset kHrXml{"hr-xml", "HR-XML 3.0 OrganizationChart", RowStyle::plain, {}, {}, {}};
const Preset kGenericXml{"generic-xml", "XML mapped by XPath in input.columns", RowStyle::plain, {}, {}, {}};

constexpr std::size_t kFields = static_cast<std::size_t>(Field::count);

// The column-like view of a mapping the row builder reads: field i at position i, attributes after.
std::vector<std::string> header_of(const Mapping& m) {
  std::vector<std::string> header(kFields);
  for (std::size_t f = 0; f < kFields; ++f)
    header[f] = m.fields[f].empty() ? field_key(static_cast<Field>(f)) : m.fields[f].expression();
  for (const auto& attribute : m.attributes) header.push_back(attribute.second.expression());
  return header;
}

Layout layout_of(const Mapping& m) {
  Layout layout;
  layout.preset = m.preset == "hr-xml" ? &kHrXml : &kGenericXml;
  for (std::size_t f = 0; f < kFields; ++f)
    if (!m.fields[f].empty()) layout.column[f] = static_cast<int>(f);
  for (std::size_t a = 0; a < m.attributes.size(); ++a)
    layout.attributes.emplace_back(static_cast<int>(kFields + a), m.attributes[a].first);
  return layout;
}

}  // namespace

SourceLocation Locator::at(pugi::xml_node node) const {
  const std::ptrdiff_t offset = node.offset_debug();
  return at(offset < 0 ? nullptr : buffer() + offset, SourceLocation{});
}

XmlRecords::XmlRecords(Org& org, FileIndex file, const Mapping& mapping, std::string_view text, const RecordLimits& limits)
    : org_(org), m_(mapping), text_(text), header_(header_of(mapping)), layout_(layout_of(mapping)),
      builder_(org, file, layout_, header_, limits, RecordWords{"element", "path"}), values_(header_.size()),
      at_(header_.size(), nullptr) {}

std::string_view XmlRecords::read(const FieldPath& path, pugi::xml_node context, const char*& at) {
  at = nullptr;
  if (path.empty()) return {};
  // Most values are views of the parsed buffer: only a computed or repaired one is kept.
  std::string_view value = path.first(context, computed_, &at, &children_);
  if (!utf8_ && first_invalid_utf8(value) != std::string_view::npos) {
    if (repaired_++ == 0) first_repair_ = locate_ && at ? locate_->at(at, record_) : record_;
    return storage_.emplace_back(repair_utf8(value));
  }
  if (!value.empty() && value.data() == computed_.data()) return storage_.emplace_back(std::move(computed_));
  return value;
}

std::string_view XmlRecords::read(const FieldPath& path, pugi::xml_node context, const Locator& locate,
                                  const SourceLocation& fallback, SourceLocation& where) {
  const char* at = nullptr;
  const std::string_view value = read(path, context, at);
  where = at ? locate.at(at, fallback) : fallback;
  return value;
}

void XmlRecords::check_utf8() {
  if (utf8_checked_) return;
  utf8_checked_ = true;
  utf8_ = first_invalid_utf8(text_) == std::string_view::npos;
}

SourceLocation XmlRecords::of(int column) const {
  if (column < 0 || static_cast<std::size_t>(column) >= at_.size() || !at_[column] || !locate_) return record_;
  return locate_->at(at_[column], record_);
}

void XmlRecords::unit(pugi::xml_node node, const Locator& locate, const pugi::xml_node* slots) {
  check_utf8();
  ++units_;
  ++org_.import_log->records;
  storage_.clear();
  const SourceLocation at = locate.at(node);
  if (slots) children_.use(node, slots);
  else children_.read(node, m_.first_steps);
  auto xpath = [&] { return "(" + m_.unit_selector + ")[" + std::to_string(units_) + "]"; };
  SourceLocation where;
  const std::string id(trim_view(read(m_.unit_id, node, locate, at, where)));
  if (id.empty()) {
    org_.import_log->issues.push_back({ImportIssue::skipped_row, "element skipped: unit " + xpath() + " has no id (" +
                                                                m_.unit_id.expression() + " is empty)", "", at});
    return;
  }
  const UnitIndex index = builder_.define_unit(id, at);
  if (index == kNoIndex) {
    org_.import_log->issues.push_back({ImportIssue::duplicate_id, "element skipped: unit id '" + id + "' of " + xpath() +
                                                                 " is already used by an earlier unit element", id, at});
    return;
  }
  Unit& unit = org_.units[index];
  unit.name = std::string(trim_view(read(m_.unit_name, node, locate, at, where)));
  unit.parent_id = std::string(trim_view(read(m_.unit_parent, node, locate, at, unit.parent_where)));
  unit.owner_id = std::string(trim_view(read(m_.unit_owner, node, locate, at, unit.owner_where)));
  const std::string kind(trim_view(read(m_.unit_kind, node, locate, at, where)));
  if (auto parsed = parse_unit_kind(kind)) unit.kind = *parsed;
  else if (!kind.empty())
    org_.import_log->issues.push_back({ImportIssue::bad_value, "unit kind '" + kind + "' of '" + id +
                                                              "' is not one of platform, emc, me, department, "
                                                              "shared-service, external-partner; left unspecified", id, where});
}

void XmlRecords::person(pugi::xml_node node, const Locator& locate, const pugi::xml_node* slots) {
  check_utf8();
  ++persons_;
  ++org_.import_log->records;
  storage_.clear();
  const SourceLocation at = locate.at(node);
  record_ = at;
  locate_ = &locate;
  if (slots) children_.use(node, slots);
  else children_.read(node, m_.first_steps);
  for (std::size_t f = 0; f < kFields; ++f) values_[f] = read(m_.fields[f], node, at_[f]);
  at_[static_cast<std::size_t>(Field::id)] = nullptr;  // a person is where its element starts
  if (!m_[Field::dotted].empty()) {  // every dotted line, `;`-joined as the row builder reads them
    std::string joined;
    for (const std::string& id : m_[Field::dotted].all(node, &children_)) joined += (joined.empty() ? "" : ";") + id;
    values_[static_cast<std::size_t>(Field::dotted)] = storage_.emplace_back(std::move(joined));
  }
  for (std::size_t a = 0; a < m_.attributes.size(); ++a)
    values_[kFields + a] = read(m_.attributes[a].second, node, at_[kFields + a]);
  const char* ignored = nullptr;
  const std::string incumbent(trim_view(read(m_.incumbent, node, ignored)));
  const std::string manager_person(trim_view(read(m_.manager_person, node, ignored)));
  const std::size_t issues_before = org_.import_log->issues.size();
  const bool added = builder_.add(Row{values_, at.line, this});
  locate_ = nullptr;  // the locator lives only as long as its batch
  if (!added) {
    for (std::size_t i = issues_before; i < org_.import_log->issues.size(); ++i)
      org_.import_log->issues[i].message += " (at (" + m_.person_selector + ")[" + std::to_string(persons_) + "])";
    return;
  }
  const auto index = static_cast<PersonIndex>(org_.people.size() - 1);
  if (!incumbent.empty()) position_of_.emplace(incumbent, index);
  std::vector<std::string> dotted_people = m_.dotted_person.empty() ? std::vector<std::string>{} : m_.dotted_person.all(node, &children_);
  if (!manager_person.empty() || !dotted_people.empty()) by_person_.push_back({index, manager_person, std::move(dotted_people)});
}

void XmlRecords::finish(const std::string& path, const std::string& root) {
  for (const PersonLines& lines : by_person_) {
    Person& person = org_.people[lines.person];
    auto position = [&](const std::string& id) {
      auto it = position_of_.find(id);
      return it == position_of_.end() ? org_.interned(id) : org_.people[it->second].id;  // unknown: kept, so integrity names it
    };
    if (person.manager_id.empty() && !lines.manager.empty()) person.manager_id = position(lines.manager);
    for (const std::string& id : lines.dotted)
      if (!trim_view(id).empty()) person.dotted_ids.push_back(position(std::string(trim_view(id))));
  }
  if (persons_ == 0)
    throw InputError(Diagnostic{path, 0, 0, "the person selector '" + m_.person_selector + "' (" + m_.preset +
                                                ") selects no element under the root <" + root + ">"});
  if (builder_.loaded() == 0) {
    const ImportIssue* first = builder_.first_skip();
    throw InputError(Diagnostic{path, first ? first->where.line : 0, first ? first->where.column : 0,
                                "none of the " + std::to_string(persons_) + " person elements could be loaded; the first: " +
                                    (first ? first->message : std::string("?"))});
  }
  if (repaired_ > 0)
    org_.import_log->issues.push_back(ImportIssue{ImportIssue::encoding,
                                             std::to_string(repaired_) + " values are not valid UTF-8 (the first here); "
                                             "read as Windows-1252. Declare the encoding in the XML declaration",
                                             "", first_repair_});
}

}  // namespace orgaudit::import::xml
