#include "hierarchy_depth.h"

#include <limits>

#include "orgaudit/message_text.h"

namespace orgaudit::structure {

namespace {

// One management line that crosses the limit: everyone below `head`, the person at the last allowed
// layer, who sits deeper than that layer.
struct DeepLine {
  PersonIndex head = kNoIndex;
  std::vector<PersonIndex> beyond;  // in breadth-first order
  PersonIndex deepest = kNoIndex;   // the first person met at the deepest layer
};

std::string layers_text(long shallowest, long deepest) {
  if (shallowest == deepest) return count_of(static_cast<std::size_t>(deepest), "layer");
  return std::to_string(shallowest) + " to " + std::to_string(deepest) + " layers";
}

}  // namespace

RuleInfo HierarchyDepth::info() {
  return {"management lines that run more layers below the root than the organisation should have",
          Severity::warning,
          "Flatness",
          {{"max-layers", OptionType::integer, "7",
            "deepest layer allowed below the root (the root is layer 0); deeper is a warning"},
           {"error-layers", OptionType::integer, "9",
            "layer at or beyond which a finding is an error rather than a warning"}}};
}

HierarchyDepth::HierarchyDepth(const RuleOptions& options)
    : max_layers_(options.get_int("max-layers")), error_layers_(options.get_int("error-layers")) {
  // The root is layer 0: a negative limit would put roots beyond it, with no manager to group them at.
  if (max_layers_ < 0)
    throw OptionError("structure-hierarchy-depth.max-layers must be 0 or more (the root is layer 0), not " +
                      std::to_string(max_layers_));
}

Severity HierarchyDepth::severity_at(long depth) const {
  return depth >= error_layers_ ? Severity::error : Severity::warning;
}

void HierarchyDepth::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const ReportingMetrics& reporting = context.metrics.reporting;
  // Depth is only defined for people a root reaches; people in or under a reporting cycle have none
  // (structure-integrity reports the cycle), so they are neither flagged nor counted.
  for (PersonIndex p : reporting.breadth_first_order) sink.assessed({EntityRef::person, p});
  if (reporting.max_depth <= max_layers_) return;  // the common case: nobody to flag, no walk

  // One pass in breadth-first order, managers before their reports: a person just beyond the limit
  // opens (or joins) the line of their manager, who is at the last allowed layer; anyone deeper joins
  // their manager's line. One finding per line rather than per person: a deep branch of hundreds is
  // one structural fact, and the people in it are still scored one by one (affects()).
  constexpr std::uint32_t kNoLine = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> line_of(org.people.size(), kNoLine);
  std::vector<DeepLine> lines;
  for (PersonIndex p : reporting.breadth_first_order) {
    const long depth = reporting.depth[p];
    if (depth <= max_layers_) continue;
    const PersonIndex manager = org.people[p].manager;
    if (line_of[manager] == kNoLine) {  // only a head at the last allowed layer can be unset here
      line_of[manager] = static_cast<std::uint32_t>(lines.size());
      lines.push_back({manager, {}, kNoIndex});
    }
    DeepLine& line = lines[line_of[manager]];
    line_of[p] = line_of[manager];
    line.beyond.push_back(p);
    if (line.deepest == kNoIndex || depth > reporting.depth[line.deepest]) line.deepest = p;
  }

  for (const DeepLine& line : lines) {
    const Person& head = org.people[line.head];
    const long deepest = reporting.depth[line.deepest];
    const std::string unit = head.unit == kNoIndex ? "" : quoted(org.units[head.unit]) + ": ";
    std::string message = unit + quoted(head) + " (layer " + std::to_string(max_layers_) + ") has " +
                          count_of(line.beyond.size(), "person", "people") + " " +
                          layers_text(max_layers_ + 1, deepest) + " below the root (max " +
                          std::to_string(max_layers_) + ")";
    // Name the deepest person only when the line spans several layers: among equals it is arbitrary.
    if (deepest > max_layers_ + 1)
      message += "; the deepest, " + quoted(org.people[line.deepest]) + ", at layer " + std::to_string(deepest);
    FindingBuilder finding = sink.report({EntityRef::person, line.head}, severity_at(deepest), message);
    // Each person beyond the limit with the severity of their own layer, so the score still counts
    // people, not lines.
    for (PersonIndex p : line.beyond) finding.affects({EntityRef::person, p}, severity_at(reporting.depth[p]));
    // The deepest chain, root to the deepest person, so a reader (and the map, which highlights it)
    // sees where the layers pile up. One walk per line, not per person.
    std::vector<PersonIndex> chain = reporting.chain_to(org, line.deepest);
    for (std::size_t layer = 0; layer < chain.size(); ++layer) {
      const Person& person = org.people[chain[layer]];
      finding.related(person.where, "layer " + std::to_string(layer) + ": " + quoted(person),
                      {EntityRef::person, chain[layer]});
    }
    finding.chain(std::move(chain));
  }
}

}  // namespace orgaudit::structure
