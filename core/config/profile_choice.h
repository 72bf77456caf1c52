// Which profile a run uses, and why: --profile, else the config's `profile:`, else the one that
// fits what the org contains. The text summary says which ran and why, so a reader of the output
// knows which thresholds it was held to.
#pragma once

#include <string>

#include "orgaudit/model.h"

namespace orgaudit {

inline constexpr const char* kRendanheyiProfile = "rendanheyi";
inline constexpr const char* kClassicProfile = "classic";

struct ProfileChoice {
  std::string name;    // a profile name, or a path to a profile file
  std::string reason;  // "--profile", "set in .orgaudit.yaml", "chosen: the org declares 2 MEs"

  // "profile classic (chosen: the org declares no platforms, EMCs or MEs)"
  std::string describe() const { return "profile " + name + " (" + reason + ")"; }
};

// For a run that names no profile: Rendanheyi's rules and thresholds when the org declares
// platforms, EMCs or MEs; otherwise the classic spans-and-layers review, since holding an HR export
// to three layers and to rules about MEs it cannot have only buries its real problems.
ProfileChoice choose_profile(const Org& org);

}  // namespace orgaudit
