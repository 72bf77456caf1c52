// `orgaudit map FILE... --output org.svg`: the org drawn with Graphviz, problems coloured. Same audit
// and exit codes as check: the map shows what check finds.
#include <cstdlib>

#include "cli/audit.h"
#include "cli/commands.h"
#include "cli/verdict.h"
#include "map/map_render.h"
#include "orgaudit/version.h"

namespace orgaudit::cli {
namespace {

struct MapRequest {
  map::Format format = map::Format::dot;
  std::string path;  // empty: standard output
  map::Options options;
};

unsigned long positive_number(const ParsedArgs& args, const char* option, unsigned long min, unsigned long max) {
  const std::string text = args.last(option);
  char* end = nullptr;
  const unsigned long value = std::strtoul(text.c_str(), &end, 10);
  if (text.empty() || text[0] == '-' || *end != '\0' || value < min || value > max)
    throw UsageError(std::string("--") + option + " expects a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", got '" + text + "'");
  return value;
}

// Everything about the map is checked before the audit, which may take a while on a large org.
MapRequest map_request(const ParsedArgs& args, const CliContext& context) {
  MapRequest request;
  request.path = args.last("output");
  if (args.has("output") && request.path.empty()) throw UsageError("--output needs a file name");
  if (request.path == "-") request.path.clear();  // standard output
  if (args.has("format")) {
    const auto format = map::parse_format(args.last("format"));
    if (!format) throw UsageError("unknown map --format '" + args.last("format") + "' (dot, svg, png, pdf)");
    request.format = *format;
  } else if (!request.path.empty()) {
    const auto format = map::format_of_path(request.path);
    if (!format)
      throw UsageError("cannot tell the map format from '" + request.path +
                       "': name it .dot, .svg, .png or .pdf, or give --format");
    request.format = *format;
  }
  const bool binary = request.format == map::Format::png || request.format == map::Format::pdf;
  if (binary && request.path.empty() && context.stdout_is_terminal)
    throw UsageError(std::string("a ") + map::to_string(request.format) + " map is binary: write it to a file with --output");

  map::Options& options = request.options;
  const std::string level = args.last("level", "person");
  const auto parsed = map::parse_level(level);
  if (!parsed) throw UsageError("--level expects person, unit or auto, got '" + level + "'");
  options.level = *parsed;
  options.root = args.last("root");
  if (args.has("root") && options.root.empty()) throw UsageError("--root needs a person or unit id");
  if (args.has("depth")) options.depth = static_cast<unsigned>(positive_number(args, "depth", 0, 1000));
  if (args.has("max-nodes")) options.max_nodes = positive_number(args, "max-nodes", 1, 1000000);
  options.engine = args.last("engine", "auto");
  if (options.engine != "auto" && !map::engine_available(options.engine))
    throw UsageError("unknown --engine '" + options.engine + "' (auto, " + map::engine_names() + ")");
  return request;
}

}  // namespace

std::vector<OptionDecl> map_options() {
  std::vector<OptionDecl> options{
      {"output", "FILE", "write the map to FILE; its extension picks the format (.dot, .svg, .png, .pdf)", 'o'},
      {"format", "FORMAT", "dot, svg, png or pdf, whatever the file is called (default: DOT on standard output)"},
      {"level", "LEVEL", "person (default: one node per person, units as clusters), unit (one node per unit), "
                         "or auto (person level when small enough)"},
      {"root", "ID", "draw only the subtree under this person or unit"},
      {"depth", "N", "draw N layers (person level) or unit levels below the root"},
      {"engine", "NAME", "Graphviz layout engine: auto (default: dot, sfdp for large unit maps), dot, sfdp, neato, ..."},
      {"max-nodes", "N", "raise or lower the size limit (person level: refused above it; unit level: collapsed)"},
  };
  options.insert(options.end(), kVerdictOptions.begin(), kVerdictOptions.end());
  return audit_options(options);
}

int run_map(const ParsedArgs& args, CliContext& context) {
  if (args.positional.empty()) throw UsageError("map needs at least one org file (try 'orgaudit map --help')");
  const MapRequest request = map_request(args, context);
  check_verdict_options(args);

  auto audit = run_audit(args, context);
  const Verdict verdict = verdict_options(args, audit->config);
  const ReportInput input{audit->loaded->org, audit->loaded->metrics, audit->run, audit->scores, audit->catalog, version(),
                          audit->profile.describe()};
  std::string bytes;
  begin_phase(context, "drawing the map");
  try {
    bytes = map::render_map(input, request.options, request.format);
  } catch (const map::MapError& e) {
    return cannot_run(context, e.what());
  }
  if (request.path.empty()) context.out << bytes << std::flush;
  else context.files.write_atomically(request.path, bytes);
  const int exit_code = verdict_exit_code(verdict, audit->run, audit->scores, context);
  finish_audit(std::move(audit), context);
  return exit_code;
}

}  // namespace orgaudit::cli
