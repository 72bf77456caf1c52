// JSON exports of identity directories: the `json` input format, which tells SCIM from Microsoft
// Graph by content, and the loading steps the two share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "import/directory_records.h"
#include "import/json_records.h"
#include "import/text_locator.h"
#include "io/file_system.h"
#include "loader/input_formats.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"
#include "util/progress.h"

namespace orgaudit::import {

// The `json` input format (.json, .jsonl, .ndjson): SCIM when the file speaks of SCIM schemas or
// userName, Graph when it carries @odata annotations or userPrincipalName. Throws InputError naming
// `--input-format scim|graph` when the start of the file says neither.
void load_json(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
               std::vector<Diagnostic>& warnings, Progress& progress);

// "scim", "graph", or "" when the first bytes of `text` do not tell.
std::string detect_json_format(std::string_view text);

// Reads `path` whole (within the size limit) and streams its records into a `Sink` built as
// Sink(org, file, locate, path), then calls sink.finish(warnings).
template <typename Sink>
void load_json_export(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
                      std::vector<Diagnostic>& warnings, Progress& progress) {
  read_whole_export(files, path, options, org, progress, [&](std::string_view text, FileIndex file) {
    const TextLocator locate(text, file);
    Sink sink(org, file, locate, path, options.limits);
    json::read_records(text, path, locate, sink);
    sink.finish(warnings);
  });
}

}  // namespace orgaudit::import
