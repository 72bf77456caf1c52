// How fast orgaudit reads CSV: the RFC 4180 tokenizer alone over a mapped file (MB/s, best of
// three passes), then the whole CSV importer (rows to people, with the id and unit tables).
//
//   build/bin/orgaudit_csv_bench bench/out/org-1000000.csv
//
// Built with the project (core/import/CMakeLists.txt), not installed; bench/run.sh runs it.
#include <chrono>
#include <cstdio>
#include <ctime>

#include "import/csv_import.h"
#include "import/csv_reader.h"
#include "model/import_log.h"

using namespace orgaudit;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: orgaudit_csv_bench FILE.csv\n");
    return 2;
  }
  RealFileSystem files;
  try {
    const std::unique_ptr<FileBytes> bytes = files.read_all(argv[1]);
    const std::string_view text = bytes->view();
    // Wall clock and CPU time both: on a shared machine the CPU time is the reader's own cost.
    double best = 1e9, best_cpu = 1e9;
    std::size_t records = 0, fields = 0;
    for (int pass = 0; pass < 3; ++pass) {
      const auto start = std::chrono::steady_clock::now();
      const std::clock_t cpu = std::clock();
      csv::Reader reader(text, csv::detect_delimiter(text));
      csv::Record record;
      records = fields = 0;
      while (reader.next(record)) ++records, fields += record.fields.size();
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      best_cpu = std::min(best_cpu, double(std::clock() - cpu) / CLOCKS_PER_SEC);
    }
    std::printf("tokenizer: %.1f MB in %.3f s wall = %.0f MB/s; %.3f s CPU = %.0f MB/s (%zu records, %zu fields; best of 3)\n",
                text.size() / 1e6, best, text.size() / 1e6 / best, best_cpu, text.size() / 1e6 / best_cpu, records, fields);

    // The whole importer: rows to people, with the id and unit tables.
    Org org;
    std::vector<Diagnostic> warnings;
    NoProgress progress;
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu = std::clock();
    import::load_csv(files, argv[1], LoadOptions{}, org, warnings, progress);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu_seconds = double(std::clock() - cpu) / CLOCKS_PER_SEC;
    std::printf("importer:  %zu people, %zu units in %.3f s wall, %.3f s CPU = %.0f MB/s, %.0f rows/s (CPU)\n",
                org.people.size(), org.units.size(), seconds, cpu_seconds, text.size() / 1e6 / cpu_seconds,
                org.import_log->records / cpu_seconds);
  } catch (const InputError& e) {
    std::fprintf(stderr, "%s\n", e.diagnostic().format("error").c_str());
    return 2;
  }
  return 0;
}
