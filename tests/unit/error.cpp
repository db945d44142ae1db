#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/error.hpp"

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

TEST_CASE("atomic_file: a writer in pieces shows the target whole or not at all") {
  auto dir = std::filesystem::temp_directory_path() / "syncmldm-atomic-writer-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string path = (dir / "out.wbxml").string();
  auto entries = [&] { return std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}); };
  write_file_atomically(path, "old");
  {
    AtomicFileWriter w(path);
    REQUIRE(w.temp_path() != nullptr);
    CHECK(std::filesystem::exists(w.temp_path()));
    w.write("first ");
    w.write("second");
    CHECK(read_file(path) == "old");  // not before commit
    w.commit();
    CHECK(w.temp_path() == nullptr);
    CHECK_THROWS_AS(w.write("late"), Error);
  }
  CHECK(read_file(path) == "first second");
  CHECK(entries() == 1);
  {
    AtomicFileWriter w(path);
    w.write("abandoned");
  }  // an error on the way: no commit
  CHECK(read_file(path) == "first second");
  CHECK(entries() == 1);
  // A device is written in place, not replaced.
  {
    AtomicFileWriter w("/dev/null");
    CHECK(w.temp_path() == nullptr);
    w.write("x");
    w.commit();
  }
  CHECK(std::filesystem::is_character_file("/dev/null"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("read_file: inputs of unknown size grow until their end, or stop one byte past the limit") {
  // /proc files report a size of 0; /dev/zero never ends.
  std::string maps = read_file("/proc/self/maps");
  CHECK(maps.find('\n') != std::string::npos);
  try {
    read_file("/dev/zero", 200000);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::input);
    CHECK(e.message() == "input larger than 200000 bytes");
  }
  auto dir = std::filesystem::temp_directory_path() / "syncmldm-read-test";
  std::filesystem::create_directories(dir);
  std::string path = (dir / "exact").string();
  write_file_atomically(path, std::string(70000, 'a'));
  CHECK(read_file(path, 70000).size() == 70000);  // exactly at the limit
  CHECK_THROWS_AS(read_file(path, 69999), Error);
  std::filesystem::remove_all(dir);
}
