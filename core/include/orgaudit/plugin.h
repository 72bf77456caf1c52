// The rule-pack ABI, in the manner of LLVM's pass plugins. A pack is a shared module exporting one C
// entry point, defined by
//
//   void register_my_rules(orgaudit::RuleRegistry& registry) {
//     registry.add<MissingTitle>("mypack-missing-title");
//   }
//   ORGAUDIT_DECLARE_PACK("mypack", "1.0.0", register_my_rules)
//
// What crosses the C boundary is plain C: the entry point returns a pointer to a constant
// `orgaudit_pack_info`, and the pack registers its rules through a table of C function pointers
// taking C strings. No exception crosses it: the registration trampoline and every rule factory
// below catch their own and hand the host a message.
//
// What the pack and the host still share as C++ is the data rules read and the objects they make
// (Org, OrgMetrics, CheckContext, FindingSink and FindingBuilder, RuleOptions, Rule). Those must have
// one layout on both sides, so the pack records at its build the API version, the size of each of
// them and the libstdc++ ABI; the host refuses
// a pack when any differs, naming both values. ORGAUDIT_PLUGIN_API_VERSION is bumped whenever one of
// them, or a virtual interface above, changes (core/plugin/plugin_abi_test.cc records the sizes of
// each version, and CHANGELOG.md says what changed).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <vector>

#include "orgaudit/rule.h"

// 3: the entry point returns a pointer and records the layout; registration is C; FindingBuilder
//    survives later reports; the module names each rule (RuleRegistry::add<Rule>(id)) and retires
//    merged rule ids (RuleRegistry::retire).
// 4: Org finds ids through IdLookup tables (person_ids, unit_ids; Org::find_person, find_unit)
//    instead of the person_by_id and unit_by_id maps.
// 5: no Boost type in the SDK: ReportingMetrics keeps the reporting lines as two arrays behind
//    reports_of(), UnitMetrics no unit graph; the layout no longer records BOOST_VERSION.
// 6: a compact Person (144 bytes, was 336): its strings are Text handles on the org's TextPool
//    (Org::texts), its dotted lines and attributes SmallLists; Attribute holds Texts. A compact
//    Unit (256 bytes, was 680): rights, metrics, contract and win-win statement are read through
//    Unit::rights() and the like, kept out of line (Unit::ecosystem) for the units that have them.
#define ORGAUDIT_PLUGIN_API_VERSION 6u
#define ORGAUDIT_PACK_ENTRY_POINT "orgaudit_describe_pack"
// What packs of API versions 1 and 2 exported (returning the struct by value): recognised only to
// tell their authors to rebuild.
#define ORGAUDIT_LEGACY_PACK_ENTRY_POINT "orgaudit_get_pack_info"

extern "C" {

// Everything a pack and its host must agree on beyond the API version. Each field is compared.
struct orgaudit_abi_layout {
  std::uint32_t libstdcxx_abi;     // _GLIBCXX_USE_CXX11_ABI: which std::string layout
  std::uint32_t debug_containers;  // _GLIBCXX_DEBUG: debug-mode containers have another layout
  std::uint32_t org;               // sizeof each struct a rule reads or the host returns to it
  std::uint32_t person;
  std::uint32_t unit;
  std::uint32_t link;
  std::uint32_t org_metrics;
  std::uint32_t reporting_metrics;
  std::uint32_t unit_metrics;
  std::uint32_t network_metrics;
  std::uint32_t check_context;
  std::uint32_t finding_builder;
  std::uint32_t source_location;
  std::uint32_t entity_ref;
};

struct orgaudit_option_decl {
  const char* name;           // kebab-case
  std::uint32_t type;         // orgaudit::OptionType
  const char* default_value;  // as on the command line
  const char* description;
};

// Makes one rule with the user's options; on failure returns null and writes why into `error`
// (at most error_capacity bytes, terminated). Never throws.
typedef orgaudit::Rule* (*orgaudit_create_rule_fn)(const orgaudit::RuleOptions* options, char* error,
                                                   std::size_t error_capacity);

struct orgaudit_rule_decl {
  const char* id;  // "<pack>-<name>", kebab-case; the host refuses any other
  const char* summary;
  std::uint32_t default_severity;  // orgaudit::Severity
  const char* dimension;
  const orgaudit_option_decl* options;
  std::uint32_t option_count;
  orgaudit_create_rule_fn create;
};

// The host's side of registration. Neither function throws: the host keeps the first refusal (a
// duplicate id, an id outside the prefix) or failure and reports it once the pack returns.
struct orgaudit_registrar {
  void* host;
  void (*add_rule)(void* host, const orgaudit_rule_decl* rule);
  void (*fail)(void* host, const char* message);  // the pack could not register (its own exception)
  // An id the pack no longer registers because its findings are now `merged_into`'s.
  void (*retire_rule)(void* host, const char* retired_id, const char* merged_into);
};

typedef void (*orgaudit_register_rules_fn)(const orgaudit_registrar* registrar);

struct orgaudit_pack_info {
  std::uint32_t api_version;  // first, so any host can read it whatever else changed
  orgaudit_abi_layout layout;
  const char* pack_name;      // the prefix of every rule id in the pack: "<pack_name>-"
  const char* pack_version;
  orgaudit_register_rules_fn register_rules;
};

typedef const orgaudit_pack_info* (*orgaudit_describe_pack_fn)(void);

// What packs of API versions 1 and 2 returned by value from ORGAUDIT_LEGACY_PACK_ENTRY_POINT. A host
// reads only api_version, to tell the pack's author to rebuild; one declaration for the host and the
// tests' legacy pack, so the call is made through the function's own type.
struct orgaudit_legacy_pack_info {
  std::uint32_t api_version;
  const char* pack_name;
  const char* pack_version;
  void (*register_rules)(void*);
};
typedef orgaudit_legacy_pack_info (*orgaudit_legacy_get_pack_info_fn)(void);
}

