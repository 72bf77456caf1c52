// How long each writer takes on a large org, in-process so the load and the rules (which dominate a
// CLI run) do not blur the figure. Hidden from the normal run; docs/outputs.md shows how to run it:
//
//   python3 bench/generate_org.py 100000 -o bench/out/org-100000.yaml   # once
//   build/bin/orgaudit_tests "[bench]"     # ORGAUDIT_BENCH_ORG=FILE, ORGAUDIT_BENCH_PROFILE=NAME to vary
#include <catch2/catch.hpp>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "cli/audit.h"
#include "orgaudit/version.h"
#include "report.h"

namespace {

using Clock = std::chrono::steady_clock;

// Wall-clock and CPU seconds: on a busy machine CPU time is the steadier figure.
struct Stopwatch {
  Clock::time_point wall = Clock::now();
  std::clock_t cpu = std::clock();
  double wall_seconds() const { return std::chrono::duration<double>(Clock::now() - wall).count(); }
  double cpu_seconds() const { return static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

}  // namespace

TEST_CASE("bench: every writer on a large org, all formats together under 3 s", "[.][bench]") {
  const char* chosen = std::getenv("ORGAUDIT_BENCH_ORG");
  const std::string path = chosen ? chosen : ORGAUDIT_SOURCE_DIR "/bench/out/org-100000.yaml";
  if (!std::filesystem::exists(path))
    FAIL(path << " does not exist: python3 bench/generate_org.py 100000 -o " << path);

  orgaudit::RealFileSystem files;
  std::ostringstream out, err;
  orgaudit::cli::CliContext context{out, err, false, false, [](const char* name) { return static_cast<const char*>(std::getenv(name)); },
                                    files};
  orgaudit::cli::ParsedArgs args;
  args.positional = {path};
  if (const char* profile = std::getenv("ORGAUDIT_BENCH_PROFILE")) args.options.emplace_back("profile", profile);
  Stopwatch audit_time;
  const auto audit = orgaudit::cli::run_audit(args, context);
  std::printf("%s (%s): %zu people, %zu units, %zu findings; audit %.2f s\n", path.c_str(),
              audit->profile.describe().c_str(), audit->loaded->org.people.size(),
              audit->loaded->org.units.size(), audit->run.findings.size(), audit_time.wall_seconds());
  Stopwatch scoring;
  const orgaudit::Scores scores = orgaudit::compute_scores(audit->run, audit->loaded->org);
  std::printf("  scores with the per-unit roll-up: %.3f s wall, %.3f s CPU\n", scoring.wall_seconds(), scoring.cpu_seconds());

  const orgaudit::ReportInput input{audit->loaded->org, audit->loaded->metrics, audit->run, scores, audit->catalog,
                                    orgaudit::version(), audit->profile.describe()};
  const orgaudit::WriteOptions options;
  double wall = 0, cpu = 0;
  for (const orgaudit::OutputFormat& format : orgaudit::output_formats()) {
    Stopwatch writing;
    const std::string bytes = format.write(input, options);
    wall += writing.wall_seconds();
    cpu += writing.cpu_seconds();
    std::printf("  %-9s %6.3f s wall %6.3f s CPU %8.1f MB\n", format.name, writing.wall_seconds(), writing.cpu_seconds(),
                bytes.size() / 1e6);
  }
  std::printf("  all formats: %.3f s wall, %.3f s CPU\n", wall, cpu);
  CHECK(cpu < 3.0);
}
