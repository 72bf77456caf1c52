// The rule-pack ABI. A pack is a shared module exporting one C entry point:
//
//   ORGAUDIT_DECLARE_PACK("mypack", "1.0.0", register_my_rules)
//
// which defines `orgaudit_pack_info orgaudit_get_pack_info(void)`. The host checks api_version
// before calling anything else, so a pack built against another SDK is refused with both numbers
// instead of crashing. Packs and host share C++ types (Rule, Org), so the version is bumped whenever
// any public header under orgaudit/ changes layout.
#pragma once

#include <cstdint>

#include "orgaudit/rule.h"

#define ORGAUDIT_PLUGIN_API_VERSION 2u  // 2: findings carry a subject, a key and affected entities; sinks report at places and name the assessed; packs retire merged rule ids
#define ORGAUDIT_PACK_ENTRY_POINT "orgaudit_get_pack_info"

extern "C" {

typedef void (*orgaudit_register_rules_fn)(orgaudit::RuleRegistry* registry);

struct orgaudit_pack_info {
  std::uint32_t api_version;  // ORGAUDIT_PLUGIN_API_VERSION the pack was built against
  const char* pack_name;      // the prefix of every rule id in the pack
  const char* pack_version;
  orgaudit_register_rules_fn register_rules;
};

typedef orgaudit_pack_info (*orgaudit_get_pack_info_fn)(void);
}

#define ORGAUDIT_DECLARE_PACK(name, version, register_fn)                            \
  extern "C" __attribute__((visibility("default"))) orgaudit_pack_info              \
  orgaudit_get_pack_info(void) {                                                     \
    return orgaudit_pack_info{ORGAUDIT_PLUGIN_API_VERSION, name, version, register_fn}; \
  }