namespace orgaudit {

// The layout of the shared types as this translation unit sees them: the pack's at its build, the
// host's in the host.
inline orgaudit_abi_layout abi_layout() {
  auto size = [](std::size_t bytes) { return static_cast<std::uint32_t>(bytes); };
  return orgaudit_abi_layout{
#if defined(_GLIBCXX_USE_CXX11_ABI)
      static_cast<std::uint32_t>(_GLIBCXX_USE_CXX11_ABI),
#else
      0u,
#endif
#if defined(_GLIBCXX_DEBUG)
      1u,
#else
      0u,
#endif
      size(sizeof(Org)), size(sizeof(Person)), size(sizeof(Unit)), size(sizeof(Link)),
      size(sizeof(OrgMetrics)), size(sizeof(ReportingMetrics)), size(sizeof(UnitMetrics)),
      size(sizeof(NetworkMetrics)), size(sizeof(CheckContext)), size(sizeof(FindingBuilder)),
      size(sizeof(SourceLocation)), size(sizeof(EntityRef))};
}

// The pack's view of registration: C++ on the pack's side of the C table. A pack's register function
// receives one; what it declares is copied by the host before add() returns.
class RuleRegistry {
 public:
  explicit RuleRegistry(const orgaudit_registrar& registrar) : registrar_(registrar) {}

  // Registers RuleClass as `id`: the pack's name, a dash and the rule's own kebab-case name
  // ("structure-span-of-control"). The host refuses an id outside the pack's prefix.
  template <typename RuleClass>
  void add(const char* id) {
    const RuleInfo info = RuleClass::info();
    std::vector<orgaudit_option_decl> options;
    for (const OptionSpec& o : info.options)
      options.push_back({o.name.c_str(), static_cast<std::uint32_t>(o.type), o.default_value.c_str(),
                         o.description.c_str()});
    const orgaudit_rule_decl rule{id,
                                  info.summary.c_str(),
                                  static_cast<std::uint32_t>(info.default_severity),
                                  info.dimension.c_str(),
                                  options.data(),
                                  static_cast<std::uint32_t>(options.size()),
                                  &create<RuleClass>};
    registrar_.add_rule(registrar_.host, &rule);
  }

  // Declares that `retired_id` is no longer registered because its findings are now `merged_into`'s:
  // a setting naming it stops the run saying where its findings went, a suppression naming it applies
  // to `merged_into` with a warning to rename it.
  void retire(const char* retired_id, const char* merged_into) {
    registrar_.retire_rule(registrar_.host, retired_id, merged_into);
  }

 private:
  template <typename RuleClass>
  static Rule* create(const RuleOptions* options, char* error, std::size_t error_capacity) noexcept {
    try {
      return new RuleClass(*options);
    } catch (const std::exception& e) {
      std::snprintf(error, error_capacity, "%s", e.what());
    } catch (...) {
      std::snprintf(error, error_capacity, "%s", "unknown exception");
    }
    return nullptr;
  }

  const orgaudit_registrar& registrar_;
};

namespace detail {

// The C function the host calls: runs the pack's C++ register function and turns anything it throws
// into a message, so no exception leaves the pack.
template <void (*Register)(RuleRegistry&)>
void register_rules(const orgaudit_registrar* registrar) noexcept {
  try {
    RuleRegistry registry(*registrar);
    Register(registry);
  } catch (const std::exception& e) {
    registrar->fail(registrar->host, e.what());
  } catch (...) {
    registrar->fail(registrar->host, "unknown exception");
  }
}

inline orgaudit_pack_info pack_info(const char* name, const char* version, orgaudit_register_rules_fn fn) {
  return orgaudit_pack_info{ORGAUDIT_PLUGIN_API_VERSION, abi_layout(), name, version, fn};
}

}  // namespace detail
}  // namespace orgaudit

#define ORGAUDIT_DECLARE_PACK(name, version, register_fn)                                             \
  extern "C" __attribute__((visibility("default"))) const orgaudit_pack_info* orgaudit_describe_pack(void) { \
    static const orgaudit_pack_info info =                                                           \
        ::orgaudit::detail::pack_info(name, version, &::orgaudit::detail::register_rules<register_fn>); \
    return &info;                                                                                    \
  }
