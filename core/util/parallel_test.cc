#include "util/parallel.h"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace orgaudit::detail;

TEST_CASE("for_each_index runs every task once, here or shared with a second thread", "[threads]") {
  const bool together = GENERATE(false, true);
  std::vector<int> runs(1000, 0);
  std::atomic<int> elsewhere{0};
  const std::thread::id caller = std::this_thread::get_id();
  for_each_index(together, runs.size(), [&](std::size_t i) {
    ++runs[i];
    if (std::this_thread::get_id() != caller) ++elsewhere;
    if (i == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the other thread takes the rest
  });
  CHECK(std::count(runs.begin(), runs.end(), 1) == 1000);
  if (together) CHECK(elsewhere > 0);
  else CHECK(elsewhere == 0);
}

TEST_CASE("for_each_index rethrows a task's failure once both threads are done", "[threads]") {
  const bool together = GENERATE(false, true);
  CHECK_THROWS_WITH(for_each_index(together, 50,
                                   [](std::size_t i) {
                                     if (i == 3) throw std::runtime_error("task 3 failed");
                                   }),
                    "task 3 failed");
}
