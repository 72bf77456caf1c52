// orgaudit's entry point: wires the real streams, environment and disk to the CLI.
#include <cstdlib>
#include <exception>
#include <new>
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
  orgaudit::remove_temporary_files_on_signals();
  // A last line only: inputs are bounded where they are read, but nothing may end in SIGABRT.
  try {
    return orgaudit::cli::run_cli(std::vector<std::string>(argv + 1, argv + argc), context);
  } catch (const std::bad_alloc&) {
    std::cerr << "orgaudit: error: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "orgaudit: error: " << e.what() << "\n";
  }
  return 2;
}
