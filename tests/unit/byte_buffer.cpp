#include <doctest/doctest.h>

#include <string>

#include "util/byte_buffer.hpp"

using syncmldm::detail::ByteBuffer;

// The encoder's output buffer must hold exactly what a std::string would, through growth (from
// malloc'd blocks into huge-page mappings), inserts and moves.
TEST_CASE("byte buffer: the same bytes as a std::string") {
  ByteBuffer b;
  std::string want;
  for (std::size_t i = 0; i < 700000; ++i) {  // grows past the huge-page threshold
    char c = static_cast<char>('a' + i % 26);
    if (i % 1000 == 7) {
      std::string piece(i % 37, c);
      b.append(piece);
      want += piece;
    } else {
      b.push_back(c);
      want.push_back(c);
    }
    if (i % 99991 == 0) {
      std::size_t at = want.size() / 3;
      b.insert(at, "WB");
      want.insert(at, "WB");
    }
  }
  REQUIRE(b.size() == want.size());
  CHECK(std::string_view(b) == want);
  b.insert(b.size(), "end");
  want += "end";
  b.insert(0, "start");
  want.insert(0, "start");
  CHECK(std::string_view(b) == want);

  ByteBuffer moved(std::move(b));
  CHECK(std::string_view(moved) == want);
  CHECK(b.size() == 0);
  ByteBuffer small;
  small.reserve(10);
  small.append("xyz");
  small = std::move(moved);
  CHECK(std::string_view(small) == want);
  CHECK(std::string_view(moved) == "xyz");
}

// Storage lent with use() takes the bytes until it is full; then they move into memory of the
// buffer's own, and the lent storage (here on the stack) is never freed.
TEST_CASE("byte buffer: lent storage, then its own memory") {
  char lent[64];
  ByteBuffer b;
  b.append("dropped");
  b.use(lent, sizeof lent);
  CHECK(b.size() == 0);
  std::string want;
  for (int i = 0; i < 64; ++i) {
    b.push_back(static_cast<char>('0' + i % 10));
    want.push_back(static_cast<char>('0' + i % 10));
  }
  CHECK(b.data() == lent);
  b.append("beyond");
  want += "beyond";
  CHECK(b.data() != lent);
  CHECK(std::string_view(b) == want);
  ByteBuffer moved(std::move(b));
  CHECK(std::string_view(moved) == want);

  char other[16];
  ByteBuffer c;
  c.use(other, sizeof other);
  c.append("kept in place");
  CHECK(c.data() == other);
  ByteBuffer assigned;
  assigned = std::move(c);
  CHECK(std::string_view(assigned) == "kept in place");
}

// extend() hands out room already counted in size(), growing first when it must.
TEST_CASE("byte buffer: extend counts the room it hands out") {
  ByteBuffer b;
  std::string want;
  for (std::size_t n = 0; n < 2000; n += 7) {
    char* w = b.extend(n);
    for (std::size_t i = 0; i < n; ++i) w[i] = static_cast<char>('a' + (n + i) % 26);
    for (std::size_t i = 0; i < n; ++i) want.push_back(static_cast<char>('a' + (n + i) % 26));
    REQUIRE(b.size() == want.size());
  }
  CHECK(std::string_view(b) == want);
}

// A reader's window: room taken, part of it written (truncate), what is done with dropped from
// the front (erase_front), as the JSON splitter reads a capture.
TEST_CASE("byte buffer: truncate gives back unwritten room, erase_front drops the start") {
  ByteBuffer b;
  b.erase_front(0);  // empty, no storage yet: nothing to move
  CHECK(b.size() == 0);
  std::string want;
  for (int round = 0; round < 50; ++round) {
    std::size_t have = b.size();
    char* w = b.extend(100);
    std::size_t wrote = static_cast<std::size_t>(round % 7) * 13;
    for (std::size_t i = 0; i < wrote; ++i) w[i] = static_cast<char>('a' + (round + i) % 26);
    b.truncate(have + wrote);
    want.append(w, wrote);
    std::size_t drop = want.size() / 3;
    b.erase_front(drop);
    want.erase(0, drop);
    REQUIRE(std::string_view(b) == want);
  }
  b.erase_front(b.size());
  CHECK(b.size() == 0);
}
