// Helpers for the identity-directory importer tests: load a document through a MemoryFileSystem
// with one format's load function, or catch the error it gives.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/file_system.h"
#include "loader/input_formats.h"
#include "orgaudit/model.h"
#include "model/import_log.h"

namespace orgaudit::import::testing {

struct Loaded {
  Org org;
  std::vector<Diagnostic> warnings;
};

inline Loaded load_with(LoadFunction load, const std::string& path, const std::string& text,
                        const RecordLimits& limits = {}) {
  MemoryFileSystem files;
  files.add(path, text);
  Loaded loaded;
  NoProgress progress;
  LoadOptions options;
  options.limits = limits;
  load(files, path, options, loaded.org, loaded.warnings, progress);
  return loaded;
}

// "path:L:C: error: ..." for a document the importer refuses, or "" when it loads.
inline std::string error_with(LoadFunction load, const std::string& path, const std::string& text,
                              const RecordLimits& limits = {}) {
  try {
    load_with(load, path, text, limits);
  } catch (const InputError& e) {
    return e.diagnostic().format("error");
  }
  return "";
}

inline std::string attribute(const Person& p, const std::string& key) {
  for (const Attribute& a : p.attributes)
    if (a.key == key) return a.value.str();
  return "<none>";
}

// The messages of the org's import issues, "L:C message", in the order they were found.
inline std::vector<std::string> issues(const Org& org) {
  std::vector<std::string> out;
  for (const ImportIssue& i : org.import_log->issues)
    out.push_back(std::to_string(i.where.line) + ":" + std::to_string(i.where.column) + " " + i.message);
  return out;
}

}  // namespace orgaudit::import::testing
