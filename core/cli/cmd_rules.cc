// `orgaudit rules`: list the loaded rules; `rules --explain ID` prints one rule's documentation.
#include <algorithm>

#include "cli/commands.h"
#include "cli/session.h"
#include "html/rule_docs.h"
#include "util/text.h"

namespace orgaudit::cli {
namespace {

std::string option_summary(const RuleInfo& info) {
  std::string out;
  for (const OptionSpec& o : info.options)
    out += (out.empty() ? "" : ", ") + o.name + "=" + o.default_value;
  return out.empty() ? "-" : out;
}

int explain(const RuleCatalog& catalog, const std::string& id, CliContext& context) {
  const CatalogEntry* entry = catalog.find(id);
  if (!entry) {
    if (const std::string retired = catalog.retired_note(id); !retired.empty())
      return cannot_run(context, "no rule '" + id + "': " + retired);
    const std::string near = did_you_mean(id, catalog.ids());
    return cannot_run(context, "no rule '" + id + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?") +
                                   " (run 'orgaudit rules' to list them)");
  }
  const RegisteredRule& info = entry->info;
  context.out << info.id << " (" << info.pack << " pack, " << to_string(info.default_severity)
              << ", dimension " << info.dimension << ")\n  " << info.summary << "\n";
  if (!info.options.empty()) {
    context.out << "\nOptions (--rule-option " << info.id << ".NAME=VALUE):\n";
    for (const OptionSpec& o : info.options)
      context.out << "  " << o.name << " (" << to_string(o.type) << ", default " << o.default_value
                  << "): " << o.description << "\n";
  }
  const std::string doc = html::find_rule_doc(context.files, info);
  if (!doc.empty()) context.out << "\n" << doc;
  return kExitClean;
}

}  // namespace

int run_rules(const ParsedArgs& args, CliContext& context) {
  if (!args.positional.empty()) throw UsageError("rules takes no file arguments (did you mean 'orgaudit check'?)");
  PluginHost host(context.files);
  RuleCatalog catalog;
  // `rules` reads no org, so no config is found by searching; --config names one (its custom-rules).
  const Config config = args.has("config") && !args.has("no-config") ? load_config(context.files, args.last("config")) : Config{};
  load_packs(args, context, host, catalog, config);
  if (args.has("explain")) return explain(catalog, args.last("explain"), context);

  std::size_t width = 4;
  for (const CatalogEntry& e : catalog.entries()) width = std::max(width, e.info.id.size());
  context.out << std::string("RULE") + std::string(width - 4 + 2, ' ') << "PACK        SEVERITY  OPTIONS\n";
  for (const CatalogEntry& e : catalog.entries()) {
    std::string pack = e.info.pack;
    pack.resize(std::max<std::size_t>(pack.size() + 1, 12), ' ');
    std::string severity = to_string(e.info.default_severity);
    severity.resize(10, ' ');
    context.out << e.info.id << std::string(width - e.info.id.size() + 2, ' ') << pack << severity
                << option_summary(e.info) << "\n";
  }
  // Rules not from a loaded pack are built into orgaudit (the import-* rules) or read from YAML rule files.
  const auto from_packs = static_cast<std::size_t>(
      std::count_if(catalog.entries().begin(), catalog.entries().end(), [&host](const CatalogEntry& e) {
        return std::any_of(host.packs().begin(), host.packs().end(),
                           [&e](const LoadedPack& pack) { return pack.name == e.info.pack; });
      }));
  const std::size_t from_files = catalog.users_rules().size();
  context.out << "\n" << catalog.entries().size() << " rules: " << catalog.entries().size() - from_packs - from_files
              << " built in, " << from_packs << " from " << host.packs().size() << " packs";
  if (from_files) context.out << ", " << from_files << " from YAML rule files";
  context.out << ":";
  for (const LoadedPack& p : host.packs()) context.out << " " << p.name << " " << p.version << " (" << p.path << ")";
  context.out << "\nSeverities and options are each rule's defaults; 'orgaudit config --dump' shows which rules "
                 "run and with what, once the profile and .orgaudit.yaml apply.\n";
  return kExitClean;
}

}  // namespace orgaudit::cli
