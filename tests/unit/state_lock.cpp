#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/util/file_lock.hpp"

using namespace syncmldm;
namespace fs = std::filesystem;

namespace {
fs::path fresh_dir(const char* name) {
  auto dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
unsigned mode_of(const fs::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_mode & 07777;
}
}  // namespace

TEST_CASE("state lock: a second holder waits its timeout, then fails naming the lock") {
  auto dir = fresh_dir("syncmldm-lock-test");
  std::string state = (dir / "s.xml").string();
  {
    StateLock first(state, std::chrono::milliseconds(0));
    CHECK(fs::exists(state + ".lock"));
    // flock locks belong to the open file: a second lock in the same process contends as another
    // process would.
    auto t0 = std::chrono::steady_clock::now();
    try {
      StateLock second(state, std::chrono::milliseconds(200));
      FAIL("a held lock was taken twice");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::io);
      CHECK(e.describe().find("s.xml.lock is locked); gave up after 0.2 s") != std::string::npos);
    }
    CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(190));
  }
  StateLock again(state, std::chrono::milliseconds(0));  // released with the first
  fs::remove_all(dir);
}

TEST_CASE("state lock: every name of one file shares its lock") {
  auto dir = fresh_dir("syncmldm-lock-link-test");
  write_file_atomically((dir / "real.xml").string(), "x");
  fs::create_symlink("real.xml", dir / "link.xml");
  StateLock first((dir / "link.xml").string(), std::chrono::milliseconds(0));
  CHECK(first.lock_path() == (dir / "real.xml").string() + ".lock");
  CHECK_THROWS_AS(StateLock((dir / "real.xml").string(), std::chrono::milliseconds(0)), Error);
  fs::remove_all(dir);
}

TEST_CASE("atomic_file: new files follow the umask, secrets at most 0600, replaced files keep their mode") {
  auto dir = fresh_dir("syncmldm-mode-test");
  mode_t old = ::umask(022);
  write_file_atomically((dir / "plain").string(), "x");
  FileWriteOptions secret;
  secret.secret = true;
  write_file_atomically((dir / "secret").string(), "x", secret);
  ::umask(077);
  write_file_atomically((dir / "private").string(), "x");
  ::chmod((dir / "plain").c_str(), 0640);
  write_file_atomically((dir / "plain").string(), "y", secret);
  ::umask(old);
  CHECK(mode_of(dir / "secret") == 0600);
  CHECK(mode_of(dir / "private") == 0600);
  CHECK(mode_of(dir / "plain") == 0640);
  fs::remove_all(dir);
}

TEST_CASE("atomic_file: a symbolic link is followed and kept") {
  auto dir = fresh_dir("syncmldm-link-test");
  fs::create_directories(dir / "sub");
  write_file_atomically((dir / "sub" / "real").string(), "old");
  fs::create_symlink("sub/real", dir / "link");
  fs::create_symlink(dir / "missing", dir / "dangling");
  CHECK(resolve_symlinks((dir / "link").string()) == (dir / "sub" / "real").string());
  CHECK(resolve_symlinks((dir / "dangling").string()) == (dir / "missing").string());
  write_file_atomically((dir / "link").string(), "new");
  CHECK(fs::is_symlink(dir / "link"));
  CHECK(read_file((dir / "sub" / "real").string()) == "new");
  fs::create_symlink("loop", dir / "loop");
  CHECK_THROWS_AS(resolve_symlinks((dir / "loop").string()), Error);
  fs::remove_all(dir);
}

TEST_CASE("atomic_file: read-only files are recognised") {
  auto dir = fresh_dir("syncmldm-ro-test");
  std::string p = (dir / "ro").string();
  write_file_atomically(p, "x");
  CHECK_FALSE(is_read_only_file(p));
  ::chmod(p.c_str(), 0444);
  CHECK(is_read_only_file(p));  // even for the superuser, who could write it
  CHECK_FALSE(is_read_only_file((dir / "missing").string()));
  fs::remove_all(dir);
}

TEST_CASE("atomic_file: only stale temporaries of the file's own writers are removed") {
  auto dir = fresh_dir("syncmldm-stale-test");
  std::string target = (dir / "s.xml").string();
  auto touch = [&](const std::string& name, bool old) {
    std::ofstream(dir / name) << "x";
    if (old) fs::last_write_time(dir / name, fs::file_time_type::clock::now() - std::chrono::hours(2));
  };
  std::string mine_alive = ".s.xml.tmp-" + std::to_string(::getpid()) + "-AAAAAA";
  touch(".s.xml.tmp-999999-AbC123", true);  // old: removed
  touch(".s.xml.tmp-999998-Gone01", false); // no such process: removed
  touch(mine_alive, true);                  // this process is writing it: kept
  touch(".s.xml.tmp-999999-toolong", true); // another pattern
  touch(".t.xml.tmp-999999-AbC123", true);  // another file's
  touch("s.xml.tmp.AbC123", true);          // a user's file
  auto removed = remove_stale_temporaries(target);
  CHECK(removed.size() == 2);
  CHECK_FALSE(fs::exists(dir / ".s.xml.tmp-999999-AbC123"));
  CHECK_FALSE(fs::exists(dir / ".s.xml.tmp-999998-Gone01"));
  for (const char* kept : {".s.xml.tmp-999999-toolong", ".t.xml.tmp-999999-AbC123", "s.xml.tmp.AbC123"})
    CHECK(fs::exists(dir / kept));
  CHECK(fs::exists(dir / mine_alive));
  fs::remove_all(dir);
}
