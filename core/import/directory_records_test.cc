// DirectoryRecords builds rows on a second thread for large exports: the org must come out the
// same as when every row is built as it is added, issues and skips in the same order among them.
#include "import/directory_records.h"

#include <catch2/catch.hpp>

#include <thread>

#include "directory_test_support.h"
#include "model/import_log.h"

using namespace orgaudit;
using namespace orgaudit::import;

namespace {

const DirectoryShape& shape() {
  static const DirectoryShape shape{Preset{"test", "test records", RowStyle::plain, {}, {}, {}},
                                    RecordWords{"record", "attribute"},
                                    {{Field::id, "id"}, {Field::name, "name"}, {Field::manager, "manager"}, {Field::unit, "unit"}},
                                    {"email"}};
  return shape;
}

// One record a line: "id name manager unit email", at known offsets; every kind of step along the
// way, over several of the thread's batches.
std::string text_of_records(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string id = i % 997 == 5 ? "" : i % 1009 == 7 ? "p3" : "p" + std::to_string(i);
    text += id + " name" + std::to_string(i) + " p" + std::to_string(i / 4) + " unit" + std::to_string(i % 13) + " e" +
            std::to_string(i) + "@x\n";
  }
  return text;
}

void read_all(std::string_view text, DirectoryRecords& records) {
  std::size_t at = 0, n = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at);
    records.begin(at);
    std::size_t field = 0;
    for (std::size_t start = at; start < end; ++field) {
      const std::size_t space = std::min(text.find(' ', start), end);
      const std::string_view value = text.substr(start, space - start);
      if (field == 0 && !value.empty()) records.set(Field::id, value, start);
      if (field == 1) records.set(Field::name, value, start);
      if (field == 2) records.set(Field::manager, value, start);
      if (field == 3) records.set(Field::unit, value, start);
      if (field == 4) records.set_attribute(0, value, start);
      start = space + 1;
    }
    if (n % 501 == 3) records.issue(ImportIssue::bad_value, "issue " + std::to_string(n), "", at + 2);
    if (n % 733 == 9) records.skip("skipped " + std::to_string(n));
    else if (n % 211 == 4) records.leave_out();
    else records.add();
    at = end + 1;
    ++n;
  }
}

struct Result {
  std::vector<std::string> people, issues;
  std::vector<Diagnostic> warnings;
};

Result load(const std::string& text, std::size_t export_bytes, bool& threaded, const RecordLimits& limits = RecordLimits{}) {
  Org org;
  const FileIndex file = org.add_file("x.txt");
  const TextLocator locate(text, file);
  DirectoryRecords records(org, file, shape(), locate, limits, export_bytes);
  threaded = records.builds_rows_on_thread();
  read_all(text, records);
  DirectoryGroups groups(org, records);
  groups.define("g1", "Group", records.record_start(), "group");
  groups.member("g1", "p0", records.record_start());
  groups.finish();
  Result result;
  records.finish("x.txt", "records", "left out", result.warnings);
  for (const Person& p : org.people)
    result.people.push_back(p.id + "|" + p.name + "|" + p.manager_id + "|" + p.unit_id + "|" + std::to_string(p.where.line) + ":" +
                            std::to_string(p.where.column) + "|" + std::to_string(p.manager_where.column));
  result.issues = testing::issues(org);
  return result;
}

}  // namespace

TEST_CASE("directory records: rows built on a second thread make the same org, issues in the same order", "[directory-records]") {
  const std::string text = text_of_records(9000);  // four of the thread's batches and more
  bool inline_threaded = true, threaded = false;
  const Result inline_rows = load(text, 0, inline_threaded);
  const Result thread_rows = load(text, DirectoryRecords::kRowsThreadMinBytes, threaded);
  CHECK_FALSE(inline_threaded);
  if (std::thread::hardware_concurrency() > 1) CHECK(threaded);
  REQUIRE(inline_rows.people.size() > 8000);
  CHECK(inline_rows.issues.size() > 40);  // duplicates, no ids, issues and skips
  CHECK(thread_rows.people == inline_rows.people);
  CHECK(thread_rows.issues == inline_rows.issues);
  REQUIRE(thread_rows.warnings.size() == 1);
  CHECK(thread_rows.warnings[0].message == inline_rows.warnings[0].message);
}

TEST_CASE("directory records: a limit passed stops the load at the same record with rows on a thread", "[directory-records]") {
  const std::string text = text_of_records(9000);
  RecordLimits few;
  few.max_records = 5000;
  RecordLimits short_values;
  short_values.max_field_bytes = 7;  // "name1000", of record 1000, is the first value over
  for (const RecordLimits* limits : {&few, &short_values}) {
    std::string errors[2];
    for (int threads = 0; threads < 2; ++threads) {
      bool threaded = false;
      try {
        load(text, threads ? DirectoryRecords::kRowsThreadMinBytes : 0, threaded, *limits);
      } catch (const InputError& e) {
        errors[threads] = e.what();
      }
    }
    INFO(errors[0]);
    CHECK(errors[0].find("limit") != std::string::npos);
    CHECK(errors[1] == errors[0]);
  }
}
