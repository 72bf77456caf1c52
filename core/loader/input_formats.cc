#include "loader/input_formats.h"

#include <algorithm>
#include <filesystem>
#include <cctype>

#include "import/backstage_import.h"
#include "import/csv_import.h"
#include "import/ldif_import.h"
#include "import/graph_import.h"
#include "import/json_import.h"
#include "import/scim_import.h"
#include "import/xml_import.h"
#include "loader/yaml_loader.h"
#include "util/text.h"

namespace orgaudit {
namespace {

// A `.yaml` file is an org file, or a Backstage catalog by its first apiVersion.
void load_yaml(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
               std::vector<Diagnostic>& warnings, Progress& progress) {
  std::string start(4096, '\0');
  files.open_for_reading(path)->read(start.data(), static_cast<std::streamsize>(start.size()));
  if (import::is_backstage_catalog(start)) import::load_backstage(files, path, options, org, warnings, progress);
  else load_yaml_org(files, path, org, warnings, progress, options.limits);
}

std::string known_formats() {
  std::string text;
  for (const InputFormat& f : input_formats()) {
    text += (text.empty() ? "" : ", ") + std::string(f.name);
    if (f.extensions.empty()) continue;  // named with --input-format only
    text += " (";
    for (std::size_t i = 0; i < f.extensions.size(); ++i) text += (i ? ", ." : ".") + f.extensions[i];
    text += ")";
  }
  return text;
}

}  // namespace

const std::vector<InputFormat>& input_formats() {
  static const std::vector<InputFormat> kFormats{
      {"yaml", {"yaml", "yml"}, "org-chart-as-code YAML (docs/org-format.md)", load_yaml},
      {"csv", {"csv", "tsv", "txt"}, "HR-system CSV export, read by a preset or column map (docs/import.md)", import::load_csv},
      {"xml", {"xml"}, "HR-system XML export: hr-xml, or generic-xml mapped by XPath (docs/import.md)", import::load_xml},
      {"json", {"json", "jsonl", "ndjson"}, "identity-directory JSON: SCIM or Microsoft Graph, told apart by content (docs/import.md)", import::load_json},
      {"scim", {}, "SCIM 2.0 users and groups: a ListResponse, an array or JSON Lines (docs/import.md)", import::load_scim},
      {"graph", {}, "Microsoft Graph users, one page or several (docs/import.md)", import::load_graph},
      {"backstage", {}, "Backstage catalog Group and User entities (docs/import.md)", import::load_backstage},
      {"ldif", {"ldif", "ldf"}, "LDIF directory entries from Active Directory or OpenLDAP (docs/import.md)", import::load_ldif},
  };
  return kFormats;
}

const InputFormat& input_format_for(const std::string& path, const LoadOptions& options) {
  const auto& formats = input_formats();
  if (!options.input_format.empty()) {
    for (const InputFormat& f : formats)
      if (options.input_format == f.name) return f;
    std::vector<std::string> names;
    for (const InputFormat& f : formats) names.emplace_back(f.name);
    const std::string near = did_you_mean(options.input_format, names);
    throw InputError(Diagnostic{path, 0, 0, "unknown --input-format '" + options.input_format + "'" +
                                                (near.empty() ? "" : "; did you mean '" + near + "'?") +
                                                "; orgaudit reads " + known_formats()});
  }
  // The file name's extension, so that a dot in a directory name ("./v1.2/org") is not taken for one.
  std::string extension = std::filesystem::path(path).extension().string();
  if (!extension.empty()) extension.erase(0, 1);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const InputFormat& f : formats)
    if (std::find(f.extensions.begin(), f.extensions.end(), extension) != f.extensions.end()) return f;
  throw InputError(Diagnostic{path, 0, 0, (extension.empty() ? std::string("cannot tell the input format of a file without an extension")
                                                                : "cannot tell the input format from the extension '." + extension + "'") +
                                              ": orgaudit reads " + known_formats() +
                                              " (or name one with --input-format)"});
}

}  // namespace orgaudit
