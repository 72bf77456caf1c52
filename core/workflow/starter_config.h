// The commented starter .orgaudit.yaml that `orgaudit init` writes.
#pragma once

#include <string>
#include <vector>

namespace orgaudit {

// Every setting appears, the optional ones commented out with an example, so the file documents
// itself; as written it loads as a valid config that changes nothing: `profile` is the default
// profile, and the shipped `profiles` are listed beside it.
std::string starter_config(const std::string& profile, const std::vector<std::string>& profiles);

}  // namespace orgaudit
