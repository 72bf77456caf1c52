// SARIF 2.1.0 for code-scanning services (docs/outputs.md, "SARIF"): one run, every loaded rule as a
// reportingDescriptor, one result per finding up to GitHub's limits, most severe first. Suppressed
// findings stay in, with a `suppressions` entry, so the service can show them as dismissed rather
// than lose them.
#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "html/rule_docs.h"
#include "io/file_system.h"
#include "json.h"
#include "report.h"
#include "rule_help.h"
#include "writer_support.h"

namespace orgaudit {
namespace {

constexpr const char* kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
// Relative artifact URIs resolve against the checkout root, which only the consumer knows.
constexpr const char* kSourceRoot = "%SRCROOT%";

// GitHub code scanning's documented limits ("SARIF results exceed one or more limits"): it keeps the
// top 5,000 results of a run (and rejects a run of more than 25,000), and shows 100 locations of a
// result (rejecting more than 1,000). Writing no more than it keeps means nothing is dropped
// silently: the run says what it left out, and the JSON output has everything.
constexpr std::size_t kMaxResults = 5000;
constexpr std::size_t kMaxRelatedLocations = 100;

const char* sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: break;
  }
  return "note";
}

void text_message(JsonWriter& w, const char* key, const std::string& text) {
  w.key(key).begin_object().key("text").value(text).end_object();
}

// Each input's URI, encoded once rather than for every one of a large run's locations. Columns are
// written as the loaders give them: every importer counts code points, as columnKind says.
struct Artifacts {
  std::vector<std::string> uris;
  std::vector<bool> relative;  // resolved against %SRCROOT%

  explicit Artifacts(const Org& org) {
    for (const std::string& path : org.files) {
      uris.push_back(path_to_uri(path));
      relative.push_back(path.empty() || path.front() != '/');
    }
  }
};

void physical_location(JsonWriter& w, const Artifacts& artifacts, const SourceLocation& where) {
  const bool known_file = where.file < artifacts.uris.size();
  w.key("physicalLocation").begin_object();
  w.key("artifactLocation").begin_object().key("uri").value(known_file ? std::string_view(artifacts.uris[where.file]) : "");
  if (!known_file || artifacts.relative[where.file]) w.key("uriBaseId").value(kSourceRoot);
  w.end_object();
  if (where.known())
    w.key("region").begin_object().key("startLine").value(where.line).key("startColumn").value(where.column).end_object();
  w.end_object();
}

void logical_location(JsonWriter& w, const std::string& entity_id) {
  if (entity_id.empty()) return;
  w.key("logicalLocations").begin_array();
  w.begin_object().key("name").value(entity_id).key("kind").value("object").end_object();
  w.end_array();
}

// What GitHub's rule panel shows: the page's help embedded, so it needs no link; helpUri (which must
// be absolute) only when --rule-docs-url says where the pages are published.
void write_rules(JsonWriter& w, const RuleCatalog& catalog, const std::string& docs_url) {
  w.key("rules").begin_array();
  for (const CatalogEntry& rule : catalog.entries()) {
    const RuleHelp help = rule_help(rule.info, html::find_rule_doc(RealFileSystem(), rule.info));
    w.begin_object();
    w.key("id").value(rule.info.id);
    text_message(w, "shortDescription", rule.info.summary);
    text_message(w, "fullDescription", help.full_description);
    w.key("help").begin_object().key("text").value(help.text).key("markdown").value(help.markdown).end_object();
    // A YAML rule's page is its `doc`, published nowhere: no link.
    if (!docs_url.empty() && !catalog.is_users_rule(rule.info.id)) w.key("helpUri").value(rule_doc_url(docs_url, rule));
    w.key("defaultConfiguration").begin_object().key("level").value(sarif_level(rule.info.default_severity)).end_object();
    w.key("properties").begin_object();
    w.key("pack").value(rule.info.pack).key("dimension").value(rule.info.dimension);
    w.key("tags").begin_array().value("organisation").value(rule.info.dimension).end_array();
    w.end_object();
    w.end_object();
  }
  w.end_array();
}

void write_suppression(JsonWriter& w, const Artifacts& artifacts, const FindingSuppression& s) {
  w.key("suppressions").begin_array().begin_object();
  // An `# orgaudit-ignore` comment sits in the org file itself; a config entry is outside it.
  w.key("kind").value(s.kind == "inline" ? "inSource" : "external");
  w.key("status").value("accepted");
  w.key("justification").value(s.justification);
  if (s.where.known()) {
    w.key("location").begin_object();
    physical_location(w, artifacts, s.where);
    w.end_object();
  }
  w.end_object().end_array();
}

