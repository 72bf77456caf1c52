#include "loader/record_limits.h"

#include "util/text.h"

namespace orgaudit {

std::string RecordLimits::field_too_large(std::uint64_t bytes, const std::string& naming) const {
  return "a value of " + human_size(bytes) + naming + ", over the field size limit of " + human_size(max_field_bytes) +
         " (raise it with --max-field-size or input.max-field-size)";
}

std::string RecordLimits::too_many_records(const std::string& records) const {
  return std::string("more than ") + std::to_string(max_records) + " " + records +
         ", the record limit of one input (raise it with --max-records or input.max-records)";
}

}  // namespace orgaudit
