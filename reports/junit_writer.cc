// JUnit XML (the Apache Ant schema CI systems read; docs/outputs.md, "JUnit"): one testsuite per rule
// that ran, one testcase per finding, or one passing testcase for a rule that found nothing. Findings
// at or above --fail-on are failures; suppressed and baselined findings are skipped, with the reason.
#include <ctime>
#include <unordered_map>
#include <vector>

#include "report.h"
#include "writer_support.h"
#include "xml_support.h"

namespace orgaudit {
namespace {

// The schema wants a timestamp without a zone; it is UTC.
std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &parts);
  return buffer;
}

struct SuiteCounts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
};

pugi::xml_node add_case(pugi::xml_node suite, const std::string& classname, const std::string& name) {
  pugi::xml_node testcase = suite.append_child("testcase");
  set_attribute(testcase, "name", name);
  set_attribute(testcase, "classname", classname);
  set_attribute(testcase, "time", "0");
  return testcase;
}

// What a reader of the CI log needs to find and fix it: location, message, the chain, the identity.
std::string failure_detail(const ReportInput& input, const Finding& f) {
  std::string text = format_location(input.org, f.where) + ": " + to_string(f.severity) + ": " + f.message +
                     " [" + f.rule_id + "]\n";
  for (const RelatedLocation& r : f.related) text += "  " + format_location(input.org, r.where) + ": " + r.message + "\n";
  text += "fingerprint: " + f.fingerprint + "\n";
  const std::string doc = rule_doc_path(input.catalog, f.rule_id);
  if (!doc.empty()) text += "how to fix: " + doc + "\n";
  return text;
}

void add_finding(pugi::xml_node suite, const ReportInput& input, const WriteOptions& options, const Finding& f,
                 const RuleOutcome& outcome, SuiteCounts& counts) {
  const std::string name = f.entity_ids.empty() ? f.message : f.entity_ids.front() + ": " + f.message;
  pugi::xml_node testcase = add_case(suite, "orgaudit." + f.rule_id, name);
  ++counts.tests;
  pugi::xml_node child;
  if (outcome.crashed) {
    child = testcase.append_child("error");
    set_attribute(child, "type", "rule-crashed");
    ++counts.errors;
  } else if (f.not_assessed_note) {
    child = testcase.append_child("skipped");
    ++counts.skipped;
  } else if (!f.counts()) {
    child = testcase.append_child("skipped");
    ++counts.skipped;
    const std::string why = f.suppression ? "suppressed (" + f.suppression->kind + "): " + f.suppression->justification
                                          : std::string("unchanged since the baseline");
    set_attribute(child, "message", why);
    return;
  } else if (fails_run(f, options)) {
    child = testcase.append_child("failure");
    set_attribute(child, "type", to_string(f.severity));
    ++counts.failures;
  } else {
    return;  // below --fail-on: passes, and the name says what was found
  }
  if (!child.attribute("message")) set_attribute(child, "message", f.message);
  set_text(child, failure_detail(input, f));
}

void add_suite(pugi::xml_node root, std::size_t id, const ReportInput& input, const WriteOptions& options,
               const RuleOutcome& outcome, const std::vector<const Finding*>& findings, const std::string& timestamp) {
  pugi::xml_node suite = root.append_child("testsuite");
  set_attribute(suite, "name", outcome.rule_id);
  set_attribute(suite, "package", "orgaudit");
  set_count(suite, "id", id);
  set_attribute(suite, "timestamp", timestamp);
  set_attribute(suite, "hostname", "localhost");  // the run's host says nothing about the org
  pugi::xml_node properties = suite.append_child("properties");
  auto property = [&](const char* name, const std::string& value) {
    pugi::xml_node p = properties.append_child("property");
    set_attribute(p, "name", name);
    set_attribute(p, "value", value);
  };
  property("org", input.org.name);
  property("dimension", outcome.dimension);
  property("assessed", outcome.not_assessed ? "not assessed" : std::to_string(outcome.assessed));
  property("documentation", rule_doc_path(input.catalog, outcome.rule_id));

  SuiteCounts counts;
  for (const Finding* f : findings) add_finding(suite, input, options, *f, outcome, counts);
  if (findings.empty()) {
    add_case(suite, "orgaudit." + outcome.rule_id,
             "no findings in " + std::to_string(outcome.assessed) + " assessed entities");
    ++counts.tests;
  }
  suite.append_child("system-out");
  suite.append_child("system-err");
  // Known only now; attribute order means nothing in XML.
  set_count(suite, "tests", counts.tests);
  set_count(suite, "failures", counts.failures);
  set_count(suite, "errors", counts.errors);
  set_count(suite, "skipped", counts.skipped);
  set_attribute(suite, "time", "0");
}

}  // namespace

std::string write_junit(const ReportInput& input, const WriteOptions& options) {
  std::vector<std::vector<const Finding*>> by_outcome(input.run.outcomes.size());
  std::unordered_map<std::string, std::size_t> outcome_of;
  for (std::size_t i = 0; i < input.run.outcomes.size(); ++i) outcome_of.emplace(input.run.outcomes[i].rule_id, i);
  for (const Finding& f : input.run.findings)
    if (auto it = outcome_of.find(f.rule_id); it != outcome_of.end()) by_outcome[it->second].push_back(&f);

  pugi::xml_document document;
  pugi::xml_node root = document.append_child("testsuites");
  const std::string timestamp = utc_timestamp();
  for (std::size_t i = 0; i < input.run.outcomes.size(); ++i)
    add_suite(root, i, input, options, input.run.outcomes[i], by_outcome[i], timestamp);
  return serialize(document);
}

}  // namespace orgaudit
