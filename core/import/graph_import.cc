#include "import/graph_import.h"

#include "import/directory_records.h"
#include "import/json_import.h"

namespace orgaudit::import {
namespace {

enum Slot : std::size_t { user_name, email_address, employee_id, employee_type, division, cost_center, manager_name };

const DirectoryShape& graph_shape() {
  static const DirectoryShape shape{
      Preset{"graph", "Microsoft Graph users (GET /users?$expand=manager)", RowStyle::plain, {}, {}, {}},
      RecordWords{"user", "property"},
      {{Field::id, "id"},
       {Field::name, "displayName"},
       {Field::first_name, "givenName"},
       {Field::last_name, "surname"},
       {Field::title, "jobTitle"},
       {Field::manager, "manager.id"},
       {Field::unit, "department"},
       {Field::worker_type, "employeeType"}},
      {"username", "email", "employee-id", "employee-type", "division", "cost-center", "manager-name"}};
  return shape;
}

class GraphSink final : public json::RecordSink {
 public:
  GraphSink(Org& org, FileIndex file, const TextLocator& locate, const std::string& path, const RecordLimits& limits)
      : records_(org, file, graph_shape(), locate, limits, locate.size()), path_(path) {}

  void begin(std::size_t offset) override {
    records_.begin(offset);
    enabled_.clear();
    error_.clear();
  }

  // Property names compare without case: PowerShell's `Get-MgUser | ConvertTo-Json` writes `Id`,
  // `DisplayName`, `Manager`.
  void scalar(std::string_view pointer, const json::Scalar& value, std::size_t offset) override {
    key_ = ascii_lower(pointer);
    const std::string_view key = key_, text = value.text;
    if (key == "/id") records_.set(Field::id, text, offset);
    else if (key == "/displayname") records_.set(Field::name, text, offset);
    else if (key == "/givenname") records_.set(Field::first_name, text, offset);
    else if (key == "/surname") records_.set(Field::last_name, text, offset);
    else if (key == "/jobtitle") records_.set(Field::title, text, offset);
    else if (key == "/department") records_.set(Field::unit, text, offset);
    else if (key == "/employeetype") {
      records_.set(Field::worker_type, text, offset);
      records_.set_attribute(employee_type, text, offset);
    } else if (key == "/userprincipalname") records_.set_attribute(user_name, text, offset);
    else if (key == "/mail") records_.set_attribute(email_address, text, offset);
    else if (key == "/employeeid") records_.set_attribute(employee_id, text, offset);
    else if (key == "/employeeorgdata/division") records_.set_attribute(division, text, offset);
    else if (key == "/employeeorgdata/costcenter") records_.set_attribute(cost_center, text, offset);
    else if (key == "/manager/id") records_.set(Field::manager, text, offset);
    else if (key == "/manager/displayname") records_.set_attribute(manager_name, text, offset);
    else if (key == "/accountenabled") {
      enabled_ = text;
      enabled_offset_ = offset;
    }
    else if (key == "/error/code" || key == "/error/message") error_ += (error_.empty() ? "" : ": ") + std::string(text);
  }

  void end(bool top_level) override {
    if (top_level) {  // a whole document that held no `value` array
      const SourceLocation at = records_.record_start();
      throw InputError(Diagnostic{path_, at.line, at.column,
                                  error_.empty() ? "not a Microsoft Graph users page: a top-level object without a 'value' array of users"
                                                 : "this is a Microsoft Graph error response, not users: " + error_});
    }
    if (!enabled_.empty() && records_.says_no("accountEnabled", enabled_, enabled_offset_)) records_.leave_out();
    else records_.add();
  }

  void page(std::size_t) override {
    records_.drop();
    ++pages_;
  }
  void page_end(std::string_view next_link) override { last_next_link_ = next_link; }

  void finish(std::vector<Diagnostic>& warnings) {
    // The warning comes first: an incomplete export explains an error that may follow.
    if (!last_next_link_.empty())
      warnings.push_back({path_, 0, 0, "the last of the " + std::to_string(pages_) + (pages_ == 1 ? " page" : " pages") +
                                           " has an @odata.nextLink: the users after it were not exported, so the org is incomplete"});
    records_.finish(path_, "Graph users", "disabled (accountEnabled: false)", warnings);
  }

 private:
  DirectoryRecords records_;
  const std::string& path_;
  std::string key_;
  std::string enabled_;  // read once the id is known, for a message about it
  std::size_t enabled_offset_ = 0;
  std::string error_;
  std::size_t pages_ = 0;
  std::string last_next_link_;
};

}  // namespace

void load_graph(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
               std::vector<Diagnostic>& warnings, Progress& progress) {
  load_json_export<GraphSink>(files, path, options, org, warnings, progress);
}

}  // namespace orgaudit::import
