// Reads an XML export (docs/import.md) into the org model through pugixml: HR-XML OrganizationChart
// (`hr-xml`) or any shape mapped by XPath in the config (`generic-xml`).
#pragma once

#include <string>
#include <vector>

#include "util/parallel.h"
#include "io/file_system.h"
#include "loader/input_formats.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"
#include "util/progress.h"

namespace orgaudit::import {

// The `xml` input format's load function. Throws InputError for a file over the size limit,
// malformed XML (with line and column), a DOCTYPE declaring entities, nesting deeper than
// options.max_xml_depth, a mapping that selects nothing, or elements none of which could be
// loaded. A person element that cannot be used is an import issue naming its XPath.
void load_xml(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
              std::vector<Diagnostic>& warnings, Progress& progress);
// With records parsed on a second thread while the text is cut into them, or not: by default for
// large streamed exports (xml::kParseThreadMinBytes).
void load_xml(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
              std::vector<Diagnostic>& warnings, Progress& progress, detail::Split parse_thread);

}  // namespace orgaudit::import
