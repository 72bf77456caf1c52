#include "import/column_map.h"

#include <algorithm>
#include <set>

#include "util/diagnostic.h"
#include "util/text.h"

namespace orgaudit::import {
namespace {

constexpr int kDisabled = -2;  // a column map entry with an empty value: do not read this field

struct Header {
  const std::vector<std::string>& cells;
  std::vector<std::string> normalised;

  explicit Header(const std::vector<std::string>& c) : cells(c) {
    for (const std::string& cell : cells) normalised.push_back(normalise_column(cell));
  }
  int find(const std::string& name) const {
    const std::string key = normalise_column(name);
    if (key.empty()) return -1;
    auto at = std::find(normalised.begin(), normalised.end(), key);
    return at == normalised.end() ? -1 : static_cast<int>(at - normalised.begin());
  }
  std::string listing() const {
    std::string text;
    for (std::size_t i = 0; i < cells.size() && i < 12; ++i) text += (i ? ", '" : "'") + cells[i] + "'";
    if (cells.size() > 12) text += ", ... (" + std::to_string(cells.size()) + " columns)";
    return text;
  }
};

const FieldColumns* columns_of(const Preset& preset, Field field) {
  for (const FieldColumns& f : preset.fields)
    if (f.field == field) return &f;
  return nullptr;
}

// The first header column of each required field, or empty when the preset does not fit.
std::vector<int> fit(const Preset& preset, const Header& header, const Layout& mapped) {
  std::vector<int> found;
  for (Field field : preset.required) {
    int column = mapped[field] >= 0 ? mapped[field] : -1;
    if (const FieldColumns* f = columns_of(preset, field); f && column < 0 && mapped[field] != kDisabled)
      for (const std::string& name : f->names)
        if ((column = header.find(name)) >= 0) break;
    if (column < 0) return {};
    found.push_back(column);
  }
  return found;
}

std::string requirement(const Preset& preset) {
  std::string text;
  for (Field field : preset.required) {
    text += text.empty() ? "" : " and ";
    text += std::string(field_key(field)) + " (";
    const FieldColumns* f = columns_of(preset, field);
    for (std::size_t i = 0; f && i < f->names.size(); ++i) text += (i ? " or '" : "'") + f->names[i] + "'";
    text += ")";
  }
  return text;
}

[[noreturn]] void fail(const std::string& path, std::uint32_t line, std::uint32_t column, const std::string& message) {
  throw InputError(Diagnostic{path, line, column, message});
}

}  // namespace

bool is_xml_only_key(const std::string& key) {
  return key == "person" || key == "units" || key.rfind("unit.", 0) == 0 || key == "manager_person" ||
         key == "dotted_person" || key == "incumbent";
}

Layout resolve_layout(const std::vector<std::string>& cells, const LayoutRequest& request,
                      const std::string& path, std::uint32_t line) {
  const Header header(cells);
  const std::string where = request.columns_source.empty() ? "input.columns" : "input.columns in " + request.columns_source;
  Layout mapped;  // the user's column map, over every preset
  std::vector<std::string> attribute_columns;
  for (const auto& [key, value] : request.columns) {
    if (is_xml_only_key(key)) continue;
    if (key == "attributes") {
      for (const std::string& name : split(value, ',')) if (!trim(name).empty()) attribute_columns.push_back(trim(name));
      continue;
    }
    const Field field = field_from_key(key);
    if (field == Field::count) {
      std::vector<std::string> keys = field_keys();
      keys.push_back("attributes");
      const std::string near = did_you_mean(key, keys);
      fail(path, line, 0, "unknown field '" + key + "' in " + where + (near.empty() ? "" : "; did you mean '" + near + "'?"));
    }
    if (trim(value).empty()) {
      mapped[field] = kDisabled;
      continue;
    }
    mapped[field] = header.find(value);
    if (mapped[field] < 0) {
      const std::string near = did_you_mean(value, cells);
      fail(path, line, 0, where + " maps " + key + " to column '" + value + "', which is not in the header" +
                              (near.empty() ? "" : "; did you mean '" + near + "'?") + " (the header has " +
                              header.listing() + ")");
    }
  }

  std::vector<const Preset*> fitting;
  std::string choice = request.preset;
  if (choice.empty() && !request.columns.empty()) choice = "generic";  // a bare column map extends ours
  if (!choice.empty()) {
    const std::vector<std::string> names = preset_names();
    if (std::find(names.begin(), names.end(), choice) == names.end()) {
      const std::string near = did_you_mean(choice, names);
      std::string list;
      for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
      fail(path, 0, 0, "unknown preset '" + choice + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?") +
                           " (presets: " + list + ")");
    }
    std::string needs;
    for (const Preset& p : presets()) {
      if (p.name != choice) continue;
      if (!fit(p, header, mapped).empty()) {
        fitting.push_back(&p);
        break;
      }
      needs += (needs.empty() ? "" : ", or ") + requirement(p);
    }
    if (fitting.empty())
      fail(path, line, 1, "the header does not fit preset '" + choice + "': it needs " + needs +
                              "; the header has " + header.listing() + ". Map the columns with input.columns " +
                              "in .orgaudit.yaml (docs/import.md)");
  } else {
    std::string matches;
    for (const Preset& p : presets()) {
      const std::vector<int> found = fit(p, header, mapped);
      if (found.empty()) continue;
      fitting.push_back(&p);
      matches += (matches.empty() ? "" : ", ") + p.name + " (";
      for (std::size_t i = 0; i < found.size(); ++i) matches += (i ? ", '" : "'") + cells[found[i]] + "'";
      matches += ")";
    }
    if (fitting.size() > 1)
      fail(path, line, 1, "cannot tell which export this is: the header fits " + matches +
                              "; name one with --preset or input.preset in .orgaudit.yaml");
    if (fitting.empty()) {
      std::string known;
      for (const Preset& p : presets()) known += "\n  " + p.name + ": " + requirement(p);
      const bool one_cell = cells.size() == 1;
      fail(path, line, 1, "the header fits no preset: it has " + header.listing() +
                              (one_cell ? " (one column: is the file separated by something other than "
                                          "',', ';', tab or '|'?)" : "") +
                              ". Name the id and manager columns with input.columns in .orgaudit.yaml "
                              "(docs/import.md), or use a preset's columns:" + known);
    }
  }

  Layout layout;
  layout.preset = fitting.front();
  std::vector<bool> used(cells.size(), false);
  for (const FieldColumns& f : layout.preset->fields) {
    if (mapped[f.field] != -1) continue;  // the user's map decides below
    std::vector<int> present;
    for (const std::string& name : f.names)
      if (int c = header.find(name); c >= 0 && std::find(present.begin(), present.end(), c) == present.end())
        present.push_back(c);
    if (present.empty()) continue;
    layout[f.field] = present.front();
    if (present.size() > 1 && f.field == Field::id) layout.id_choices = present;
    if (present.size() > 1 && f.field == Field::manager) layout.manager_choices = present;
  }
  for (int i = 0; i < static_cast<int>(Field::count); ++i) {
    const auto field = static_cast<Field>(i);
    if (mapped[field] != -1) layout[field] = mapped[field] == kDisabled ? -1 : mapped[field];
    // Status columns set flags and stay readable as attributes too (employmentStatus: Contractor).
    if (layout[field] >= 0 && field != Field::status && field != Field::worker_type) used[layout[field]] = true;
  }
  for (int c : layout.id_choices) used[c] = true;
  for (int c : layout.manager_choices) used[c] = true;

  for (const std::string& name : layout.preset->attributes) {
    if (name == "*") {
      for (std::size_t c = 0; c < cells.size(); ++c)
        if (!used[c] && !trim(cells[c]).empty()) layout.attributes.emplace_back(static_cast<int>(c), trim(cells[c]));
      continue;
    }
    const int c = header.find(name);
    if (c >= 0 && !used[c]) layout.attributes.emplace_back(c, trim(cells[c]));
  }
  for (const std::string& name : attribute_columns) {
    const int c = header.find(name);
    if (c < 0) fail(path, line, 0, where + " lists attribute column '" + name + "', which is not in the header");
    if (std::none_of(layout.attributes.begin(), layout.attributes.end(), [&](const auto& a) { return a.first == c; }))
      layout.attributes.emplace_back(c, trim(cells[c]));
  }
  // A header may repeat a name (two "Notes" columns): both are kept, the later named by its column,
  // since an entity's attributes are a mapping (convert writes them as one).
  std::set<std::string> names;
  for (auto& [column, name] : layout.attributes)
    if (!names.insert(name).second) names.insert(name += " (column " + std::to_string(column + 1) + ")");
  return layout;
}

}  // namespace orgaudit::import
