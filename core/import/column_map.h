// Matches a CSV header against the presets and the user's column map: which column holds each
// canonical field. Detection by header when no preset is named; an ambiguous header is an error
// that lists the candidates, never a guess.
#pragma once

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "import/presets.h"

namespace orgaudit::import {

struct LayoutRequest {
  std::string preset;                          // --preset / input.preset; empty: detect
  std::map<std::string, std::string> columns;  // input.columns: field key -> column name
  std::string columns_source;                  // the config file the map came from, for messages
};

struct Layout {
  const Preset* preset = nullptr;
  std::array<int, static_cast<std::size_t>(Field::count)> column;  // 0-based; -1: not in this export
  std::vector<std::pair<int, std::string>> attributes;            // column, attribute key
  // Several columns could hold the id or the manager (BambooHR's id/employeeNumber and
  // supervisorEId/supervisorId, Visio's Unique_ID/Name): the importer picks the pair whose values
  // match, by reading the rows. Empty when the header settles it.
  std::vector<int> id_choices;
  std::vector<int> manager_choices;

  Layout() { column.fill(-1); }
  int operator[](Field f) const { return column[static_cast<std::size_t>(f)]; }
  int& operator[](Field f) { return column[static_cast<std::size_t>(f)]; }
};

// Keys a column map may hold that only XML inputs use (record selectors and unit fields).
bool is_xml_only_key(const std::string& key);

// The layout of `header` (cells as written). Throws InputError at `path`:`line` naming the column
// for an unknown preset, a header the preset does not fit, an ambiguous or unrecognised header, a
// column map naming a column the header lacks.
Layout resolve_layout(const std::vector<std::string>& header, const LayoutRequest& request,
                      const std::string& path, std::uint32_t line);

}  // namespace orgaudit::import
