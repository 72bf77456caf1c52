// How fast orgaudit reads an org YAML file: libyaml's events alone (the parser's floor), the scan
// that finds where a split load may cut, then the whole loader into the org model in one pass and
// split over every core as `check` does.
//
//   build/bin/orgaudit_yaml_bench bench/out/org-1000000.yaml
//
// Built with the project (core/CMakeLists.txt), not installed; bench/run.sh runs it.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <thread>

#include "loader/yaml_events.h"
#include "loader/yaml_loader.h"
#include "loader/yaml_split.h"
#include "loader/yaml_tuning.h"

using namespace orgaudit;

namespace {

// Counts events and drops them.
struct Discard final : yaml::EventSink {
  std::size_t events = 0;
  void document_start(const yaml::Mark&) override { ++events; }
  void document_end() override { ++events; }
  void null(const yaml::Mark&) override { ++events; }
  void scalar(const yaml::Mark&, std::string_view) override { ++events; }
  void start(yaml::Node::Kind, const yaml::Mark&) override { ++events; }
  void end() override { ++events; }
};

// Wall clock and CPU time both: on a shared machine the CPU time is the reader's own cost, and a
// split load shows its gain as wall time below CPU time.
void timed(const char* what, double megabytes, const std::function<std::string()>& run) {
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu = std::clock();
  const std::string result = run();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds = double(std::clock() - cpu) / CLOCKS_PER_SEC;
  std::printf("%-22s %7.3f s wall = %5.1f MB/s; %7.3f s CPU (%s)\n", what, wall, megabytes / wall, cpu_seconds,
              result.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: orgaudit_yaml_bench FILE.yaml\n");
    return 2;
  }
  const std::string path = argv[1];
  RealFileSystem files;
  try {
    const double megabytes = static_cast<double>(files.size_of(path)) / 1e6;
    std::printf("%s: %.1f MB\n", path.c_str(), megabytes);
    timed("libyaml events only", megabytes, [&] {
      std::vector<Diagnostic> warnings;
      yaml::Source source(path, 0, warnings);
      Discard sink;
      yaml::read_events(*files.open_for_reading(path), source, sink, [](std::uint64_t) { return yaml::ByteLocation{}; });
      return std::to_string(sink.events) + " events";
    });
    timed("split plan", megabytes, [&] {
      const yaml::SplitPlan plan = yaml::plan_split(*files.open_for_reading(path), 1u << 20, YamlLoadTuning{}.min_split_bytes);
      std::size_t chunks = 0;
      for (const yaml::SplitRange& range : plan.ranges) chunks += range.chunks.size();
      return std::to_string(plan.ranges.size()) + " sections, " + std::to_string(chunks) + " chunks";
    });
    for (unsigned threads : {1u, std::max(2u, std::thread::hardware_concurrency())}) {
      YamlLoadTuning tuning;
      tuning.threads = threads;
      const std::string what = threads == 1 ? "loader, one pass" : "loader, " + std::to_string(threads) + " threads";
      timed(what.c_str(), megabytes, [&] {
        Org org;
        std::vector<Diagnostic> warnings;
        NoProgress progress;
        load_yaml_org(files, path, org, warnings, progress, tuning);
        return std::to_string(org.people.size()) + " people, " + std::to_string(org.units.size()) + " units";
      });
    }
  } catch (const InputError& e) {
    std::fprintf(stderr, "%s\n", e.diagnostic().format("error").c_str());
    return 2;
  }
  return 0;
}
