// Reads org-chart-as-code YAML (`orgaudit: 1`, see docs/org-format.md) into the org model.
//
// Streams with libyaml's event API: one person or unit at a time is held as a small tree, turned
// into model entities and dropped, so memory follows the org's size, not the YAML document's.
#pragma once

#include <string>
#include <vector>

#include "io/file_system.h"
#include "loader/record_limits.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"
#include "util/progress.h"

namespace orgaudit {

// Appends the file's entities to `org` (several files merge into one org; an id already present,
// from this file or an earlier one, is an error). Unknown keys go to `warnings`. Throws InputError
// with file:line:col for anything that cannot be read as an org: malformed YAML, a document that is
// not an org, a missing or unsupported `orgaudit:` version, wrong types, duplicate ids, invalid
// UTF-8 or raw control characters, nesting deeper than yaml::kMaxNesting, a scalar or more people
// than `limits` allow. Does not call Org::resolve().
void load_yaml_org(const FileSystem& files, const std::string& path, Org& org,
                   std::vector<Diagnostic>& warnings, Progress& progress, const RecordLimits& limits = {});

}  // namespace orgaudit
