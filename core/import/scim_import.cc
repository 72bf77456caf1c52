#include "import/scim_import.h"

#include "import/directory_records.h"
#include "import/json_import.h"

namespace orgaudit::import {
namespace {

constexpr std::string_view kEnterprise = "/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

enum Slot : std::size_t { user_name, external_id, email_address, employee_number, cost_center, organization, division, user_type, manager_name };

const DirectoryShape& scim_shape() {
  static const DirectoryShape shape{
      Preset{"scim", "SCIM 2.0 User resources (RFC 7643)", RowStyle::plain, {}, {}, {}},
      RecordWords{"resource", "attribute"},
      {{Field::id, "id"},
       {Field::name, "displayName"},
       {Field::first_name, "name.givenName"},
       {Field::last_name, "name.familyName"},
       {Field::title, "title"},
       {Field::manager, "manager.value"},
       {Field::unit, "department"},
       {Field::worker_type, "userType"}},
      {"username", "external-id", "email", "employee-number", "cost-center", "organization", "division", "user-type",
       "manager-name"}};
  return shape;
}

// One resource as it streams past: user values go straight to the records; what decides the kind
// of resource, and a group's own values, wait for its end.
class ScimSink final : public json::RecordSink {
 public:
  ScimSink(Org& org, FileIndex file, const TextLocator& locate, const std::string& path, const RecordLimits& limits)
      : records_(org, file, scim_shape(), locate, limits, locate.size()), groups_(org, records_), path_(path) {}

  void begin(std::size_t offset) override {
    records_.begin(offset);
    group_ = error_ = false;
    active_.clear();
    formatted_.clear();
    group_name_.clear();
    error_detail_.clear();
    emails_.clear();
    members_.clear();
  }

  void scalar(std::string_view pointer, const json::Scalar& value, std::size_t offset) override {
    const std::string_view text = value.text;
    if (pointer.rfind("/schemas/", 0) == 0) {
      group_ |= text == "urn:ietf:params:scim:schemas:core:2.0:Group";
      error_ |= text == "urn:ietf:params:scim:api:messages:2.0:Error";
    } else if (pointer == "/meta/resourceType") {
      group_ |= text == "Group";
    } else if (pointer == "/id") {
      records_.set(Field::id, text, offset);
    } else if (pointer == "/displayName") {
      records_.set(Field::name, text, offset);
      group_name_ = text;
    } else if (pointer == "/name/formatted") {
      formatted_ = text;
      formatted_offset_ = offset;
    } else if (pointer == "/name/givenName") {
      records_.set(Field::first_name, text, offset);
    } else if (pointer == "/name/familyName") {
      records_.set(Field::last_name, text, offset);
    } else if (pointer == "/title") {
      records_.set(Field::title, text, offset);
    } else if (pointer == "/userType") {
      records_.set(Field::worker_type, text, offset);
      records_.set_attribute(user_type, text, offset);
    } else if (pointer == "/userName") {
      records_.set_attribute(user_name, text, offset);
    } else if (pointer == "/externalId") {
      records_.set_attribute(external_id, text, offset);
    } else if (pointer == "/active") {
      active_ = text;
      active_offset_ = offset;
    } else if (pointer.rfind("/emails/", 0) == 0) {
      email(pointer.substr(8), text, offset);
    } else if (pointer.rfind("/members/", 0) == 0) {
      member(pointer.substr(9), text, offset);
    } else if (pointer.rfind(kEnterprise, 0) == 0) {
      enterprise(pointer.substr(kEnterprise.size()), text, offset);
    } else if (pointer == "/detail" || pointer == "/status") {
      error_detail_ += (error_detail_.empty() ? "" : " ") + std::string(text);
    }
  }

  void end(bool) override {
    if (error_) {
      const SourceLocation at = records_.record_start();
      throw InputError(Diagnostic{path_, at.line, at.column, "this is a SCIM error response, not users" +
                                                                 (error_detail_.empty() ? std::string() : ": " + error_detail_)});
    }
    if (group_) {
      end_group();
      return;
    }
    keep_email();
    if (records_.value(Field::name).empty() && !formatted_.empty()) records_.set(Field::name, formatted_, formatted_offset_);
    if (!active_.empty() && records_.says_no("active", active_, active_offset_)) records_.leave_out();
    else records_.add();
  }

  void page(std::size_t) override { records_.drop(); }

  void finish(std::vector<Diagnostic>& warnings) {
    groups_.finish();
    records_.finish(path_, "SCIM resources", "inactive (active: false)", warnings);
  }

 private:
  // `emails` is a list of {value, type, primary}: the primary address is kept, else the first.
  void email(std::string_view rest, std::string_view text, std::size_t offset) {
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos) return;
    const std::string_view index = rest.substr(0, slash), key = rest.substr(slash + 1);
    if (key != "value" && key != "primary") return;
    if (emails_.empty() || emails_.back().index != index) emails_.push_back({std::string(index), {}, 0, false});
    Email& e = emails_.back();
    if (key == "value") {
      e.value = text;
      e.offset = offset;
    } else {
      e.primary = text == "true";
    }
  }

  void keep_email() {
    const Email* kept = nullptr;
    for (const Email& e : emails_)
      if (!e.value.empty() && (!kept || (e.primary && !kept->primary))) kept = &e;
    if (kept) records_.set_attribute(email_address, kept->value, kept->offset);
  }

  void member(std::string_view rest, std::string_view text, std::size_t offset) {
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos || rest.substr(slash + 1) != "value") return;
    members_.push_back({std::string(text), records_.locate(offset)});
  }

  void enterprise(std::string_view key, std::string_view text, std::size_t offset) {
    if (key == "/manager/value" || key == "/manager") records_.set(Field::manager, text, offset);
    else if (key == "/manager/displayName") records_.set_attribute(manager_name, text, offset);
    else if (key == "/department") records_.set(Field::unit, text, offset);
    else if (key == "/employeeNumber") records_.set_attribute(employee_number, text, offset);
    else if (key == "/costCenter") records_.set_attribute(cost_center, text, offset);
    else if (key == "/organization") records_.set_attribute(organization, text, offset);
    else if (key == "/division") records_.set_attribute(division, text, offset);
  }

  void end_group() {
    const std::string id(records_.value(Field::id));
    if (id.empty()) {
      records_.skip("a Group resource has no 'id'");
      return;
    }
    if (groups_.define(id, group_name_, records_.record_start(), "resource") == kNoIndex) return;
    for (auto& m : members_) groups_.member(id, std::move(m.first), m.second);
  }

  DirectoryRecords records_;
  DirectoryGroups groups_;
  const std::string& path_;
  bool group_ = false, error_ = false;
  std::string active_;  // read once the id is known, for a message about it
  std::size_t active_offset_ = 0;
  std::string formatted_, group_name_, error_detail_;
  std::size_t formatted_offset_ = 0;
  struct Email {
    std::string index, value;
    std::size_t offset;
    bool primary;
  };
  std::vector<Email> emails_;
  std::vector<std::pair<std::string, SourceLocation>> members_;
};

}  // namespace

void load_scim(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
               std::vector<Diagnostic>& warnings, Progress& progress) {
  load_json_export<ScimSink>(files, path, options, org, warnings, progress);
}

}  // namespace orgaudit::import
