#include "orgaudit/finding.h"
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

FindingBuilder& FindingBuilder::concerns(const std::string& entity_id) {
  finding_->entity_ids.push_back(entity_id);
  return *this;
}

FindingBuilder& FindingBuilder::related(const SourceLocation& where, std::string message,
                                        std::string entity_id) {
  finding_->related.push_back(RelatedLocation{where, std::move(message), std::move(entity_id)});
  return *this;
}

FindingBuilder& FindingBuilder::at(const SourceLocation& where) {
  if (where.known()) finding_->where = where;
  return *this;
}

}  // namespace orgaudit
