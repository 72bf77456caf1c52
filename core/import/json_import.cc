#include "import/json_import.h"

#include "import/directory_records.h"
#include "import/graph_import.h"
#include "import/scim_import.h"

namespace orgaudit::import {

std::string detect_json_format(std::string_view text) {
  const std::string start = ascii_lower(text.substr(0, 64 * 1024));  // a few records say it
  const bool scim = start.find("urn:ietf:params:scim") != std::string::npos || start.find("\"username\"") != std::string::npos;
  const bool graph = start.find("\"@odata.") != std::string::npos || start.find("\"userprincipalname\"") != std::string::npos;
  if (scim == graph) return "";
  return scim ? "scim" : "graph";
}

void load_json(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
               std::vector<Diagnostic>& warnings, Progress& progress) {
  check_input_size(files, path, options);
  const std::string format = detect_json_format(files.read_all(path)->view());
  if (format.empty())
    throw InputError(Diagnostic{path, 0, 0, "cannot tell whether this JSON is SCIM (schemas, userName) or Microsoft Graph "
                                            "(@odata, userPrincipalName): name one with --input-format scim or --input-format graph"});
  (format == "scim" ? load_scim : load_graph)(files, path, options, org, warnings, progress);
}

}  // namespace orgaudit::import
