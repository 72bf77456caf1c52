// The bodies of the libFuzzer harnesses (tests/fuzz/README.md). Each feeds one input through the
// loader the CLI uses and through `convert`'s round trip. A clean InputError (what the CLI reports
// as file:line:col and exit 2) is a valid outcome; anything else escaping (another exception, a
// crash, a sanitizer report, YAML from convert that does not load again) is a bug.
//
// The same functions replay tests/fuzz/crashers/ in the normal test suite (fuzz_replay_test.cc), so
// a crash once found stays fixed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace orgaudit::fuzz {

// What a harness throws for a bug it detects itself (convert's YAML not loading again): the fuzzer's
// entry point turns it into a crash, the replay test into a failure.
struct Bug : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An org-chart-as-code YAML file.
int yaml_org(const std::uint8_t* data, std::size_t size);
// A CSV export; the last byte picks the preset (or detection from the header), so the fuzzer
// explores every preset from the same seeds.
int csv_import(const std::uint8_t* data, std::size_t size);
// An XML export; the last byte picks HR-XML (or detection) or a generic-xml XPath mapping.
int xml_import(const std::uint8_t* data, std::size_t size);

// Identity-directory exports: JSON (the last byte picks detection, SCIM or Graph), LDIF, and a
// Backstage catalog.
int json_import(const std::uint8_t* data, std::size_t size);
int ldif_import(const std::uint8_t* data, std::size_t size);
int backstage_import(const std::uint8_t* data, std::size_t size);

struct Target {
  const char* name;  // the fuzzer binary is fuzz_<name>; its crashers are in crashers/<name>/
  int (*run)(const std::uint8_t* data, std::size_t size);
};
const std::vector<Target>& targets();

}  // namespace orgaudit::fuzz
