// orgaudit's entry point: wires the real streams, environment and disk to the CLI.
#include <cstdlib>
#include <iostream>
#include <unistd.h>

#include "cli/cli.h"

int main(int argc, char** argv) {
  orgaudit::RealFileSystem files;
  orgaudit::cli::CliContext context{std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1,
                                    ::isatty(STDERR_FILENO) == 1,
                                    [](const char* name) { return static_cast<const char*>(std::getenv(name)); },
                                    files};
  context.exits_after_command = true;
  return orgaudit::cli::run_cli(std::vector<std::string>(argv + 1, argv + argc), context);
}
