// The commented starter .orgaudit.yaml that `orgaudit init` writes.
#pragma once

#include <string>
#include <vector>

namespace orgaudit {

// Every setting appears, the optional ones commented out with an example, so the file documents
// itself; as written it loads as a valid config that changes nothing: the profile is left to each
// run's choice by what the org contains, with the shipped `profiles` listed beside it.
std::string starter_config(const std::vector<std::string>& profiles);

}  // namespace orgaudit
