// The bodies of the libFuzzer harnesses (tests/fuzz/README.md). Each feeds one input through the
// code the CLI runs on it: an org through the loader and `convert`'s round trip, a config or profile
// through loading and configuring the built-in rules, a baseline through reading and writing back,
// inline suppressions through scanning and matching findings. A clean refusal (InputError,
// OptionError: what the CLI reports with file:line:col and exit 2) is a valid outcome; anything else
// escaping (another exception, a crash, a sanitizer report, a broken round trip) is a bug.
//
// The same functions replay the seeds and tests/fuzz/crashers/ in the normal test suite
// (fuzz_replay_test.cc), so a crash once found stays fixed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace orgaudit::fuzz {

// What a harness throws for a bug it detects itself (a round trip that does not hold): the fuzzer's
// entry point turns it into a crash, the replay test into a failure.
struct Bug : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Target {
  std::string name;  // the fuzzer binary is fuzz_<name>; its crashers are in crashers/<name>/
  std::string what;  // one line for tests/fuzz/README.md and failure messages
  std::function<int(const std::uint8_t* data, std::size_t size)> run;
};

// Every harness: yaml; csv_detect, csv_<preset> for each CSV preset, csv_column_map; xml_hr_xml,
// xml_xpath; config, profile, baseline, suppressions. tests/fuzz/seeds.txt seeds each by name, and
// CMake builds a fuzz_<name> binary for each name there.
const std::vector<Target>& targets();

// The target called `name`, or nullptr.
const Target* find_target(const std::string& name);

}  // namespace orgaudit::fuzz
