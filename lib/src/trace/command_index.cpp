// The flat (MsgID, CmdID) -> rows index: open addressing over key numbers, each key's rows a
// chain of links in one array.
#include "trace/command_index.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <new>

namespace syncmldm::trace::detail {

namespace {

// FNV-1a: MsgID and CmdID are a few digits each, too short for a wider hash to pay off.
std::uint64_t fnv(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ULL;
  return h;
}

}  // namespace

CommandIndex::Probe CommandIndex::probe(std::string_view msg_id, std::string_view cmd_id) {
  // A separator between the two (the XML text of an ID holds no NUL), then the high bits mixed
  // into the low ones, which pick the slot.
  std::uint64_t h = fnv(fnv(0xCBF29CE484222325ULL, msg_id) * 0x100000001B3ULL, cmd_id);
  Probe p{msg_id, cmd_id, h ^ (h >> 29), msg_id.size() + cmd_id.size() <= sizeof(Probe::words)};
  if (p.short_key) {
    auto* b = reinterpret_cast<unsigned char*>(p.words);
    for (unsigned char c : msg_id) *b++ = c;
    for (unsigned char c : cmd_id) *b++ = c;
  }
  return p;
}

std::uint32_t CommandIndex::lookup(const Probe& p) const {
  if (slots_.empty()) return kNone;
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = p.hash & mask;; i = (i + 1) & mask) {
    std::uint32_t slot = slots_[i];
    if (slot == 0) return kNone;
    const Key& k = keys_[slot - 1];
    if (k.hash != p.hash || k.msg_size != p.msg_id.size() || k.cmd_size != p.cmd_id.size()) continue;
    if (p.short_key ? k.words[0] == p.words[0] && k.words[1] == p.words[1]
                    : std::memcmp(text_.data() + k.at, p.msg_id.data(), p.msg_id.size()) == 0 &&
                          std::memcmp(text_.data() + k.at + p.msg_id.size(), p.cmd_id.data(), p.cmd_id.size()) == 0) {
      return slot - 1;
    }
  }
}

void CommandIndex::grow() {
  // At most half full: probes stay short.
  std::vector<std::uint32_t> slots(slots_.empty() ? 64 : slots_.size() * 2, 0);
  std::size_t mask = slots.size() - 1;
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    std::size_t i = keys_[k].hash & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = static_cast<std::uint32_t>(k + 1);
  }
  slots_ = std::move(slots);
}

CommandIndex::Key& CommandIndex::key(std::string_view msg_id, std::string_view cmd_id) {
  Probe p = probe(msg_id, cmd_id);
  if (std::uint32_t k = lookup(p); k != kNone) return keys_[k];
  // Numbers of 32 bits: a session has as many keys as commands and far fewer than 2^32 fit in
  // memory (each costs dozens of bytes here and hundreds in its row).
  if (keys_.size() >= std::numeric_limits<std::uint32_t>::max() / 2 - 1) throw std::bad_alloc();
  if ((keys_.size() + 1) * 2 > slots_.size()) {
    // The arrays grow in steps of the table, not one by one: fewer allocations per session.
    grow();
    keys_.reserve(slots_.size() / 2);
    links_.reserve(slots_.size() / 2);
  }
  std::size_t mask = slots_.size() - 1;
  std::size_t i = p.hash & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  Key& k = keys_.emplace_back();
  k.hash = p.hash;
  k.words[0] = p.words[0];
  k.words[1] = p.words[1];
  k.at = text_.size();
  k.msg_size = static_cast<std::uint32_t>(msg_id.size());
  k.cmd_size = static_cast<std::uint32_t>(cmd_id.size());
  if (!p.short_key) text_.append(msg_id).append(cmd_id);
  slots_[i] = static_cast<std::uint32_t>(keys_.size());
  return k;
}

void CommandIndex::add(std::string_view msg_id, std::string_view cmd_id, std::size_t row) {
  if (links_.size() >= std::numeric_limits<std::uint32_t>::max() - 1) throw std::bad_alloc();
  Key& k = key(msg_id, cmd_id);
  auto link = static_cast<std::uint32_t>(links_.size());
  links_.push_back({row});
  if (k.last == kNone) k.first = link;
  else links_[k.last].next = link;
  k.last = link;
}

void CommandIndex::mark(std::string_view msg_id, std::string_view cmd_id) { key(msg_id, cmd_id).marked = true; }

bool CommandIndex::find(std::string_view msg_id, std::string_view cmd_id, std::vector<std::size_t>& rows) const {
  rows.clear();
  std::uint32_t k = lookup(probe(msg_id, cmd_id));
  if (k == kNone) return false;
  for (std::uint32_t l = keys_[k].first; l != kNone; l = links_[l].next) rows.push_back(links_[l].row);
  return keys_[k].marked;
}

void CommandIndex::clear() {
  if (slots_.size() > 1024 || text_.capacity() > 16384) {
    // Swapped with empty ones: assigning empty ones would keep the string's buffer.
    std::vector<std::uint32_t>().swap(slots_);
    std::vector<Key>().swap(keys_);
    std::vector<Link>().swap(links_);
    std::string().swap(text_);
    return;
  }
  std::fill(slots_.begin(), slots_.end(), 0);
  keys_.clear();
  links_.clear();
  text_.clear();
}

}  // namespace syncmldm::trace::detail
