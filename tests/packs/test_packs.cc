// Rule packs that misbehave on purpose, for the plugin host tests. One source, one behaviour per
// compile definition, each built as its own module in its own directory.
#include <stdexcept>

#include "orgaudit/plugin.h"

namespace {

using namespace orgaudit;

class CountPeople : public Rule {
 public:
  static RuleInfo info() {
    return {"reports one info finding per root", Severity::info, "Openness",
            {{"label", OptionType::string, "root", "word used in the message"}}};
  }
  explicit CountPeople(const RuleOptions& options) : label_(options.get_string("label")) {}
  void check(const CheckContext& context, FindingSink& sink) const override {
    for (PersonIndex root : context.metrics.reporting.roots) {
      sink.report({EntityRef::person, root}, label_ + " of " + std::to_string(context.org.people.size()));
      sink.assessed({EntityRef::person, root});
    }
  }

 private:
  std::string label_;
};

class Throws : public Rule {
 public:
  static RuleInfo info() { return {"always throws", Severity::warning, "Openness", {}}; }
  explicit Throws(const RuleOptions&) {}
  void check(const CheckContext&, FindingSink& sink) const override {
    sink.report({EntityRef::person, 0}, "partial finding that must be dropped");
    throw std::runtime_error("deliberate failure");
  }
};

// Unused by the packs that export no working entry point (legacy, no_entry_point).
[[maybe_unused]] void register_rules(RuleRegistry& registry) {
  registry.add<CountPeople>("testpack-count-people");
#if defined(TEST_PACK_THROWING)
  registry.add<Throws>("testpack-throws");
#elif defined(TEST_PACK_DUPLICATE)
  registry.add<CountPeople>("testpack-count-people");
#elif defined(TEST_PACK_OUTSIDE_PREFIX)
  registry.add<Throws>("structure-throws");  // another pack's prefix
#elif defined(TEST_PACK_THROWS_WHILE_REGISTERING)
  throw std::runtime_error("no licence file");
#endif
}

}  // namespace

#if defined(TEST_PACK_WRONG_VERSION)
extern "C" __attribute__((visibility("default"))) const orgaudit_pack_info* orgaudit_describe_pack(void) {
  static orgaudit_pack_info info = detail::pack_info("testpack", "0", &detail::register_rules<register_rules>);
  info.api_version = 42u;  // a version this SDK never had
  return &info;
}
#elif defined(TEST_PACK_WRONG_LAYOUT)
// As if built against headers where Org had one more pointer, with the pre-C++11 std::string.
extern "C" __attribute__((visibility("default"))) const orgaudit_pack_info* orgaudit_describe_pack(void) {
  static orgaudit_pack_info info = detail::pack_info("testpack", "0", &detail::register_rules<register_rules>);
  info.layout.org += sizeof(void*);
  info.layout.libstdcxx_abi = 0;
  return &info;
}
#elif defined(TEST_PACK_LEGACY)
// What a pack built for plugin API version 2 exported: the struct by value, under the old name.
extern "C" __attribute__((visibility("default"))) orgaudit_legacy_pack_info orgaudit_get_pack_info(void) {
  return orgaudit_legacy_pack_info{2u, "testpack", "0", nullptr};
}
#elif defined(TEST_PACK_NO_ENTRY_POINT)
extern "C" __attribute__((visibility("default"))) int some_other_symbol(void) { return 0; }
#else
ORGAUDIT_DECLARE_PACK("testpack", "0.0.1", register_rules)
#endif
