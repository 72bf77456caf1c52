#include "import/inputs.h"

#include <algorithm>
#include <map>
#include <set>

#include "import/merge.h"
#include "util/progress.h"

namespace orgaudit::import {
namespace {

std::string sibling(const std::string& path, const std::string& from, const std::string& to) {
  const auto slash = path.find_last_of('/');
  const auto at = path.rfind(from);
  if (at == std::string::npos || (slash != std::string::npos && at < slash)) return {};
  return path.substr(0, at) + to + path.substr(at + from.size());
}

bool exists(const FileSystem& files, const std::string& path) {
  try {
    files.size_of(path);
    return true;
  } catch (const InputError&) {
    return false;
  }
}

// UK organograms come in pairs. Junior rows report to senior posts: a junior file alone would be
// nothing but unknown-manager findings, so it is refused with the file it needs.
void check_organogram_pairs(const Org& org, const std::set<FileIndex>& imported, const std::vector<std::string>& inputs,
                            const FileSystem& files, std::vector<Diagnostic>& warnings) {
  std::map<FileIndex, std::pair<std::size_t, std::size_t>> juniors;  // file -> (rows, rows whose post is unknown)
  for (const Person& p : org.people) {
    if (!p.has(kAggregate) || !imported.count(p.where.file)) continue;
    auto& [rows, unknown] = juniors[p.where.file];
    ++rows;
    unknown += p.manager == kNoIndex;
  }
  for (const auto& [file, counts] : juniors) {
    if (counts.first != counts.second) continue;
    const std::string& path = org.files[file];
    const std::string senior = sibling(path, "junior", "senior");
    throw InputError(Diagnostic{path, 0, 0, "none of its " + std::to_string(counts.first) +
                                                " junior rows reports to a senior post that was loaded: give the senior file too" +
                                                (senior.empty() ? "" : " (" + senior + ")")});
  }
  for (FileIndex file : imported) {
    const std::string& path = org.files[file];
    const std::string junior = sibling(path, "-senior.csv", "-junior.csv");
    if (junior.empty() || std::find(inputs.begin(), inputs.end(), junior) != inputs.end() || !exists(files, junior)) continue;
    warnings.push_back({path, 0, 0, "junior posts not loaded: " + junior +
                                        " is next to this file; give both to count junior staff in spans and units"});
  }
}

}  // namespace

Org load_inputs(const FileSystem& files, const std::vector<std::string>& inputs, const LoadOptions& options,
                std::vector<Diagnostic>& warnings, Progress& progress) {
  std::vector<const InputFormat*> formats;
  for (const std::string& input : inputs) {
    files.size_of(input);  // a missing file or a directory is reported as such, not by its extension
    formats.push_back(&input_format_for(input, options));
  }
  Org org;
  std::set<FileIndex> imported;  // files read by an HR-export importer rather than as org-chart-as-code
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    Org part;
    part.files = org.files;
    const std::size_t known_files = part.files.size();
    // The phase starts before the importer maps, sniffs and validates the file, so that work is
    // timed as loading (ORGAUDIT_TIMING) rather than as start-up.
    progress.update(loading_phase(inputs[i]), 0, 0);
    formats[i]->load(files, inputs[i], options, part, warnings, progress);
    if (std::string(formats[i]->name) != "yaml")
      for (std::size_t f = known_files; f < part.files.size(); ++f) imported.insert(static_cast<FileIndex>(f));
    merge_into(org, std::move(part), inputs[i], warnings);
  }
  progress.update("resolving references", 0, 0);
  org.resolve();
  check_organogram_pairs(org, imported, inputs, files, warnings);
  infer_unit_owners(org);
  warn_unmatched_units(org, warnings);
  return org;
}

}  // namespace orgaudit::import
