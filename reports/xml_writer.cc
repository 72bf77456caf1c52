// The HR audit report (`--format xml`): org metadata, scores per dimension and per unit, findings with
// the people and units they concern. Namespace urn:orgaudit:report:1, validated by
// reports/orgaudit-report.xsd; documented in docs/outputs.md.
#include "report.h"
#include "writer_support.h"
#include "xml_support.h"

namespace orgaudit {
namespace {

constexpr const char* kNamespace = "urn:orgaudit:report:1";

// A not-assessed score has no `score` attribute and assessed="false", so an importer never reads
// an absent score as zero.
void set_score(pugi::xml_node node, const char* name, const std::optional<double>& score) {
  if (score) set_number(node, name, *score);
}

void add_dimension(pugi::xml_node parent, const DimensionScore& d) {
  pugi::xml_node node = parent.append_child("dimension");
  set_attribute(node, "name", d.name);
  set_flag(node, "assessed", d.score.has_value());
  set_score(node, "score", d.score);
  append_text(node, "reason", d.reason);
  for (const RuleScore& r : d.rules) {
    pugi::xml_node rule = node.append_child("rule");
    set_attribute(rule, "id", r.rule_id);
    set_flag(rule, "assessed", !r.not_assessed);
    set_count(rule, "entities", r.assessed);
    set_count(rule, "failing", r.failing);
    set_number(rule, "failing-weight", r.failing_weight);
  }
}

void add_org(pugi::xml_node root, const ReportInput& input) {
  pugi::xml_node org = root.append_child("org");
  set_attribute(org, "name", input.org.name);
  if (input.org.as_of) set_attribute(org, "as-of", input.org.as_of->to_string());
  const Headcount& headcount = input.run.headcount;
  set_count(org, "people", headcount.people);
  if (headcount.aggregate_rows) {
    set_count(org, "aggregate-rows", headcount.aggregate_rows);
    set_number(org, "aggregate-fte", headcount.aggregate_fte);
  }
  set_count(org, "units", input.org.units.size());
  for (const std::string& file : input.org.files) set_attribute(org.append_child("input"), "path", file);
}

void add_summary(pugi::xml_node root, const ReportInput& input, const WriteOptions& options) {
  const FindingCounts counts = count_findings(input.run, options);
  pugi::xml_node summary = root.append_child("summary");
  set_count(summary, "findings", input.run.findings.size());
  set_count(summary, "errors", counts.errors());
  set_count(summary, "warnings", counts.warnings());
  set_count(summary, "infos", counts.infos());
  set_count(summary, "not-assessed", counts.not_assessed);
  set_count(summary, "accepted", counts.accepted());
  set_count(summary, "failing", counts.failing);
  set_attribute(summary, "fail-on", options.never_fail ? "never" : to_string(options.fail_on));
}

void add_scores(pugi::xml_node root, const ReportInput& input) {
  pugi::xml_node scores = root.append_child("scores");
  set_flag(scores, "assessed", input.scores.org.has_value());
  set_score(scores, "score", input.scores.org);
  set_score(scores, "data-quality", input.scores.confidence);
  for (const DimensionScore& d : input.scores.dimensions) add_dimension(scores, d);
}

void add_units(pugi::xml_node root, const ReportInput& input) {
  pugi::xml_node units = root.append_child("units");
  for (const UnitScore& s : input.scores.units) {
    const Unit& unit = input.org.units[s.unit];
    pugi::xml_node node = units.append_child("unit");
    set_attribute(node, "id", unit.id);
    set_attribute(node, "name", unit.name);
    set_attribute(node, "kind", to_string(unit.kind));
    if (!unit.parent_id.empty()) set_attribute(node, "parent", unit.parent_id);
    set_count(node, "rank", s.rank);
    set_count(node, "people", s.people);
    set_count(node, "units", s.units);
    set_flag(node, "assessed", s.score.has_value());
    set_score(node, "score", s.score);
    set_score(node, "data-quality", s.confidence);
    // Why the other dimensions are not assessed is said once, for the org, not in every unit.
    for (const DimensionScore& d : input.scores.unit_dimensions(s))
      if (d.score) add_dimension(node, d);
  }
}

void set_location(pugi::xml_node node, const Org& org, const SourceLocation& where) {
  set_attribute(node, "file", where.file < org.files.size() ? std::string_view(org.files[where.file]) : std::string_view());
  set_count(node, "line", where.line);
  set_count(node, "column", where.column);
}

// HR systems match on ids, people read names and titles: the report carries both.
void add_entity(pugi::xml_node parent, const Org& org, const std::string& id, const std::optional<EntityRef>& entity) {
  pugi::xml_node node = parent.append_child("entity");
  set_attribute(node, "id", id);
  if (entity && entity->kind == EntityRef::person) {
    const Person& person = org.people[entity->index];
    set_attribute(node, "kind", "person");
    set_attribute(node, "name", person.name);
    if (!person.title.empty()) set_attribute(node, "title", person.title);
    if (!person.unit_id.empty()) set_attribute(node, "unit", person.unit_id);
  } else if (entity) {
    set_attribute(node, "kind", "unit");
    set_attribute(node, "name", org.units[entity->index].name);
  } else {
    set_attribute(node, "kind", "unknown");  // e.g. the missing manager an integrity finding names
  }
}

void add_finding(pugi::xml_node parent, const ReportInput& input, const WriteOptions& options, const Finding& f) {
  pugi::xml_node node = parent.append_child("finding");
  set_attribute(node, "rule", f.rule_id);
  set_attribute(node, "severity", to_string(f.severity));
  set_attribute(node, "dimension", f.dimension);
  set_attribute(node, "fingerprint", f.fingerprint);
  set_attribute(node, "status", finding_status(f));
  set_flag(node, "fails", fails_run(f, options));
  if (f.not_assessed_note) set_flag(node, "not-assessed", true);
  append_text(node, "message", f.message);
  set_location(node.append_child("location"), input.org, f.where);
  for (std::size_t i = 0; i < f.entity_ids.size(); ++i)
    add_entity(node, input.org, f.entity_ids[i], i < f.entities.size() ? f.entities[i] : std::nullopt);
  // One element per link of a chain (a depth finding can have nine): attributes and text, no children.
  for (const RelatedLocation& r : f.related) {
    pugi::xml_node related = node.append_child("related");
    if (!r.entity_id.empty()) set_attribute(related, "entity", r.entity_id);
    set_location(related, input.org, r.where);
    set_text(related, r.message);
  }
  if (f.suppression) {
    pugi::xml_node s = node.append_child("suppression");
    set_attribute(s, "kind", f.suppression->kind);
    append_text(s, "justification", f.suppression->justification);
  }
}

}  // namespace

std::string write_xml(const ReportInput& input, const WriteOptions& options) {
  pugi::xml_document document;
  pugi::xml_node root = document.append_child("report");
  set_attribute(root, "xmlns", kNamespace);
  set_attribute(root, "version", "1");
  pugi::xml_node tool = root.append_child("tool");
  set_attribute(tool, "name", "orgaudit");
  set_attribute(tool, "version", input.tool_version);
  add_org(root, input);
  add_summary(root, input, options);
  add_scores(root, input);
  add_units(root, input);
  pugi::xml_node findings = root.append_child("findings");
  for (const Finding& f : input.run.findings) add_finding(findings, input, options, f);
  return serialize(document);
}

}  // namespace orgaudit
