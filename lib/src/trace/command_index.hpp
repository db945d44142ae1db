#pragma once
// The rows each command of a session made, found by (MsgID, CmdID) when the other side's Status
// or Results refers to it, and the commands whose answers say nothing (marked). A session has
// about as many commands as rows: a map with a node, a key and a list per command made these
// the most allocated objects of a trace, so the index is flat instead: a few arrays that grow
// by doubling, whatever the number of commands.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace syncmldm::trace::detail {

class CommandIndex {
 public:
  // Command (msg_id, cmd_id) made row `row` (or a piece of it: a large object's next chunk).
  // A command named again adds to its rows.
  void add(std::string_view msg_id, std::string_view cmd_id, std::size_t row);
  // Marks the command: its answer is to be ignored.
  void mark(std::string_view msg_id, std::string_view cmd_id);
  // The command's rows in the order they were added, into `rows` (emptied first; empty when it
  // made none); whether it is marked.
  bool find(std::string_view msg_id, std::string_view cmd_id, std::vector<std::size_t>& rows) const;
  // Empty again; the storage is kept for the next session unless it grew large.
  void clear();

 private:
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};
  struct Key {
    std::uint64_t hash;
    // MsgID and CmdID one after the other: here, zero-padded, when they fit (as a few digits
    // each do), else in text_ from `at` on.
    std::uint64_t words[2];
    std::size_t at;
    std::uint32_t msg_size, cmd_size;
    std::uint32_t first = kNone;  // its first and last link
    std::uint32_t last = kNone;
    bool marked = false;
  };
  struct Link {
    std::size_t row;
    std::uint32_t next = kNone;
  };

  // A key being looked up: its hash, and its bytes as a Key holds short ones.
  struct Probe {
    std::string_view msg_id, cmd_id;
    std::uint64_t hash;
    bool short_key;
    std::uint64_t words[2] = {0, 0};
  };
  static Probe probe(std::string_view msg_id, std::string_view cmd_id);
  std::uint32_t lookup(const Probe& p) const;  // kNone: absent
  Key& key(std::string_view msg_id, std::string_view cmd_id);  // found or added
  void grow();

  std::vector<std::uint32_t> slots_;  // open addressing: key number + 1, 0 when free
  std::vector<Key> keys_;
  std::vector<Link> links_;
  std::string text_;                  // the keys' bytes
};

}  // namespace syncmldm::trace::detail
