// Reads a CSV export (docs/import.md) into the org model: the header picks a preset (or the config's
// column map says which column is which), then every data row becomes a person or post, or an
// import issue saying why it could not.
#pragma once

#include <string>
#include <vector>

#include "util/parallel.h"
#include "import/csv_rows.h"
#include "io/file_system.h"
#include "loader/input_formats.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"
#include "util/progress.h"

namespace orgaudit::import {

// The `csv` input format's load function. Appends people, implied units and import issues to
// `org`. Throws InputError (exit 2) for what makes the whole file unreadable: over the size limit,
// empty, a header no preset fits, a quote never closed, a header without rows, or rows none of
// which could be loaded. One bad row is an import issue, never an error.
void load_csv(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
              std::vector<Diagnostic>& warnings, Progress& progress);

// The same, reading the rows of a large file in two halves at once (csv_rows.h) as `second_thread`
// says; returns how they were read. Tests compare the ways.
RowsRead load_csv(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
                  std::vector<Diagnostic>& warnings, Progress& progress, detail::Split second_thread);

// Throws InputError when the file is larger than options.max_input_bytes (shared with XML).
void check_input_size(const FileSystem& files, const std::string& path, const LoadOptions& options);

}  // namespace orgaudit::import
