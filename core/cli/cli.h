#pragma once

#include <string>
#include <vector>

#include "cli/context.h"

namespace orgaudit::cli {

// Runs `orgaudit ARGS...` and returns the exit code; every error is reported on context.err.
int run_cli(const std::vector<std::string>& args, CliContext& context);

}  // namespace orgaudit::cli
