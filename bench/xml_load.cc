// How fast orgaudit reads an HR-XML export: the whole XML importer (record cutting, pugixml,
// field paths, people), on one thread and with records parsed on a second thread as `check` does.
// The one-thread CPU time is the importer's whole cost; the two-thread wall time what a user waits.
//
//   build/bin/orgaudit_xml_bench bench/out/org-1000000.xml [one|two]   (default: both, one thread first)
//
// Built with the project (core/import/CMakeLists.txt), not installed.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <utility>

#include "import/xml_import.h"
#include "model/import_log.h"

using namespace orgaudit;

namespace {

// One number for every place the importer recorded (people, units, issues): equal before and
// after a change to how places are counted, or the change moved one.
std::uint64_t places_digest(const Org& org) {
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&](const SourceLocation& at) {
    for (const std::uint64_t v : {std::uint64_t{at.line}, std::uint64_t{at.column}}) h = (h ^ v) * 1099511628211ULL;
  };
  for (const Person& p : org.people) mix(p.where), mix(p.manager_where), mix(p.dotted_where);
  for (const Unit& u : org.units) mix(u.where), mix(u.parent_where), mix(u.owner_where);
  for (const ImportIssue& issue : org.import_log->issues) mix(issue.where);
  return h;
}

// Wall clock and CPU seconds of `run`: on a shared machine the CPU time is the importer's own cost.
template <typename Run>
std::pair<double, double> timed(Run&& run) {
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu = std::clock();
  run();
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
          double(std::clock() - cpu) / CLOCKS_PER_SEC};
}

}  // namespace

int main(int argc, char** argv) {
  const std::string only = argc == 3 ? argv[2] : "";
  if (argc < 2 || argc > 3 || (!only.empty() && only != "one" && only != "two")) {
    std::fprintf(stderr, "usage: orgaudit_xml_bench FILE.xml [one|two]\n");
    return 2;
  }
  RealFileSystem files;
  try {
    for (const auto& run : {std::pair{detail::Split::one_thread, "one thread"},
                            std::pair{detail::Split::two_threads, "parse thread"}}) {
      const detail::Split mode = run.first;  // a variable, not a binding: lambdas capture it in C++17
      const char* name = run.second;
      if (only == (mode == detail::Split::one_thread ? "two" : "one")) continue;
      Org org;
      const auto [seconds, cpu_seconds] = timed([&] {
        std::vector<Diagnostic> warnings;
        NoProgress progress;
        import::load_xml(files, argv[1], LoadOptions{}, org, warnings, progress, mode);
      });
      std::printf("importer (%s): %zu people, %zu units, %zu issues in %.3f s wall, %.3f s CPU; places %016llx\n", name,
                  org.people.size(), org.units.size(), org.import_log->issues.size(), seconds, cpu_seconds,
                  static_cast<unsigned long long>(places_digest(org)));
    }
  } catch (const InputError& e) {
    std::fprintf(stderr, "%s\n", e.diagnostic().format("error").c_str());
    return 2;
  }
  return 0;
}
