#include "cli/session.h"

#include "cli/terminal.h"
#include "config/config.h"
#include <filesystem>
#include "engine/import_rules.h"
#include "import/inputs.h"
#include "import/limits.h"
#include "loader/input_formats.h"
#include "util/diagnostic.h"
#include "util/text.h"
#include "yaml_rules/yaml_rule.h"

namespace orgaudit::cli {

const std::vector<OptionDecl> kPluginOptions{
    {"plugin", "FILE", "load a rule pack file (repeatable)"},
    {"plugin-dir", "DIR", "load every orgaudit-*.so and YAML rule file (*.yaml) in DIR (repeatable); also $ORGAUDIT_PLUGIN_PATH"},
    {"rules", "FILE", "load the YAML rules of FILE (repeatable; docs/yaml-rules.md)"},
};

const std::vector<OptionDecl> kInputOptions{
    {"input-format", "FORMAT", "read the inputs as FORMAT instead of guessing from their extension and content (yaml, csv, xml, json, scim, graph, ldif, backstage)"},
    {"preset", "NAME", "read HR exports as NAME: generic, bamboohr, workday, visio, google-workspace, uk-organogram, hr-xml, generic-xml "
                       "(default: detected from the header or root element)"},
    {"max-input-size", "SIZE", "refuse HR and directory exports larger than SIZE, e.g. 500MB (default 2GB)"},
    {"max-field-size", "SIZE", "refuse an input with a value longer than SIZE, e.g. 4MB (default 1MB)"},
    {"max-records", "N", "refuse an input with more than N rows, elements or people (default 10000000)"},
};

const std::vector<OptionDecl> kConfigOptions{
    {"config", "FILE", "read settings from FILE instead of the nearest .orgaudit.yaml above the first input"},
    {"no-config", nullptr, "ignore any .orgaudit.yaml"},
};

Config load_run_config(const ParsedArgs& args, const CliContext& context) {
  if (args.has("no-config")) return Config{};
  std::string path = args.last("config");
  if (path.empty() && !args.positional.empty()) {
    const std::filesystem::path first(args.positional.front());
    path = find_config(context.files, first.has_parent_path() ? first.parent_path().string() : ".");
  }
  return path.empty() ? Config{} : load_config(context.files, path);
}

LoadOptions load_options(const ParsedArgs& args, const Config& config) {
  LoadOptions options;
  options.input_format = args.last("input-format", config.input.format);
  options.preset = args.last("preset", config.input.preset);
  options.columns = config.input.columns;
  options.columns_source = config.path;
  if (config.input.max_bytes) options.max_input_bytes = *config.input.max_bytes;
  if (config.input.max_depth) options.max_xml_depth = *config.input.max_depth;
  if (config.input.max_field_bytes) options.limits.max_field_bytes = *config.input.max_field_bytes;
  if (config.input.max_records) options.limits.max_records = *config.input.max_records;
  auto number = [&](const char* option, auto parse, const char* expected) {
    const std::string text = args.last(option);
    const std::optional<std::uint64_t> value = parse(text);
    if (!value) throw UsageError(std::string("--") + option + " expects " + expected + ", got '" + text + "'");
    return *value;
  };
  if (args.has("max-input-size")) options.max_input_bytes = number("max-input-size", import::parse_byte_size, "a size such as 500MB or 2GB");
  if (args.has("max-field-size")) options.limits.max_field_bytes = number("max-field-size", import::parse_byte_size, "a size such as 64KB or 4MB");
  if (args.has("max-records")) options.limits.max_records = number("max-records", import::parse_count, "a whole number above 0");
  return options;
}

void load_packs(const ParsedArgs& args, const CliContext& context, PluginHost& host, RuleCatalog& catalog,
                const Config& config) {
  for (const std::string& file : args.all("plugin")) host.load_file(file, catalog);
  const char* environment = context.getenv("ORGAUDIT_PLUGIN_PATH");
  const std::vector<std::string> dirs = PluginHost::search_path(args.all("plugin-dir"), environment);
  for (const std::string& dir : dirs) host.load_directory(dir, catalog);
  const std::string installed = PluginHost::installed_directory();
  if (installed.empty())
    throw PluginError(PluginError::file_not_found, "cannot locate the built-in rule packs (/proc/self/exe unreadable)");
  host.load_directory(installed, catalog);
  // What importers could not use becomes findings of the built-in import-* rules.
  register_import_rules(catalog);

  // YAML rules last, so an id or prefix that is a pack's is refused at the rule's own line.
  std::set<std::string> packs{"import"};
  for (const LoadedPack& pack : host.packs()) packs.insert(pack.name);
  std::vector<std::string> rule_files;
  for (const std::string& dir : dirs)
    for (const std::string& name : context.files.list_directory(dir))
      if (glob_match("*.yaml", name) || glob_match("*.yml", name)) rule_files.push_back((std::filesystem::path(dir) / name).string());
  for (const std::string& file : args.all("rules")) rule_files.push_back(file);
  rule_files.insert(rule_files.end(), config.rule_files.begin(), config.rule_files.end());
  for (const std::string& file : rule_files)
    yaml_rules::register_rules(catalog, yaml_rules::read_rule_file(context.files, file), packs);
  yaml_rules::register_rules(catalog, config.custom_rules, packs);
}

std::unique_ptr<LoadedOrg> load_org(const std::vector<std::string>& inputs, const LoadOptions& options,
                                    const CliContext& context, Progress& progress,
                                    const std::optional<Pseudonymizer>& pseudonyms) {
  auto loaded = std::make_unique<LoadedOrg>();
  std::vector<Diagnostic> warnings;
  // Each input is read into a part of its own, then merged and resolved (core/import/inputs.h): an
  // id defined by two inputs is an error naming both places.
  loaded->org = import::load_inputs(context.files, inputs, options, warnings, progress);
  for (const Diagnostic& w : warnings) context.err << w.format("warning") << "\n";
  if (pseudonyms) anonymize_org(loaded->org, *pseudonyms);
  progress.update("computing graph metrics", 0, 0);
  loaded->metrics = OrgMetrics::compute(loaded->org);
  return loaded;
}

std::unique_ptr<Progress> make_progress(const CliContext& context) {
  std::unique_ptr<Progress> progress;
  if (context.stderr_is_terminal && terminal_takes_escapes(context.getenv)) progress = std::make_unique<TerminalProgress>(context.err);
  else progress = std::make_unique<NoProgress>();
  if (context.timings) return std::make_unique<TimedProgress>(std::move(progress), *context.timings);
  return progress;
}

}  // namespace orgaudit::cli
