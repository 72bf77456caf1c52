#include "io/file_system.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace orgaudit;

TEST_CASE("a mapped file's pages given up by done_before and done_between read back as the file", "[io]") {
  // Importers give up pages they have read (one reader from the front, a second one in a range of
  // its own); if a record is read again (a split that is redone), the bytes must be the file's.
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  std::string content;
  for (std::size_t i = 0; i < 8 * page + 100; ++i) content += static_cast<char>('a' + i % 23);
  const std::string path = (std::filesystem::temp_directory_path() / ("orgaudit-mapped-" + std::to_string(::getpid()))).string();
  std::ofstream(path, std::ios::binary) << content;
  const std::unique_ptr<FileBytes> bytes = RealFileSystem().read_all(path);
  REQUIRE(bytes->view() == content);
  bytes->done_before(2 * page + 10);
  bytes->done_between(4 * page - 10, 7 * page + 10);  // pages 4 to 6, wholly inside
  bytes->done_between(3, 5);                          // inside one page: nothing to give up
  CHECK(bytes->view() == content);
  std::filesystem::remove(path);
}
