// Reading every input of a run into one org, whatever their formats (merge.h says how parts join).
#pragma once

#include <string>
#include <vector>

#include "io/file_system.h"
#include "loader/input_formats.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"
#include "util/progress.h"

namespace orgaudit::import {

// Settles every input's format first (a typo in the last name fails before anything is read),
// reads each into its own part, merges the parts, resolves the org's references, and infers the
// owners of implied units. Throws InputError: an unreadable input, two inputs defining one id, or
// an organogram junior file whose senior file was not given.
Org load_inputs(const FileSystem& files, const std::vector<std::string>& inputs, const LoadOptions& options,
                std::vector<Diagnostic>& warnings, Progress& progress);

}  // namespace orgaudit::import
