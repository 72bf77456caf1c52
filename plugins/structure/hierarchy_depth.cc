#include "hierarchy_depth.h"

#include "people_text.h"

namespace orgaudit::structure {

RuleInfo HierarchyDepth::info() {
  return {"structure-hierarchy-depth",
          "people more layers below the root than the organisation should have",
          Severity::warning,
          "Flatness",
          {{"max-layers", OptionType::integer, "7",
            "deepest layer allowed below the root (the root is layer 0); deeper is a warning"},
           {"error-layers", OptionType::integer, "9",
            "layer at or beyond which a finding is an error rather than a warning"}},
          ""};
}

HierarchyDepth::HierarchyDepth(const RuleOptions& options)
    : max_layers_(options.get_int("max-layers")), error_layers_(options.get_int("error-layers")) {}

void HierarchyDepth::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const ReportingMetrics& reporting = context.metrics.reporting;
  // Depth is only defined for people a root reaches; people in or under a reporting cycle have none
  // (structure-integrity reports the cycle), so they are neither flagged nor counted.
  for (PersonIndex p : reporting.breadth_first_order) sink.assessed({EntityRef::person, p});
  if (reporting.max_depth <= max_layers_) return;  // the common case: nobody to flag, no walk

  for (PersonIndex p : reporting.breadth_first_order) {
    const long depth = reporting.depth[p];
    // Only the people beyond the limit, each once: flagging their managers' whole subtrees, or every
    // layer of a long chain, would bury the one structural fact under hundreds of lines.
    if (depth <= max_layers_) continue;
    const Person& person = org.people[p];
    const Severity severity = depth >= error_layers_ ? Severity::error : Severity::warning;
    FindingBuilder finding =
        sink.report({EntityRef::person, p}, severity,
                    quoted(person) + " is " + count_of(static_cast<std::size_t>(depth), "layer") +
                        " below the root (max " + std::to_string(max_layers_) + ")");
    // The management chain from the root down to the person's own manager, so a reader (and the
    // map, which highlights it) sees where the extra layers are. Only computed for flagged people.
    const std::vector<PersonIndex> chain = reporting.chain_to(org, p);
    for (std::size_t layer = 0; layer + 1 < chain.size(); ++layer) {
      const Person& manager = org.people[chain[layer]];
      finding.related(manager.where, "layer " + std::to_string(layer) + ": " + quoted(manager),
                      {EntityRef::person, chain[layer]});
    }
  }
}

}  // namespace orgaudit::structure
