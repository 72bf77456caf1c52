#include "engine/finding.h"

#include "orgaudit/rule.h"

namespace orgaudit {

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: break;
  }
  return "info";
}

std::optional<Severity> parse_severity(const std::string& text) {
  for (Severity s : {Severity::info, Severity::warning, Severity::error})
    if (text == to_string(s)) return s;
  return std::nullopt;
}

const char* to_string(OptionType type) {
  switch (type) {
    case OptionType::integer: return "integer";
    case OptionType::number: return "number";
    case OptionType::boolean: return "boolean";
    case OptionType::list: return "list";
    case OptionType::string: break;
  }
  return "string";
}

Finding& FindingBuilder::finding() const { return (*findings_)[index_]; }

std::string_view FindingBuilder::id_of(EntityRef entity) const {
  if (entity.kind == EntityRef::person) return org_->people.at(entity.index).id;
  return org_->units.at(entity.index).id;
}

FindingBuilder& FindingBuilder::key(std::string problem_key) {
  finding().key = std::move(problem_key);
  return *this;
}

FindingBuilder& FindingBuilder::concerns(EntityRef entity) {
  finding().entity_ids.emplace_back(id_of(entity));
  finding().entities.push_back(entity);
  return *this;
}

FindingBuilder& FindingBuilder::concerns_unknown(const std::string& id) {
  finding().entity_ids.push_back(id);
  finding().entities.push_back(std::nullopt);
  return *this;
}

FindingBuilder& FindingBuilder::affects(EntityRef entity) { return affects(entity, finding().severity); }

FindingBuilder& FindingBuilder::affects(EntityRef entity, Severity severity) {
  finding().affected.push_back(AffectedEntity{entity, severity});
  return *this;
}

FindingBuilder& FindingBuilder::related(const SourceLocation& where, std::string message, EntityRef entity) {
  finding().related.push_back(RelatedLocation{where, std::move(message), entity, std::string(id_of(entity))});
  return *this;
}

FindingBuilder& FindingBuilder::related(const SourceLocation& where, std::string message) {
  finding().related.push_back(RelatedLocation{where, std::move(message), std::nullopt, std::string()});
  return *this;
}

FindingBuilder& FindingBuilder::chain(std::vector<PersonIndex> people) {
  finding().chain = std::move(people);
  return *this;
}

FindingBuilder& FindingBuilder::at(const SourceLocation& where) {
  if (where.known()) finding().where = where;
  return *this;
}

}  // namespace orgaudit
