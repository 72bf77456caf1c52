#include "fuzz_targets.h"

#include <string>

#include "import/inputs.h"
#include "import/presets.h"
#include "import/yaml_writer.h"
#include "io/file_system.h"
#include "orgaudit/metrics.h"
#include "util/diagnostic.h"
#include "util/progress.h"

namespace orgaudit::fuzz {
namespace {

// Loads `path` from memory the way `check` does (inputs merged, resolved, metrics computed), then
// writes it as `convert` does and requires that YAML to load again.
int load_and_round_trip(const std::string& path, std::string content, const LoadOptions& options) {
  MemoryFileSystem files;
  files.add(path, std::move(content));
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  Org org;
  try {
    org = import::load_inputs(files, {path}, options, warnings, progress);
  } catch (const InputError&) {
    return 0;  // refused with file:line:col: the CLI's exit 2
  }
  OrgMetrics::compute(org);
  const std::string yaml = import::write_org_yaml(org, {path});
  files.add("converted.yaml", yaml);
  try {
    import::load_inputs(files, {"converted.yaml"}, LoadOptions{}, warnings, progress);
  } catch (const InputError& e) {
    throw Bug(std::string("convert wrote YAML that does not load again: ") + e.what());
  }
  return 0;
}

std::string bytes(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace

int yaml_org(const std::uint8_t* data, std::size_t size) {
  return load_and_round_trip("fuzz.yaml", bytes(data, size), LoadOptions{});
}

int csv_import(const std::uint8_t* data, std::size_t size) {
  static const std::vector<std::string> kPresets = import::preset_names();
  LoadOptions options;
  options.max_input_bytes = 1 << 20;  // the fuzzer's inputs are small; a limit is part of the surface
  if (size > 0) {
    const std::size_t choice = data[size - 1] % (kPresets.size() + 1);
    if (choice < kPresets.size()) options.preset = kPresets[choice];  // else: detect from the header
  }
  return load_and_round_trip("fuzz.csv", bytes(data, size), options);
}

int xml_import(const std::uint8_t* data, std::size_t size) {
  LoadOptions options;
  options.max_input_bytes = 1 << 20;
  switch (size > 0 ? data[size - 1] % 3 : 0) {
    case 0: break;  // detect (HR-XML's OrganizationChart)
    case 1: options.preset = "hr-xml"; break;
    default:  // generic-xml, the mapping of docs/import.md: plain paths and full XPath both
      options.preset = "generic-xml";
      options.columns = {{"person", "//Employee"},     {"id", "@id"},           {"manager", "Manager/@ref"},
                         {"name", "Name"},             {"unit", "@dept"},       {"dotted", "DottedLine/@ref"},
                         {"attributes", "@site, Site"}, {"units", "//Department"}, {"unit.id", "@id"},
                         {"unit.parent", "@parent"},   {"title", "normalize-space(Title)"}};
  }
  return load_and_round_trip("fuzz.xml", bytes(data, size), options);
}

int json_import(const std::uint8_t* data, std::size_t size) {
  static const char* const kFormats[] = {"json", "scim", "graph"};
  LoadOptions options;
  options.max_input_bytes = 1 << 20;
  options.input_format = kFormats[size > 0 ? data[size - 1] % 3 : 0];
  return load_and_round_trip("fuzz.json", bytes(data, size), options);
}

int ldif_import(const std::uint8_t* data, std::size_t size) {
  LoadOptions options;
  options.max_input_bytes = 1 << 20;
  return load_and_round_trip("fuzz.ldif", bytes(data, size), options);
}

int backstage_import(const std::uint8_t* data, std::size_t size) {
  LoadOptions options;
  options.max_input_bytes = 1 << 20;
  options.input_format = "backstage";
  return load_and_round_trip("fuzz.yaml", bytes(data, size), options);
}

const std::vector<Target>& targets() {
  static const std::vector<Target> kTargets{{"yaml", yaml_org},        {"csv", csv_import},   {"xml", xml_import},
                                            {"json", json_import},     {"ldif", ldif_import}, {"backstage", backstage_import}};
  return kTargets;
}

}  // namespace orgaudit::fuzz
