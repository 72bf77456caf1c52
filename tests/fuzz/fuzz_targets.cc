#include "fuzz_targets.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

#include "config/config.h"
#include "config/profile.h"
#include "engine/engine.h"
#include "engine/rule_catalog.h"
#include "engine/import_rules.h"
#include "import/inputs.h"
#include "import/presets.h"
#include "import/yaml_writer.h"
#include "io/file_system.h"
#include "orgaudit/metrics.h"
#include "plugin/plugin_host.h"
#include "util/diagnostic.h"
#include "util/progress.h"
#include "workflow/baseline.h"
#include "workflow/fix_proposal.h"
#include "workflow/inline_suppressions.h"
#include "workflow/scenario.h"
#include "workflow/suppressions.h"
#include "yaml_rules/yaml_rule.h"

namespace orgaudit::fuzz {
namespace {

namespace fs = std::filesystem;

std::string bytes(const std::uint8_t* data, std::size_t size) {
  return size ? std::string(reinterpret_cast<const char*>(data), size) : std::string();
}

// The fuzzer's inputs are small; a limit is part of the surface, and a lower one keeps a run fast.
LoadOptions export_options() {
  LoadOptions options;
  options.max_input_bytes = 1 << 20;
  return options;
}

Org load(const MemoryFileSystem& files, const std::string& path, const LoadOptions& options) {
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  return import::load_inputs(files, {path}, options, warnings, progress);
}

// Loads `path` from memory the way `check` does (inputs merged, resolved, metrics computed), then
// writes it as `convert` does and requires that YAML to load again.
int load_and_round_trip(const std::string& path, std::string content, const LoadOptions& options) {
  MemoryFileSystem files;
  files.add(path, std::move(content));
  Org org;
  try {
    org = load(files, path, options);
  } catch (const InputError& e) {
    // Unworded: the directory exports' JSON scanner stopped where nlohmann-json, which words the
    // errors, reads on. The two must accept the same documents.
    if (e.diagnostic().message == "malformed JSON") throw Bug("the JSON scanner refused a document nlohmann-json accepts");
    return 0;  // refused with file:line:col: the CLI's exit 2
  }
  OrgMetrics::compute(org);
  files.add("converted.yaml", import::write_org_yaml(org, {path}));
  try {
    load(files, "converted.yaml", LoadOptions{});
  } catch (const InputError& e) {
    throw Bug(std::string("convert wrote YAML that does not load again: ") + e.what());
  }
  return 0;
}

Target org_target(std::string name, std::string what, std::string path, LoadOptions options) {
  return {std::move(name), std::move(what), [path, options](const std::uint8_t* data, std::size_t size) {
            return load_and_round_trip(path, bytes(data, size), options);
          }};
}

// The built-in packs, loaded once per process as `check` loads them (from the build tree's plugin
// directory beside the fuzzer or test binary).
const RuleCatalog& built_in_rules() {
  static PluginHost host;  // modules stay loaded while their rules are used
  static const RuleCatalog catalog = [] {
    RuleCatalog loaded;
    host.load_directory(PluginHost::installed_directory(), loaded);
    register_import_rules(loaded);
    return loaded;
  }();
  return catalog;
}

// A config file (`.orgaudit.yaml`) as a run reads it: loaded, its rule names checked against the
// packs, its profile applied under its own rule settings, every selected rule configured.
int config_file(const std::uint8_t* data, std::size_t size) {
  MemoryFileSystem files;
  files.add(kConfigFileName, bytes(data, size));
  try {
    const Config config = load_config(files, kConfigFileName);
    check_config_rules(config, built_in_rules());
    // Only the bundled profiles by name: a fuzzed path must not read whatever file it names.
    std::vector<std::string> names;
    for (const Profile& p : list_profiles(RealFileSystem(), profile_directories())) names.push_back(p.name);
    const bool bundled = std::find(names.begin(), names.end(), config.profile) != names.end();
    RuleSelection selection;
    apply_profile(bundled ? config.profile : "classic", profile_directories(), selection);
    selection.toggles.insert(selection.toggles.end(), config.rules.toggles.begin(), config.rules.toggles.end());
    for (const auto& [id, values] : config.rules.options)
      for (const auto& [option, value] : values) selection.options[id][option] = value;
    for (const auto& [id, severity] : config.rules.severities) selection.severities[id] = severity;
    configure_rules(built_in_rules(), selection);
  } catch (const InputError&) {
  } catch (const OptionError&) {  // an unknown option or a bad value: exit 2 as well
  }
  return 0;
}

// A profile file (`--profile FILE`): applied, as `extends` chains it onto the bundled profiles, and
// its rules configured. Profiles are read from disk, so each input is written to a private
// directory first.
int profile_file(const std::uint8_t* data, std::size_t size) {
  static const fs::path dir = [] {
    std::string pattern = (fs::temp_directory_path() / "orgaudit-fuzz-profile-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot create a directory for the profile target");
    return fs::path(pattern);
  }();
  static const bool removed_at_exit = std::atexit([] {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }) == 0;
  (void)removed_at_exit;
  const fs::path file = dir / "fuzz-profile.yaml";
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes(data, size);
  try {
    RuleSelection selection;
    apply_profile(file.string(), profile_directories(), selection);
    configure_rules(built_in_rules(), selection);
  } catch (const InputError&) {
  } catch (const OptionError&) {
  }
  return 0;
}

// Writes `baseline` and reads it back, twice: the first pass may normalise (a malformed UTF-8 byte
// is written as \ufffd and read back as U+FFFD), after which what orgaudit writes must read back
// to exactly what it wrote.
void check_read_back(MemoryFileSystem& files, const Baseline& baseline, const char* what) {
  try {
    files.add("written.json", write_baseline(baseline));
    const std::string normalised = write_baseline(read_baseline(files, "written.json"));
    files.add("written.json", normalised);
    if (write_baseline(read_baseline(files, "written.json")) != normalised)
      throw Bug(std::string(what) + " wrote a baseline that reads back different");
  } catch (const InputError& e) {
    throw Bug(std::string(what) + " wrote a baseline that does not read back: " + e.what());
  }
}

// A baseline (`--baseline FILE`): read, compared with a run that finds exactly its entries, pruned
// as `baseline prune` does; what orgaudit writes must read back the same.
int baseline_file(const std::uint8_t* data, std::size_t size) {
  MemoryFileSystem files;
  files.add("fuzz.json", bytes(data, size));
  Baseline read;
  try {
    read = read_baseline(files, "fuzz.json");
  } catch (const InputError&) {
    return 0;
  }
  if (read.version == kBaselineVersion) check_read_back(files, read, "writing a read baseline");
  RunResult run;
  for (const BaselineEntry& entry : read.findings) {
    Finding f;
    f.rule_id = entry.rule;
    f.key = entry.key;
    f.entity_ids = entry.entities;
    f.message = entry.message;
    f.fingerprint = fingerprint(f.rule_id, f.key, f.entity_ids);
    run.findings.push_back(std::move(f));
  }
  const BaselineComparison comparison = apply_baseline(run, read);
  check_read_back(files, prune_baseline(read, comparison), "baseline prune");
  return 0;
}

// An org file's `# orgaudit-ignore:` comments: scanned, checked against the packs, and matched to
// the findings of every built-in rule on the org the same file loads to.
int inline_suppressions(const std::uint8_t* data, std::size_t size) {
  const std::string path = "fuzz.yaml";
  MemoryFileSystem files;
  files.add(path, bytes(data, size));
  SuppressionSources sources;
  Org org;
  try {
    sources.inline_directives.push_back({0, path, scan_inline_suppressions(files, path)});
    check_suppression_rules(sources, built_in_rules());
    org = load(files, path, LoadOptions{});
  } catch (const InputError&) {
    return 0;
  }
  for (const InlineDirective& d : sources.inline_directives[0].directives)
    if (d.rules.empty() || d.reason.empty() || d.line == 0 || (d.target_line != 0 && d.target_line < d.line))
      throw Bug("the scanner accepted a directive without a rule or reason, or attached it above itself");
  const OrgMetrics metrics = OrgMetrics::compute(org);
  const std::vector<ConfiguredRule> rules = configure_rules(built_in_rules(), RuleSelection{});
  RunResult run = run_rules(org, metrics, rules);
  std::set<std::string> rules_run;
  for (const ConfiguredRule& rule : rules) rules_run.insert(rule.entry->info.id);
  apply_suppressions(run, org, sources, rules_run, *Date::parse("2026-12-03"));  // fixed: runs repeat
  return 0;
}

// A YAML rule file: read and compiled, registered beside the built-in packs, every rule it defines
// run alone on a small org with units, metrics, contractors and dotted lines. A rule that throws
// while checking is a bug: the compiled form should have refused whatever it cannot evaluate.
int rule_file(const std::uint8_t* data, std::size_t size) {
  MemoryFileSystem files;
  files.add("rules.yaml", bytes(data, size));
  files.add("org.yaml",
            "orgaudit: 1\nunits:\n  - {id: U1, kind: platform, metrics: {periods: [a, b, c], revenue: [3, 2, 1]}}\n"
            "  - {id: U2, kind: me, parent: U1, members: [U1], user_facing: true}\n  - {id: U3, kind: emc, parent: U9}\n"
            "people:\n  - {id: P1, unit: U1, attributes: {location: Leeds}}\n  - {id: P2, manager: P1, unit: U2, contractor: true}\n"
            "  - {id: P3, manager: P2, dotted: [P1], fte: 0.5}\n  - {id: P4, manager: P4, vacant: true}\n");
  RuleCatalog catalog = built_in_rules();
  std::vector<ConfiguredRule> rules;
  try {
    std::set<std::string> packs;
    for (const CatalogEntry& entry : catalog.entries()) packs.insert(entry.info.pack);
    yaml_rules::register_rules(catalog, yaml_rules::read_rule_file(files, "rules.yaml"), packs);
    RuleSelection selection;
    selection.toggles.emplace_back(false, "*");
    for (const std::string& id : catalog.users_rules()) selection.toggles.emplace_back(true, id);
    rules = configure_rules(catalog, selection);
  } catch (const InputError&) {
    return 0;
  } catch (const OptionError&) {
    return 0;
  }
  Org org = load(files, "org.yaml", LoadOptions{});
  const OrgMetrics metrics = OrgMetrics::compute(org);
  const RunResult run = run_rules(org, metrics, rules);
  for (const RuleOutcome& outcome : run.outcomes)
    if (outcome.crashed) throw Bug("YAML rule '" + outcome.rule_id + "' threw while checking");
  return 0;
}

// A small org with every kind of thing a scenario can name: a department, two MEs with sub-teams,
// an EMC with a contract and a member, a contract link; ids P1..P8, U1, ME1, ME2, EMC1.
Org scenario_org() {
  Org org;
  org.as_of = Date::parse("2026-03-31");
  const std::pair<const char*, const char*> people[] = {{"P1", ""}, {"P2", "P1"}, {"P3", "P2"}, {"P4", "P2"},
                                                        {"P5", "P3"}, {"P6", "P4"}, {"P7", "P4"}, {"P8", "P1"}};
  for (const auto& [id, manager] : people) {
    Person p;
    p.id = org.text(id);
    p.manager_id = org.text(manager);
    p.unit_id = org.text(std::string(id) == "P1" ? "U1" : std::string(id) == "P8" ? "ME2" : "ME1");
    org.people.push_back(std::move(p));
  }
  const std::tuple<const char*, UnitKind, const char*> units[] = {
      {"U1", UnitKind::department, "P1"}, {"ME1", UnitKind::me, "P2"}, {"ME2", UnitKind::me, "P8"}, {"EMC1", UnitKind::emc, "P1"}};
  for (const auto& [id, kind, owner] : units) {
    Unit u;
    u.id = id;
    u.kind = kind;
    u.owner_id = owner;
    u.parent_id = std::string(id) == "U1" ? "" : "U1";
    org.units.push_back(std::move(u));
  }
  org.units[3].member_ids = {"ME1"};
  org.units[3].ecosystem().contract.present = true;
  org.units[3].ecosystem().contract.updated = Date::parse("2026-01-05");
  Link contract;
  contract.kind = LinkKind::contract;
  contract.from.id = "ME1";
  contract.to.id = "ME2";
  org.links.push_back(contract);
  org.resolve();
  return org;
}

// A what-if scenario (`whatif --scenario FILE`): read, applied to a small org, and written back as
// `fix --propose` writes one: what it writes must read back to what it wrote.
int scenario_file(const std::uint8_t* data, std::size_t size) {
  MemoryFileSystem files;
  files.add("fuzz.yaml", bytes(data, size));
  Scenario scenario;
  try {
    scenario = read_scenario(files, "fuzz.yaml");
  } catch (const InputError&) {
    return 0;
  }
  try {
    Org org = scenario_org();
    apply_scenario(scenario, org);
  } catch (const InputError&) {  // a change that cannot apply: the CLI's exit 2
  }
  const std::string written = write_scenario_yaml(scenario, {"header"});
  files.add("written.yaml", written);
  try {
    if (write_scenario_yaml(read_scenario(files, "written.yaml"), {"header"}) != written)
      throw Bug("a written scenario reads back different");
  } catch (const InputError& e) {
    throw Bug(std::string("a written scenario does not read back: ") + e.what());
  }
  return 0;
}

std::vector<Target> make_targets() {
  std::vector<Target> all;
  all.push_back(org_target("yaml", "org-chart-as-code YAML, loaded and through convert's round trip", "fuzz.yaml", LoadOptions{}));
  all.push_back(org_target("csv_detect", "a CSV export, its preset detected from the header", "fuzz.csv", export_options()));
  for (const std::string& preset : import::preset_names()) {
    LoadOptions options = export_options();
    options.preset = preset;
    std::string name = "csv_" + preset;
    std::replace(name.begin(), name.end(), '-', '_');
    all.push_back(org_target(name, "a CSV export read with --preset " + preset, "fuzz.csv", options));
  }
  LoadOptions column_map = export_options();  // tests/import/column-map/.orgaudit.yaml
  column_map.columns = {{"id", "Emp No"}, {"manager", "Boss No"}, {"name", "Full name"}, {"unit", "Dept"}, {"attributes", "Site"}};
  all.push_back(org_target("csv_column_map", "a CSV export read through a config's column map", "fuzz.csv", column_map));
  all.push_back(org_target("xml_hr_xml", "an XML export as `check org.xml` reads it (HR-XML detected)", "fuzz.xml", export_options()));
  LoadOptions xpath = export_options();  // the generic-xml mapping of docs/import.md: plain paths and full XPath
  xpath.preset = "generic-xml";
  xpath.columns = {{"person", "//Employee"},      {"id", "@id"},           {"manager", "Manager/@ref"},
                   {"name", "Name"},              {"unit", "@dept"},       {"dotted", "DottedLine/@ref"},
                   {"attributes", "@site, Site"}, {"units", "//Department"}, {"unit.id", "@id"},
                   {"unit.parent", "@parent"},    {"title", "normalize-space(Title)"}};
  all.push_back(org_target("xml_xpath", "an XML export read through an XPath mapping (generic-xml)", "fuzz.xml", xpath));
  all.push_back(org_target("json_detect", "a JSON directory export, SCIM or Microsoft Graph detected from content", "fuzz.json", export_options()));
  for (const char* format : {"scim", "graph"}) {
    LoadOptions options = export_options();
    options.input_format = format;
    all.push_back(org_target(std::string("json_") + format, std::string("a JSON directory export read with --input-format ") + format, "fuzz.json", options));
  }
  all.push_back(org_target("ldif", "an LDIF directory export (ldifde, slapcat)", "fuzz.ldif", export_options()));
  LoadOptions backstage = export_options();
  backstage.input_format = "backstage";
  all.push_back(org_target("backstage", "a Backstage catalog of Group and User entities", "fuzz.yaml", backstage));
  all.push_back({"config", "a .orgaudit.yaml: loaded, its profile applied, its rules configured", config_file});
  all.push_back({"profile", "a profile file: applied through extends, its rules configured", profile_file});
  all.push_back({"baseline", "a baseline: read, compared, pruned and written back", baseline_file});
  all.push_back({"suppressions", "an org's orgaudit-ignore comments: scanned and matched to findings", inline_suppressions});
  all.push_back({"rules", "a YAML rule file: compiled, registered and each rule run on a small org", rule_file});

  all.push_back({"scenario", "a whatif scenario: read, applied to a small org, and written back as fix --propose writes it", scenario_file});
  return all;
}

}  // namespace

const std::vector<Target>& targets() {
  static const std::vector<Target> kTargets = make_targets();
  return kTargets;
}

const Target* find_target(const std::string& name) {
  for (const Target& t : targets())
    if (t.name == name) return &t;
  return nullptr;
}

}  // namespace orgaudit::fuzz
