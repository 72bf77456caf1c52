#include "loader/yaml_loader.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <istream>
#include <iterator>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "loader/yaml_events.h"
#include "loader/yaml_handler.h"
#include "loader/yaml_split.h"
#include "loader/yaml_streams.h"
#include "loader/yaml_tuning.h"

namespace orgaudit {
namespace {

using yaml::Section;

// A file either loads whole or leaves the org and the warnings as they were.
class Snapshot {
 public:
  Snapshot(Org& org, std::vector<Diagnostic>& warnings)
      : org_(org), warnings_(warnings), people_(org.people.size()), units_(org.units.size()),
        links_(org.links.size()), warning_count_(warnings.size()), name_(org.name), as_of_(org.as_of) {}

  void restore() {
    org_.people.resize(people_);
    org_.units.resize(units_);
    org_.links.resize(links_);
    warnings_.resize(warning_count_);
    org_.name = name_;
    org_.as_of = as_of_;
  }

 private:
  Org& org_;
  std::vector<Diagnostic>& warnings_;
  std::size_t people_, units_, links_, warning_count_;
  std::string name_;
  std::optional<Date> as_of_;
};

// One org document; a second document fails in document_start.
void parse(std::istream& in, yaml::OrgHandler& handler, const yaml::Source& source,
           const yaml::LocateByte& locate) {
  if (!yaml::read_events(in, source, handler, locate)) source.fail(0, 0, "empty file: not an orgaudit org");
}

// A slice of a split file is placed by the one pass that redoes any failure.
yaml::ByteLocation nowhere(std::uint64_t) { return {}; }

// A slice of one section's items, parsed on a worker thread.
struct Job {
  yaml::SplitChunk chunk;
  Section section = Section::people;
  Org entities;
  std::vector<Diagnostic> warnings;
  bool failed = false;
  std::promise<void> done;
};

Section section_named(const std::string& name) {
  return name == "people" ? Section::people : name == "units" ? Section::units : Section::links;
}

// Plans the cuts on this thread while worker threads parse each chunk as soon as it is planned;
// then reads the rest (the skeleton) and adopts the chunks' entities, in file order, where their
// section's key stands. Returns false if the file cannot be cut; throws on anything unexpected.
// Either way the caller then reads the file in one pass.
class ParallelLoad {
 public:
  ParallelLoad(const FileSystem& files, const yaml::Source& source, const RecordLimits& limits)
      : files_(files), source_(source), limits_(limits) {}

  ~ParallelLoad() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      cancel_ = true;
    }
    changed_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

