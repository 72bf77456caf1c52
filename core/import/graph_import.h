// Reads Microsoft Graph users (docs/import.md): what `GET /users?$expand=manager` returns, one page
// (`value[]`) or several pages one after another, as Entra ID exports are saved.
#pragma once

#include <string>
#include <vector>

#include "io/file_system.h"
#include "loader/input_formats.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"
#include "util/progress.h"

namespace orgaudit::import {

// The `graph` input format. Users with `accountEnabled: false` are left out (a warning counts
// them); a last page that still has an `@odata.nextLink` is warned about. Throws InputError for
// malformed JSON, a top-level object that is not a page of users (a Graph error response), or no
// user that could be loaded.
void load_graph(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
                std::vector<Diagnostic>& warnings, Progress& progress);

}  // namespace orgaudit::import
