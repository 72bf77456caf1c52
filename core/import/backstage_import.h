// Reads a Backstage software catalog (docs/import.md): the multi-document YAML of `kind: Group` and
// `kind: User` entities (backstage.io/v1alpha1), groups as units and users as people, read through
// the org loader's libyaml event reader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/file_system.h"
#include "loader/input_formats.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"
#include "util/progress.h"

namespace orgaudit::import {

// The `backstage` input format. Backstage has no manager field: a group's lead, named by the
// annotation `orgaudit.io/lead` (a user ref), manages its members and reports to the nearest lead
// above; a user's own `orgaudit.io/manager` annotation wins. Without any, a warning says the catalog
// has no reporting lines. Throws InputError for malformed YAML or a file without Group or User.
void load_backstage(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
                    std::vector<Diagnostic>& warnings, Progress& progress);

// Whether the start of a YAML file is a Backstage entity (`apiVersion: backstage.io/...`), so a
// `.yaml` input is read as a catalog rather than as an org file.
bool is_backstage_catalog(std::string_view start);

// An entity ref's id in the org: `group:default/team-a`, `default/team-a` and `team-a` are
// `team-a`; another namespace is kept (`ops/team-a`). `own_namespace` is the referring entity's,
// Backstage's default for a ref without one.
std::string backstage_id(std::string_view ref, std::string_view own_namespace);

}  // namespace orgaudit::import
