// Every rule's page (rules/<pack>/<id>.md) documents the options its info() declares: the same names
// in the same order, with the same types and defaults. The meaning column is the page's own prose.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/rule_catalog.h"
#include "engine/import_rules.h"
#include "io/file_system.h"
#include "plugin/plugin_host.h"
#include "util/text.h"

using namespace orgaudit;

namespace {

struct DocumentedOption {
  std::string name, type, default_value;
};

std::string without_backticks(std::string cell) {
  cell = trim(cell);
  if (cell.size() >= 2 && cell.front() == '`' && cell.back() == '`') cell = cell.substr(1, cell.size() - 2);
  return cell;
}

// The rows of the table under "## Options" (none when the section says "None." or is absent).
std::vector<DocumentedOption> documented_options(const std::string& markdown) {
  std::istringstream in(markdown);
  std::string line;
  bool inside = false;
  std::vector<DocumentedOption> rows;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) inside = line == "## Options";
    if (!inside || line.rfind("| ", 0) != 0 || line.rfind("| option ", 0) == 0) continue;
    const std::vector<std::string> cells = split(line.substr(1), '|');
    REQUIRE(cells.size() >= 4);
    rows.push_back({without_backticks(cells[0]), trim(cells[1]), without_backticks(cells[2])});
  }
  return rows;
}

// The table as info() declares it, one "name type default" line per option, for a readable diff.
std::string as_lines(const std::vector<DocumentedOption>& options) {
  std::string out;
  for (const DocumentedOption& o : options) out += o.name + " " + o.type + " " + o.default_value + "\n";
  return out;
}

}  // namespace

TEST_CASE("each rule page's option table matches the options the rule declares", "[sdk][docs]") {
  PluginHost host;
  RuleCatalog catalog;
  host.load_directory(PluginHost::installed_directory(), catalog);
  register_import_rules(catalog);
  REQUIRE(catalog.entries().size() > 10);
  for (const CatalogEntry& entry : catalog.entries()) {
    const std::string page = std::string(ORGAUDIT_SOURCE_DIR) + "/rules/" + entry.info.pack + "/" + entry.info.id + ".md";
    INFO(page);
    const std::string markdown(RealFileSystem().read_all(page)->view());
    std::vector<DocumentedOption> declared;
    for (const OptionSpec& o : entry.info.options) declared.push_back({o.name, to_string(o.type), o.default_value});
    CHECK(as_lines(documented_options(markdown)) == as_lines(declared));
  }
}

TEST_CASE("the option table reader sees names, types and defaults, backticks or not", "[sdk][docs]") {
  const std::string page =
      "# x\n\n## Options\n\n| option | type | default | meaning |\n|---|---|---|---|\n"
      "| `max-span` | integer | 15 | most |\n| `order` | list | `A,B` | grades |\n\n## Example\n\n| a | b | c | d |\n";
  CHECK(as_lines(documented_options(page)) == "max-span integer 15\norder list A,B\n");
  CHECK(documented_options("# x\n\n## Options\n\nNone.\n").empty());
}