void write_result(JsonWriter& w, const Artifacts& artifacts, const Finding& f,
                  const std::unordered_map<std::string, std::size_t>& rule_index) {
  w.begin_object();
  w.key("ruleId").value(f.rule_id);
  if (auto index = rule_index.find(f.rule_id); index != rule_index.end()) w.key("ruleIndex").value(index->second);
  w.key("level").value(sarif_level(f.severity));
  text_message(w, "message", f.message);
  w.key("locations").begin_array().begin_object();
  physical_location(w, artifacts, f.where);
  logical_location(w, f.entity_ids.empty() ? std::string() : f.entity_ids.front());
  w.end_object().end_array();
  w.key("partialFingerprints").begin_object().key("orgauditEntities/v1").value(f.fingerprint).end_object();
  const std::size_t related = std::min(f.related.size(), kMaxRelatedLocations);
  if (related > 0) {
    w.key("relatedLocations").begin_array();
    for (std::size_t i = 0; i < related; ++i) {
      const RelatedLocation& r = f.related[i];
      w.begin_object().key("id").value(i + 1);
      physical_location(w, artifacts, r.where);
      logical_location(w, r.entity_id);
      text_message(w, "message", r.message);
      w.end_object();
    }
    w.end_array();
  }
  if (f.suppression) write_suppression(w, artifacts, *f.suppression);
  if (f.baseline != BaselineState::none)
    w.key("baselineState").value(f.baseline == BaselineState::unchanged ? "unchanged" : "new");
  w.key("properties").begin_object().key("dimension").value(f.dimension);
  w.key("entities").begin_array();
  for (const std::string& id : f.entity_ids) w.value(id);
  w.end_array();
  if (related < f.related.size()) w.key("relatedLocationsOmitted").value(f.related.size() - related);
  w.end_object();
  w.end_object();
}

// Which results a run keeps when it cannot keep them all, and the order it lists them in: open
// findings before accepted (suppressed) ones, then errors, warnings and notes, each group in file
// order. The rules' "not assessed" notes are no results (see write_not_assessed).
constexpr std::size_t kPriorities = 6;
std::size_t priority(const Finding& f) { return (f.suppression ? 3 : 0) + 2 - static_cast<std::size_t>(f.severity); }

struct ChosenResults {
  std::vector<const Finding*> results;
  std::vector<const Finding*> not_assessed;  // every one: a few per run, one per rule at most
  std::size_t findings = 0;                  // the findings that are results, kept or not
  std::size_t omitted = 0;
};

// Bucketed rather than sorted: linear in the findings, and file order within a bucket for free.
ChosenResults choose_results(const std::vector<Finding>& findings) {
  std::array<std::vector<const Finding*>, kPriorities> buckets;
  ChosenResults chosen;
  for (const Finding& f : findings) {
    if (f.not_assessed_note) chosen.not_assessed.push_back(&f);
    else buckets[priority(f)].push_back(&f);
  }
  chosen.findings = findings.size() - chosen.not_assessed.size();
  chosen.results.reserve(std::min(chosen.findings, kMaxResults));
  for (const auto& bucket : buckets)
    for (const Finding* f : bucket)
      if (chosen.results.size() < kMaxResults) chosen.results.push_back(f);
  chosen.omitted = chosen.findings - chosen.results.size();
  return chosen;
}

// "This rule lacks the data it needs" is a fact about the run, not a problem found: a tool execution
// notification at level note, tied to its rule, rather than a result (a result whose kind is not
// "fail" must have level none, SARIF 3.27.10, and code scanning would list it among the alerts).
void write_not_assessed(JsonWriter& w, const Artifacts& artifacts, const Finding& f,
                        const std::unordered_map<std::string, std::size_t>& rule_index) {
  w.begin_object();
  w.key("level").value("note");
  w.key("descriptor").begin_object().key("id").value("rule-not-assessed").end_object();
  w.key("associatedRule").begin_object().key("id").value(f.rule_id);
  if (auto index = rule_index.find(f.rule_id); index != rule_index.end()) w.key("index").value(index->second);
  w.end_object();
  text_message(w, "message", f.message);
  w.key("locations").begin_array().begin_object();
  physical_location(w, artifacts, f.where);
  w.end_object().end_array();
  w.end_object();
}

