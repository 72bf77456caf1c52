// Helpers for the importer tests: load text through a MemoryFileSystem, catch the error text.
#pragma once

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "import/csv_import.h"
#include "io/file_system.h"
#include "model/import_log.h"

namespace orgaudit::import::testing {

struct Options {
  std::string preset;
  std::map<std::string, std::string> columns;
  std::uint64_t max_bytes = 1 << 20;
  RecordLimits limits;
  std::string path = "x.csv";
  std::vector<Diagnostic>* warnings = nullptr;  // where load warnings go, when a test reads them
  detail::Split second_thread = detail::Split::by_size;  // XML: whether records are parsed on a second thread

  Options() = default;
  Options(const char* p) : preset(p) {}  // NOLINT: `{"bamboohr"}` reads well in tests
};

inline LoadOptions load_options(const Options& o) {
  LoadOptions options;
  options.preset = o.preset;
  options.columns = o.columns;
  options.max_input_bytes = o.max_bytes;
  options.limits = o.limits;
  return options;
}

inline Org load_csv_text(const std::string& text, const Options& o = {}) {
  MemoryFileSystem files;
  files.add(o.path, text);
  Org org;
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  load_csv(files, o.path, load_options(o), org, o.warnings ? *o.warnings : warnings, progress);
  return org;
}

// "x.csv:L:C: error: ..." for input the importer refuses, or "" when it loads.
inline std::string csv_error(const std::string& text, const Options& o = {}) {
  try {
    load_csv_text(text, o);
  } catch (const InputError& e) {
    return e.diagnostic().format("error");
  }
  return "";
}

inline const Person& person(const Org& org, const std::string& id) {
  for (const Person& p : org.people)
    if (p.id == id) return p;
  FAIL("no person '" << id << "'");
  throw;
}

// Two records of one person read two ways (another thread, another format) hold the same fields.
inline void check_same_record(const Person& a, const Person& b) {
  INFO("person " << a.id);
  CHECK(a.id == b.id);
  CHECK(a.name == b.name);
  CHECK(a.title == b.title);
  CHECK(a.manager_id == b.manager_id);
  CHECK(a.dotted_ids == b.dotted_ids);
  CHECK(a.unit_id == b.unit_id);
  CHECK(a.fte == b.fte);
  CHECK(a.flags == b.flags);
  REQUIRE(a.attributes.size() == b.attributes.size());
  for (std::size_t k = 0; k < a.attributes.size(); ++k) {
    CHECK(a.attributes[k].key == b.attributes[k].key);
    CHECK(a.attributes[k].value == b.attributes[k].value);
  }
}

// Everything an import leaves in the org, field by field: one input read two ways (one thread
// or two) gives the same people, units, ids and import log.
inline void check_same_import(const Org& a, const Org& b) {
  REQUIRE(a.people.size() == b.people.size());
  for (std::size_t i = 0; i < a.people.size(); ++i) {
    const Person& p = a.people[i];
    const Person& q = b.people[i];
    check_same_record(p, q);
    CHECK(p.grade == q.grade);
    CHECK(p.approver(&Approvers::hiring_id) == q.approver(&Approvers::hiring_id));
    CHECK(p.approver(&Approvers::pay_id) == q.approver(&Approvers::pay_id));
    CHECK(p.where == q.where);
    CHECK(p.manager_where == q.manager_where);
    CHECK(p.dotted_where == q.dotted_where);
    CHECK(a.find_person(p.id) == b.find_person(q.id));
  }
  REQUIRE(a.units.size() == b.units.size());
  for (std::size_t i = 0; i < a.units.size(); ++i) {
    INFO("unit " << a.units[i].id);
    CHECK(a.units[i].id == b.units[i].id);
    CHECK(a.units[i].name == b.units[i].name);
    CHECK(a.units[i].implied == b.units[i].implied);
    CHECK(a.units[i].where == b.units[i].where);
  }
  const auto& issues = a.import_log->issues;
  const auto& other_issues = b.import_log->issues;
  REQUIRE(issues.size() == other_issues.size());
  for (std::size_t i = 0; i < issues.size(); ++i) {
    INFO("issue " << i << ": " << issues[i].message);
    CHECK(issues[i].kind == other_issues[i].kind);
    CHECK(issues[i].message == other_issues[i].message);
    CHECK(issues[i].entity_id == other_issues[i].entity_id);
    CHECK(issues[i].where == other_issues[i].where);
  }
  CHECK(a.import_log->records == b.import_log->records);
  CHECK(a.import_log->people_indexed == b.import_log->people_indexed);
}

}  // namespace orgaudit::import::testing
