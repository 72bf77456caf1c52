// The CSV export shapes orgaudit knows (docs/import.md): which column holds each canonical field,
// in each HR system's own spelling. Data only; column_map.h matches a header against them.
#pragma once

#include <string>
#include <vector>

namespace orgaudit::import {

// The canonical person fields an export can fill (docs/import.md, "Canonical fields").
enum class Field {
  id, name, first_name, last_name, title, grade, manager, dotted, unit, unit_name, position, fte,
  assistant, contractor, vacant, user_facing, external, hiring_approver, pay_approver,
  // Preset-specific: BambooHR employmentStatus, Workday Employee_Type and Contingent_Worker_ID.
  status, worker_type, contingent_id,
  count
};

// The key of a field in a config column map (`columns: {id: ..., user_facing: ...}`).
const char* field_key(Field field);
// The field named by a column-map key; Field::count when none ("user-facing" reads as user_facing).
Field field_from_key(const std::string& key);
// Every key a column map accepts, for did-you-mean messages.
std::vector<std::string> field_keys();

// How rows of an export become people.
enum class RowStyle {
  plain,              // one row per person or post
  organogram_senior,  // UK organogram senior posts: `XX` manager, Vacant/Eliminated/N/D names
  organogram_junior,  // UK organogram junior rows: one aggregate node of N FTE per row
};

struct FieldColumns {
  Field field;
  std::vector<std::string> names;  // candidate column names, preferred first
};

struct Preset {
  std::string name;  // as --preset; the two organogram shapes share "uk-organogram"
  std::string description;
  RowStyle style = RowStyle::plain;
  std::vector<FieldColumns> fields;
  // The fields a header must have for the preset to fit it (detection, and the error when a named
  // preset does not fit). Any one candidate column of each will do.
  std::vector<Field> required;
  std::vector<std::string> attributes;  // columns kept as free attributes when present
  // Ids are e-mail addresses, matched without case (Google Workspace): ids and managers are read in
  // lower case.
  bool ids_ignore_case = false;
  // The unit column holds paths ("/Sales/EMEA"): each becomes a unit under its parent path's unit.
  bool unit_paths = false;
};

// Every preset, the organogram's two shapes as two entries.
const std::vector<Preset>& presets();
// The distinct names, for --preset messages: generic, bamboohr, workday, visio, uk-organogram.
std::vector<std::string> preset_names();

// Header cells compare by their letters and digits only, case-folded: `Employee_ID`, `employee id`
// and `EmployeeID` are one column, as are the organograms' varying spellings. Bytes outside ASCII
// (`£`) are kept.
std::string normalise_column(const std::string& header);

}  // namespace orgaudit::import
