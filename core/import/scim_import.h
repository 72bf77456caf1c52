// Reads a SCIM 2.0 export (RFC 7643/7644; docs/import.md): a ListResponse, a bare array or JSON
// Lines of User resources, with the enterprise extension's manager, department and numbers. Groups,
// when present, become units.
#pragma once

#include <string>
#include <vector>

#include "io/file_system.h"
#include "loader/input_formats.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"
#include "util/progress.h"

namespace orgaudit::import {

// The `scim` input format. Users with `active: false` are left out (a warning counts them). Throws
// InputError for malformed JSON, a SCIM error response, or no user that could be loaded.
void load_scim(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
               std::vector<Diagnostic>& warnings, Progress& progress);

}  // namespace orgaudit::import
