// Two independent pieces of a phase at once, or a phase's independent tasks shared by two
// threads, on a machine with a second core. The result is the same whichever way they run; only
// the wall time differs.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>

namespace orgaudit::detail {

// How a phase that can split in two runs: by the size of its work (a second thread costs tens of
// microseconds to start, more than half the work of a small org), or always one way, for tests
// that show both ways give the same answer.
enum class Split { by_size, two_threads, one_thread };

inline bool split_in_two(Split split, std::size_t items, std::size_t min_items) {
  return split == Split::two_threads ||
         (split == Split::by_size && items >= min_items && std::thread::hardware_concurrency() > 1);
}

// From this many people a phase over the people or the reporting lines splits in two: below it,
// the second thread's start is a good part of the whole (a phase takes about 0.1 us a person).
inline constexpr std::size_t kMinPeopleToSplit = 20000;

// Runs `first` here and `second` on another thread when `together` (and a thread can be had),
// else one after the other. A failure is rethrown once both are done (the first's, if both
// failed), so neither half is left running over data its caller is about to unwind: a `first`
// that fails while `second` has long to go should tell it to stop.
template <typename First, typename Second>
void run_both(bool together, First&& first, Second&& second) {
  std::exception_ptr second_failure;
  std::thread other;
  if (together) {
    try {
      other = std::thread([&second, &second_failure] {
        try {
          second();
        } catch (...) {
          second_failure = std::current_exception();
        }
      });
    } catch (const std::system_error&) {  // no thread to be had
      together = false;
    }
  }
  if (!together) {
    first();
    second();
    return;
  }
  try {
    first();
  } catch (...) {
    other.join();
    throw;
  }
  other.join();
  if (second_failure) std::rethrow_exception(second_failure);
}

// Calls task(i) once for every i below `count`: here, and when `together` on a second thread too,
// each thread taking the lowest index not yet taken, so one long task does not hold up the rest
// (callers put their longest tasks first). A task's failure is rethrown as run_both does.
template <typename Task>
void for_each_index(bool together, std::size_t count, Task&& task) {
  std::atomic<std::size_t> next{0};
  auto take_tasks = [&next, count, &task] {
    for (std::size_t i = next++; i < count; i = next++) task(i);
  };
  run_both(together && count > 1, take_tasks, take_tasks);
}

}  // namespace orgaudit::detail