// The run always says it completed; when results were left out, a warning says how many and where
// the rest are, and each rule that could not assess this org says so in a note. Code scanning shows
// tool execution notifications on its tool status page.
void write_invocation(JsonWriter& w, const Artifacts& artifacts, const ChosenResults& chosen,
                      const std::unordered_map<std::string, std::size_t>& rule_index) {
  w.key("invocations").begin_array().begin_object();
  w.key("executionSuccessful").value(true);
  if (chosen.omitted == 0 && chosen.not_assessed.empty()) {
    w.end_object().end_array();
    return;
  }
  w.key("toolExecutionNotifications").begin_array();
  for (const Finding* f : chosen.not_assessed) write_not_assessed(w, artifacts, *f, rule_index);
  if (chosen.omitted > 0) {
    const std::size_t findings = chosen.findings;
    w.begin_object();
    w.key("level").value("warning");
    w.key("descriptor").begin_object().key("id").value("sarif-results-limit").end_object();
    text_message(w, "message",
                 std::to_string(chosen.omitted) + " of " + std::to_string(findings) +
                     " findings are left out of this run: GitHub code scanning keeps at most " +
                     std::to_string(kMaxResults) +
                     " results a run, so only the most severe are listed (open before suppressed; errors, then "
                     "warnings, then notes; each in file order). The JSON output (--format json) has all " +
                     std::to_string(findings) + ".");
    w.key("properties").begin_object();
    w.key("findings").value(findings).key("results").value(chosen.results.size()).key("omitted").value(chosen.omitted);
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.end_object().end_array();
}

// The scores ride along in the run's property bag: SARIF has no place of its own for them.
void write_run_properties(JsonWriter& w, const ReportInput& input) {
  auto optional = [&w](const std::optional<double>& score) { score ? w.value(*score) : w.null(); };
  w.key("properties").begin_object();
  w.key("org").value(input.org.name);
  w.key("score");
  optional(input.scores.org);
  w.key("dataQuality");
  optional(input.scores.confidence);
  w.key("dimensions").begin_array();
  for (const DimensionScore& d : input.scores.dimensions) {
    w.begin_object().key("name").value(d.name).key("score");
    optional(d.score);
    w.key("reason").value(d.reason).end_object();
  }
  w.end_array();
  w.end_object();
}

void write_document(JsonWriter& w, const ReportInput& input, const WriteOptions& options) {
  std::unordered_map<std::string, std::size_t> rule_index;
  for (const CatalogEntry& rule : input.catalog.entries()) rule_index.emplace(rule.info.id, rule_index.size());

  w.begin_object();
  w.key("$schema").value(kSchemaUri);
  w.key("version").value("2.1.0");
  w.key("runs").begin_array().begin_object();
  w.key("tool").begin_object().key("driver").begin_object();
  w.key("name").value("orgaudit");
  w.key("version").value(input.tool_version);
  w.key("semanticVersion").value(input.tool_version);
  write_rules(w, input.catalog, options.rule_docs_url);
  w.end_object().end_object();
  // Relative artifact URIs resolve against the directory orgaudit ran in, which only the consumer
  // knows by its own name (the checkout root, for a CI job run there): declared, without a uri.
  w.key("originalUriBaseIds").begin_object().key(kSourceRoot).begin_object();
  text_message(w, "description",
               "the directory orgaudit ran in (the repository root in CI): relative paths of the org files resolve against it");
  w.end_object().end_object();
  w.key("columnKind").value("unicodeCodePoints");
  const ChosenResults chosen = choose_results(input.run.findings);
  const Artifacts artifacts(input.org);
  write_invocation(w, artifacts, chosen, rule_index);
  w.key("results").begin_array();
  for (const Finding* f : chosen.results) write_result(w, artifacts, *f, rule_index);
  w.end_array();
  write_run_properties(w, input);
  w.end_object().end_array();
  w.end_object();
}

}  // namespace

// Compact: SARIF is read by tools, and upload limits count bytes.
std::string write_sarif(const ReportInput& input, const WriteOptions& options) {
  JsonWriter w(0);
  write_document(w, input, options);
  return w.take();
}

void stream_sarif(const ReportInput& input, const WriteOptions& options, std::ostream& out) {
  JsonWriter w(out, 0);
  write_document(w, input, options);
  w.flush();
}

}  // namespace orgaudit
