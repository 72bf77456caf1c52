// `# orgaudit-ignore:` comments in YAML org files, found by scanning the raw text (the YAML parser
// drops comments). The convention (docs/config.md, "Suppressing a finding"):
//
//   # orgaudit-ignore: structure-span-of-control reason: interim team, merging in Q3
//   - id: P-17                      # <- the directive applies to the entity starting here
//     name: ...
//   - {id: P-18, manager: P-17}     # orgaudit-ignore: structure-integrity reason: ... expires: 2027-03-31
//
// A directive applies to the entity whose mapping starts on the directive's own line (a trailing
// comment) or on the first line after it that is not a comment (a comment line above the entity,
// like ESLint's eslint-disable-next-line; several stacked directive lines are fine, a blank line
// ends the attachment). Several rule ids may be listed, separated by commas; `reason:` is required
// and runs to the end of the line; `expires: YYYY-MM-DD` may come before `reason:` or at the end.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "io/file_system.h"
#include "orgaudit/date.h"

namespace orgaudit {

struct InlineDirective {
  std::vector<std::string> rules;
  std::string reason;
  std::optional<Date> expires;
  std::uint32_t line = 0;    // of the '#'
  std::uint32_t column = 0;
  // The line the entity must start on; 0 when the directive attaches to no line (a blank line or
  // the end of the file follows it).
  std::uint32_t target_line = 0;
};

// Reads the stream in large blocks and looks closely only at lines containing "orgaudit-ignore", so
// a million-line file costs one pass of substring search. Throws InputError with path:line:col for
// a malformed directive (no rule, no reason, a bad expiry date).
std::vector<InlineDirective> scan_inline_suppressions(std::istream& in, const std::string& path);

std::vector<InlineDirective> scan_inline_suppressions(const FileSystem& files, const std::string& path);

}  // namespace orgaudit