  bool run(std::istream& file, std::uint64_t chunk_bytes, std::uint64_t min_split_bytes, Org& org,
           std::vector<Diagnostic>& warnings, Progress& progress, std::uint64_t total, unsigned threads) {
    window_ = 2 * threads;
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
    auto hand_to_workers = [&](const std::string& section, const yaml::SplitChunk& chunk) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        Job& job = jobs_.emplace_back();
        job.chunk = chunk;
        job.section = section_named(section);
      }
      changed_.notify_all();
    };
    const yaml::SplitPlan plan = yaml::plan_split(file, chunk_bytes, min_split_bytes, hand_to_workers);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      planned_ = true;
    }
    changed_.notify_all();
    if (plan.ranges.empty()) return false;

    std::vector<yaml::SpliceBuf::Range> holes;
    yaml::Source skeleton(source_.path(), source_.file(), warnings);
    std::uint32_t skipped = 0;
    for (const yaml::SplitRange& range : plan.ranges) {
      holes.emplace_back(range.begin, range.end);
      const std::uint32_t from = range.first_line - skipped;  // the parser's count resumes here
      skipped += range.end_line - range.first_line;
      skeleton.shift_lines(from, skipped);
    }
    auto stream = files_.open_for_reading(source_.path());
    yaml::SpliceBuf buffer(*stream, 0, total, std::move(holes));
    std::istream in(&buffer);
    yaml::OrgHandler handler(skeleton, org, limits_, progress, in, total);
    const std::string phase = loading_phase(source_.path());
    std::size_t next_range = 0, next_job = 0;
    handler.on_empty_section = [&](std::uint32_t key_line, Section section) {
      if (next_range == plan.ranges.size()) return false;
      const yaml::SplitRange& range = plan.ranges[next_range];
      if (range.key_line + 1 != key_line || section_named(range.section) != section) return false;
      ++next_range;
      if (section == Section::people) org.people.reserve(org.people.size() + range.items);
      if (section == Section::units) org.units.reserve(org.units.size() + range.items);
      if (section == Section::links) org.links.reserve(org.links.size() + range.items);
      for (std::size_t i = 0; i < range.chunks.size(); ++i) {
        Job& job = jobs_[next_job++];  // planning is over: jobs_ no longer changes
        job.done.get_future().wait();
        if (job.failed) throw std::runtime_error("chunk failed");
        warnings.insert(warnings.end(), std::make_move_iterator(job.warnings.begin()),
                        std::make_move_iterator(job.warnings.end()));
        handler.adopt(job.entities);
        job.entities = Org{};
        {
          std::lock_guard<std::mutex> lock(mutex_);
          ++adopted_;
        }
        changed_.notify_all();
        progress.update(phase, job.chunk.end, total);
      }
      return true;
    };
    parse(in, handler, skeleton, nowhere);
    if (next_range != plan.ranges.size()) throw std::runtime_error("section not found");
    handler.finish();
    return true;
  }

 private:
  // The next job to parse, once it is planned and, after planning, within the window of jobs not
  // yet adopted: parsed chunks wait in memory until then. While the file is still being planned
  // (a scan about ten times faster than parsing) the workers run ahead freely.
  Job* next_job() {
    const std::size_t i = next_job_++;
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] {
      const bool none_left = planned_ && i >= jobs_.size();
      const bool ready = i < jobs_.size() && (!planned_ || i < adopted_ + window_);
      return cancel_ || none_left || ready;
    });
    return cancel_ || i >= jobs_.size() ? nullptr : &jobs_[i];  // a deque: the job stays where it is
  }

  void work() {
    while (Job* job = next_job()) {
      try {
        auto stream = files_.open_for_reading(source_.path());
        yaml::SpliceBuf buffer(*stream, job->chunk.begin, job->chunk.end);
        std::istream in(&buffer);
        yaml::Source source(source_.path(), source_.file(), job->warnings);
        source.shift_lines(0, job->chunk.first_line);
        if (job->section == Section::people) job->entities.people.reserve(job->chunk.items);
        if (job->section == Section::units) job->entities.units.reserve(job->chunk.items);
        if (job->section == Section::links) job->entities.links.reserve(job->chunk.items);
        yaml::OrgHandler handler(source, job->entities, limits_, job->section, cancel_);
        parse(in, handler, source, nowhere);
      } catch (...) {
        job->failed = true;
      }
      job->done.set_value();
    }
  }

  const FileSystem& files_;
  const yaml::Source& source_;
  const RecordLimits limits_;
  std::deque<Job> jobs_;
  std::vector<std::thread> threads_;
  std::atomic<std::size_t> next_job_{0};
  std::atomic<bool> cancel_{false};
  std::mutex mutex_;
  std::condition_variable changed_;  // a job planned, planning done, a job adopted, or cancelled
  bool planned_ = false;
  std::size_t adopted_ = 0;
  std::size_t window_ = 1;
};

}  // namespace

void load_yaml_org(const FileSystem& files, const std::string& path, Org& org,
                   std::vector<Diagnostic>& warnings, Progress& progress, const RecordLimits& limits) {
  load_yaml_org(files, path, org, warnings, progress, YamlLoadTuning{}, limits);
}

void load_yaml_org(const FileSystem& files, const std::string& path, Org& org,
                   std::vector<Diagnostic>& warnings, Progress& progress, const YamlLoadTuning& tuning,
                   const RecordLimits& limits) {
  std::unique_ptr<std::istream> in = files.open_for_reading(path);
  const std::uint64_t total = files.size_of(path);
  yaml::Source source(path, org.add_file(path), warnings);
  Snapshot snapshot(org, warnings);
  unsigned threads = tuning.threads ? tuning.threads : std::max(1u, std::thread::hardware_concurrency());
  try {
    bool loaded = false;
    if (threads > 1 && total >= tuning.min_split_bytes) {
      std::uint64_t chunk = tuning.chunk_bytes ? tuning.chunk_bytes
                                               : std::max<std::uint64_t>(64u << 10, total / (threads * 32));
      try {
        loaded = ParallelLoad(files, source, limits)
                     .run(*in, chunk, tuning.min_split_bytes, org, warnings, progress, total, threads);
      } catch (...) {
        // Errors are worded, and placed, by the one pass below, exactly as for an unsplit file.
        snapshot.restore();
      }
      if (!loaded) in = files.open_for_reading(path);  // the plan read it to the end
    }
    if (!loaded) {
      yaml::OrgHandler handler(source, org, limits, progress, *in, total);
      parse(*in, handler, source, [&](std::uint64_t offset) {
        return yaml::locate_byte(*files.open_for_reading(path), offset);
      });
      handler.finish();
    }
  } catch (...) {
    snapshot.restore();
    progress.finish();
    throw;
  }
  progress.finish();
}

}  // namespace orgaudit
