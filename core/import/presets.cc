#include "import/presets.h"

#include <cctype>

namespace orgaudit::import {
namespace {

// Column-map keys, indexed by Field. `unit_name` names an implied unit (Workday's Team_Name).
const char* const kFieldKeys[] = {
    "id", "name", "first_name", "last_name", "title", "grade", "manager", "dotted", "unit",
    "unit_name", "position", "fte", "assistant", "contractor", "vacant", "user_facing", "external",
    "hiring_approver", "pay_approver", "status", "worker_type", "contingent_id"};
static_assert(sizeof kFieldKeys / sizeof kFieldKeys[0] == static_cast<std::size_t>(Field::count));

std::vector<Preset> make_presets() {
  using F = Field;
  std::vector<Preset> all;
  all.push_back({"generic", "orgaudit's own CSV: id, manager_id, name, title, unit, grade, fte, flags",
                 RowStyle::plain,
                 {{F::id, {"id"}},
                  {F::manager, {"manager_id", "manager"}},
                  {F::name, {"name"}},
                  {F::title, {"title"}},
                  {F::grade, {"grade"}},
                  {F::unit, {"unit", "unit_id"}},
                  {F::dotted, {"dotted_manager_ids", "dotted"}},
                  {F::position, {"position", "position_id"}},
                  {F::fte, {"fte"}},
                  {F::assistant, {"assistant"}},
                  {F::contractor, {"contractor"}},
                  {F::vacant, {"vacant"}},
                  {F::user_facing, {"user_facing"}},
                  {F::external, {"external"}},
                  {F::hiring_approver, {"hiring_approver_id", "hiring_approver"}},
                  {F::pay_approver, {"pay_approver_id", "pay_approver"}}},
                 {F::id, F::manager},
                 {"*"}});  // our own format: every other column is an attribute
  all.push_back({"bamboohr", "BambooHR employee report (id or employeeNumber, supervisorEId or supervisorId)",
                 RowStyle::plain,
                 {{F::id, {"id", "employeeNumber"}},
                  {F::manager, {"supervisorEId", "supervisorId"}},
                  {F::name, {"displayName"}},
                  {F::first_name, {"firstName"}},
                  {F::last_name, {"lastName"}},
                  {F::title, {"jobTitle"}},
                  {F::unit, {"department"}},
                  {F::status, {"employmentStatus"}}},
                 {F::id, F::manager},
                 {"division", "location", "employmentStatus"}});
  all.push_back({"workday", "Workday custom report (Employee_ID, Manager_ID, Full_Name, Team_ID)",
                 RowStyle::plain,
                 {{F::id, {"Employee_ID"}},
                  {F::manager, {"Manager_ID"}},
                  {F::name, {"Full_Name"}},
                  {F::title, {"Job_Title", "Business_Title"}},
                  {F::unit, {"Team_ID", "Team_Name"}},
                  {F::unit_name, {"Team_Name"}},
                  {F::worker_type, {"Employee_Type", "Worker_Type"}},
                  {F::contingent_id, {"Contingent_Worker_ID"}}},
                 {F::id, F::manager},
                 {"Location", "Employee_Type", "Termination_Date"}});
  all.push_back({"visio", "Visio Org Chart Wizard (Unique_ID or Name, Reports_To)", RowStyle::plain,
                 {{F::id, {"Unique_ID", "Name"}},
                  {F::manager, {"Reports_To"}},
                  {F::name, {"Name"}},
                  {F::title, {"Title"}},
                  {F::unit, {"Department"}}},
                 {F::id, F::manager},
                 {}});
  all.push_back({"uk-organogram", "UK government organogram, senior posts (Post Unique Reference)",
                 RowStyle::organogram_senior,
                 {{F::id, {"Post Unique Reference"}},
                  {F::manager, {"Reports to Senior Post"}},
                  {F::name, {"Name"}},
                  {F::title, {"Job Title"}},
                  {F::grade, {"Grade (or equivalent)", "Grade"}},
                  {F::unit, {"Unit"}},
                  {F::fte, {"FTE"}}},
                 {F::id, F::manager},
                 {"Organisation", "Professional/Occupational Group"}});
  all.push_back({"uk-organogram", "UK government organogram, junior posts (Reporting Senior Post)",
                 RowStyle::organogram_junior,
                 {{F::manager, {"Reporting Senior Post"}},
                  {F::title, {"Generic Job Title"}},
                  {F::grade, {"Grade"}},
                  {F::unit, {"Unit"}},
                  {F::fte, {"Number of Posts in FTE"}}},
                 {F::manager, F::fte},
                 {"Organisation", "Professional/Occupational Group"}});
  all.push_back({"google-workspace", "Google Workspace admin console user export (Email Address, Manager Email, Org Unit Path)",
                 RowStyle::plain,
                 {{F::id, {"Email Address [Required]", "Email Address"}},
                  {F::manager, {"Manager Email"}},
                  {F::first_name, {"First Name [Required]", "First Name"}},
                  {F::last_name, {"Last Name [Required]", "Last Name"}},
                  {F::title, {"Employee Title"}},
                  {F::unit, {"Org Unit Path [Required]", "Org Unit Path"}},
                  {F::worker_type, {"Employee Type"}}},
                 {F::id, F::unit},
                 {"Employee ID", "Employee Type", "Department", "Cost Center"},
                 true,
                 true});
  return all;
}

}  // namespace

const char* field_key(Field field) { return kFieldKeys[static_cast<int>(field)]; }

Field field_from_key(const std::string& key) {
  std::string k = key;
  for (char& c : k)
    if (c == '-') c = '_';
  for (int i = 0; i < static_cast<int>(Field::count); ++i)
    if (k == kFieldKeys[i]) return static_cast<Field>(i);
  return Field::count;
}

std::vector<std::string> field_keys() { return {std::begin(kFieldKeys), std::end(kFieldKeys)}; }

const std::vector<Preset>& presets() {
  static const std::vector<Preset> kPresets = make_presets();
  return kPresets;
}

std::vector<std::string> preset_names() {
  std::vector<std::string> names;
  for (const Preset& p : presets())
    if (names.empty() || names.back() != p.name) names.push_back(p.name);
  return names;
}

std::string normalise_column(const std::string& header) {
  std::string out;
  out.reserve(header.size());
  for (unsigned char c : header) {
    if (c >= 0x80) out += static_cast<char>(c);
    else if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
  }
  return out;
}

}  // namespace orgaudit::import
