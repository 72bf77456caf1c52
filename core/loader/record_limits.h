// Bounds on what one input may hold, checked by every importer where a record or a value is read.
#pragma once

#include <cstdint>
#include <string>

namespace orgaudit {

// What one input may hold, so that a hostile file cannot make orgaudit allocate without bound: the
// input size limit alone lets a file of tiny rows cost hundreds of bytes of model per row, and one
// huge value is copied into findings and into every report.
struct RecordLimits {
  std::uint64_t max_field_bytes = 1ull << 20;  // --max-field-size / input.max-field-size: one value
  std::uint64_t max_records = 10'000'000;      // --max-records / input.max-records: rows, elements or people per input

  bool field_fits(std::uint64_t bytes) const { return bytes <= max_field_bytes; }
  bool records_fit(std::uint64_t records) const { return records <= max_records; }
  // The messages for a place past a limit: "a value of 50.0 MiB (column 'name'), over the field size
  // limit of 1 MiB (raise it ...)"; `naming` says which value, when the place alone does not.
  std::string field_too_large(std::uint64_t bytes, const std::string& naming = "") const;
  std::string too_many_records(const std::string& records) const;  // records: "rows", "people"
};

}  // namespace orgaudit
