#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "syncmldm/atomic_file.hpp"
#include "syncmldm/error.hpp"

using namespace syncmldm;

TEST_CASE("error: places render as tools print them") {
  CHECK(Location{"a.xml", 10, 3, 7}.to_string() == "a.xml:3:7");
  CHECK(Location{"a.wbxml", 42, 0, 0}.to_string() == "a.wbxml: offset 42");
  CHECK(Location{"a.xml"}.to_string() == "a.xml");
  CHECK(Location{}.to_string().empty());
  Error e(ErrorKind::input, "unexpected END", Location{"m.wbxml", 17});
  CHECK(e.describe() == "m.wbxml: offset 17: unexpected END");
  CHECK(e.message() == "unexpected END");
  CHECK(Error(ErrorKind::io, "no place").describe() == "no place");
}

TEST_CASE("atomic_file: replaces content and reports failures with the file name") {
  auto dir = std::filesystem::temp_directory_path() / "syncmldm-atomic-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string path = (dir / "state.xml").string();
  write_file_atomically(path, "old");
  write_file_atomically(path, "new content");
  CHECK(read_file(path) == "new content");
  // No temporary files are left behind.
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}) == 1);
  try {
    write_file_atomically((dir / "missing" / "x").string(), "data");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::io);
    CHECK(e.where().file.find("missing") != std::string::npos);
  }
  CHECK_THROWS_AS(read_file((dir / "nope").string()), Error);
  CHECK_THROWS_AS(read_file(dir.string()), Error);
  write_file_atomically(path, std::string(100, 'x'));
  CHECK_THROWS_AS(read_file(path, 10), Error);
  std::filesystem::remove_all(dir);
}
