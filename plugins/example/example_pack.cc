// An example rule pack: one rule that flags people without a job title. Copy this to start a pack.
#include <orgaudit/plugin.h>

namespace {

using namespace orgaudit;

class MissingTitle : public Rule {
 public:
  static RuleInfo info() {
    return {"people and posts without a job title",
            Severity::info,
            "Data quality",
            {{"ignore-vacant", OptionType::boolean, "true", "skip vacant posts"}}};
  }

  explicit MissingTitle(const RuleOptions& options) : ignore_vacant_(options.get_bool("ignore-vacant")) {}

  void check(const CheckContext& context, FindingSink& sink) const override {
    for (PersonIndex p = 0; p < context.org.people.size(); ++p) {
      const Person& person = context.org.people[p];
      if (ignore_vacant_ && person.has(kVacant)) continue;
      sink.assessed({EntityRef::person, p});
      if (person.title.empty())
        sink.report({EntityRef::person, p}, "'" + (person.name.empty() ? person.id : person.name) + "' has no job title");
    }
  }

 private:
  bool ignore_vacant_;
};

void register_example_rules(RuleRegistry& registry) { registry.add<MissingTitle>("example-missing-title"); }

}  // namespace

ORGAUDIT_DECLARE_PACK("example", "1.0.0", register_example_rules)
