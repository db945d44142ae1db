// The trace's body reader: one pass over the XML text, filling the message model as
// message::read would, without the tree; the full reader for whatever this pass leaves to it.
#include "trace/body_reader.hpp"

#include <cstdint>
#include <cstring>
#include <deque>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "syncmldm/util/text.hpp"
#include "util/text_scan.hpp"
#include "xml/dom.hpp"
#include "xml/xml_prescan.hpp"
#include "xml/xml_pull.hpp"

namespace syncmldm::trace::detail {

namespace {

using message::Address;
using message::Command;
using message::Item;
using message::Kind;
using message::Meta;

constexpr std::size_t npos = std::string_view::npos;

constexpr bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The pre-scan's name bytes (xml_prescan.cpp): letters, digits, '_', '-', '.', ':' and any
// byte of a multi-byte character; a name does not start with a digit, '-' or '.'.
struct NameBytes {
  bool rest[256] = {};
  bool first[256] = {};
  constexpr NameBytes() {
    for (int c = 0; c < 256; ++c) {
      bool name = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '.' || c == ':';
      rest[c] = name;
      first[c] = name && c != '-' && c != '.' && !(c >= '0' && c <= '9');
    }
  }
};
constexpr NameBytes kName{};

template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Equality of two names of `size` bytes each: names are short, so two overlapping loads of
// each instead of a byte loop or a call to memcmp.
inline bool same_name(const char* a, const char* b, std::size_t size) {
  if (size >= 8) {
    if (size > 16) return std::memcmp(a, b, size) == 0;
    return load<std::uint64_t>(a) == load<std::uint64_t>(b) &&
           load<std::uint64_t>(a + size - 8) == load<std::uint64_t>(b + size - 8);
  }
  if (size >= 4) {
    return load<std::uint32_t>(a) == load<std::uint32_t>(b) &&
           load<std::uint32_t>(a + size - 4) == load<std::uint32_t>(b + size - 4);
  }
  if (size >= 2) return load<std::uint16_t>(a) == load<std::uint16_t>(b) && a[size - 1] == b[size - 1];
  return size == 0 || a[0] == b[0];
}

// The end of the name whose first byte, d[k], has been checked: the first byte that is not a
// name byte, or n. `colon` is where its first ':' is (npos: none), so that its local name
// needs no second look. Names are read 16 bytes at a time where that many are there.
std::size_t name_end(const char* d, std::size_t k, std::size_t n, std::size_t& colon) {
  colon = d[k] == ':' ? k : npos;
  ++k;
#if defined(__SSE2__)
  for (; k + 16 <= n; k += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + k));
    auto within = [](__m128i x, char low, char span) {  // low <= x <= low + span, unsigned
      __m128i t = _mm_sub_epi8(x, _mm_set1_epi8(low));
      return _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(span)), t);
    };
    __m128i colons = _mm_cmpeq_epi8(v, _mm_set1_epi8(':'));
    __m128i ok = _mm_or_si128(_mm_cmplt_epi8(v, _mm_setzero_si128()),
                              within(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 25));
    ok = _mm_or_si128(ok, within(v, '0', 9));
    ok = _mm_or_si128(ok, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')), colons));
    ok = _mm_or_si128(ok, within(v, '-', 1));  // '-' and '.'
    unsigned stop = ~static_cast<unsigned>(_mm_movemask_epi8(ok)) & 0xFFFFu;
    if (colon == npos) {
      unsigned in_name = static_cast<unsigned>(_mm_movemask_epi8(colons)) & ((stop & -stop) - 1);  // all 16 if no stop
      if (in_name) colon = k + static_cast<std::size_t>(__builtin_ctz(in_name));
    }
    if (stop) return k + static_cast<std::size_t>(__builtin_ctz(stop));
  }
#endif
  for (; k < n && kName.rest[static_cast<unsigned char>(d[k])]; ++k)
    if (d[k] == ':' && colon == npos) colon = k;
  return k;
}

// A value as the tree holds it, entity references replaced, into `out`.
void assign_expanded(std::string& out, std::string_view raw) {
  if (raw.find('&') == npos) {
    out.assign(raw.data(), raw.size());
    return;
  }
  out.clear();
  xml::detail::expand_references(raw, out);
}

std::string expanded(std::string_view raw) {
  std::string out;
  assign_expanded(out, raw);
  return out;
}

// The element names the model knows, commands' included.
enum class N : std::uint8_t {
    other, Chal, Cmd, CmdID, CmdRef, Correlator, Cred, Data, EMI, Final, Format, Item, LocName, LocURI, Mark,
    MaxMsgSize, MaxObjSize, MetInf, Meta, MoreData, MsgID, MsgRef, NextNonce, NoResp, RespURI, SessionID,
    Size, Source, SourceRef, SyncBody, SyncHdr, SyncML, Target, TargetRef, Type, VerDTD, VerProto, Version,
    // The commands (message::kind_from_name).
    Add, Alert, Atomic, Copy, Delete, Exec, Get, Replace, Results, Sequence, Status
};

// A perfect hash of the names above, from their length and three of their bytes: one table
// slot and one comparison tell a local name, instead of a chain of comparisons. The factors
// were chosen so that no two names share a slot (the table's constructor checks it).
constexpr std::size_t kMinName = 3, kMaxName = 10;
constexpr unsigned name_slot(unsigned char first, unsigned char middle, unsigned char last, std::size_t size) {
  return (first * 9u + middle * 58u + last * 5u + static_cast<unsigned>(size)) & 127u;
}

struct NameTable {
  struct Slot {
    char text[kMaxName] = {};
    std::uint8_t size = 0;
    N id = N::other;
  };
  Slot slots[128] = {};
  bool clash = false;
  std::uint8_t sizes[static_cast<std::size_t>(N::Status) + 1] = {};  // by N

  constexpr std::size_t size_of(N id) const { return sizes[static_cast<std::size_t>(id)]; }

  constexpr NameTable() {
    const std::pair<std::string_view, N> names[] = {
        {"Chal", N::Chal}, {"Cmd", N::Cmd}, {"CmdID", N::CmdID}, {"CmdRef", N::CmdRef},
        {"Correlator", N::Correlator}, {"Cred", N::Cred}, {"Data", N::Data}, {"EMI", N::EMI},
        {"Final", N::Final}, {"Format", N::Format}, {"Item", N::Item}, {"LocName", N::LocName},
        {"LocURI", N::LocURI}, {"Mark", N::Mark}, {"MaxMsgSize", N::MaxMsgSize}, {"MaxObjSize", N::MaxObjSize},
        {"MetInf", N::MetInf}, {"Meta", N::Meta}, {"MoreData", N::MoreData}, {"MsgID", N::MsgID},
        {"MsgRef", N::MsgRef}, {"NextNonce", N::NextNonce}, {"NoResp", N::NoResp}, {"RespURI", N::RespURI},
        {"SessionID", N::SessionID}, {"Size", N::Size}, {"Source", N::Source}, {"SourceRef", N::SourceRef},
        {"SyncBody", N::SyncBody}, {"SyncHdr", N::SyncHdr}, {"SyncML", N::SyncML}, {"Target", N::Target},
        {"TargetRef", N::TargetRef}, {"Type", N::Type}, {"VerDTD", N::VerDTD}, {"VerProto", N::VerProto},
        {"Version", N::Version}, {"Add", N::Add}, {"Alert", N::Alert}, {"Atomic", N::Atomic},
        {"Copy", N::Copy}, {"Delete", N::Delete}, {"Exec", N::Exec}, {"Get", N::Get},
        {"Replace", N::Replace}, {"Results", N::Results}, {"Sequence", N::Sequence}, {"Status", N::Status},
    };
    for (const auto& [name, id] : names) {
      if (name.size() < kMinName || name.size() > kMaxName) clash = true;
      Slot& s = slots[name_slot(static_cast<unsigned char>(name[0]), static_cast<unsigned char>(name[name.size() / 2]),
                                static_cast<unsigned char>(name.back()), name.size())];
      if (s.size != 0) clash = true;
      for (std::size_t i = 0; i < name.size(); ++i) s.text[i] = name[i];
      s.size = static_cast<std::uint8_t>(name.size());
      s.id = id;
      sizes[static_cast<std::size_t>(id)] = s.size;
    }
  }
};
constexpr NameTable kNames{};
static_assert(!kNames.clash, "two element names share a slot: choose other factors in name_slot");

[[gnu::always_inline]] inline N classify(const char* p, std::size_t size) {
  if (size < kMinName || size > kMaxName) return N::other;
  const NameTable::Slot& s = kNames.slots[name_slot(static_cast<unsigned char>(p[0]),
                                                    static_cast<unsigned char>(p[size / 2]),
                                                    static_cast<unsigned char>(p[size - 1]), size)];
  return s.size == size && same_name(p, s.text, size) ? s.id : N::other;
}

// message::kind_from_name, from the name's class.
Kind kind_of(N id) {
  switch (id) {
    case N::Add: return Kind::add;
    case N::Alert: return Kind::alert;
    case N::Atomic: return Kind::atomic;
    case N::Copy: return Kind::copy;
    case N::Delete: return Kind::delete_;
    case N::Exec: return Kind::exec;
    case N::Get: return Kind::get;
    case N::Replace: return Kind::replace;
    case N::Results: return Kind::results;
    case N::Sequence: return Kind::sequence;
    case N::Status: return Kind::status;
    default: return Kind::unknown;
  }
}

enum class Role : std::uint8_t { skip, syncml, header, body, command, item, address, meta, text };

// Where a text element's text goes when it closes (into the object of the level below).
enum class Field : std::uint8_t {
  none, ver_dtd, ver_proto, session_id, msg_id, resp_uri, loc_uri, loc_name,
  format, type, mark, size, version, next_nonce, max_msg_size, max_obj_size, emi,
  item_data, cmd_id, cmd_data, correlator, msg_ref, cmd_ref, cmd_name, target_ref, source_ref,
};

// The parts met so far of a command, Item or address (Level::seen); the others are cleared
// when it closes (its storage is that of the last message's part in the same place: see
// Recycling below). data: a command's Data child met (a Status's first one carries the HRESULT).
enum Seen : std::uint8_t { data = 1, meta = 2, target = 4, source = 8, item_data = 16, uri = 32, loc_name = 64 };

// An open element: 32 bytes, the name where it stands in the text.
struct Level {
  std::uint32_t name_at = 0, name_size = 0;  // as written: the end tag must match it
  Role role = Role::skip;
  Field field = Field::none;
  std::uint8_t seen = 0;
  std::uint8_t depth = 0;                   // commands: Atomic/Sequence nesting
  std::uint32_t items = 0, children = 0;    // commands: Items and commands read into it
  void* obj = nullptr;                      // the Header, Command, Item, Address or Meta this level fills
};
static_assert(message::ReadOptions{}.max_nesting < 255 && message::ReadOptions{}.max_items < UINT32_MAX &&
              message::ReadOptions{}.max_commands < UINT32_MAX);

// Recycling: the model of one message is kept for the next, which is read into the same
// commands, Items, addresses and Meta, so that their storage is allocated once, not per
// message. A part taken again is cleared of what the last message put there; what the new one
// does not fill in is removed when its element closes. Parts a message has fewer of than the
// last one go to Body::Spare, from where the next message that needs them takes them back
// (messages alternate between shapes: a server's commands, then the device's statuses).
// `to` = `value`, in the storage `to` has. (clear() and append() skip the checks assign() makes
// for a value that overlaps the string itself, which these never do.)
void set(std::string& to, std::string_view value) {
  to.clear();
  to.append(value.data(), value.size());
}

void assign(std::optional<std::string>& to, std::string_view value) {
  if (to) set(*to, value);
  else to.emplace(value);
}

// White space is below '!': one comparison tells most bytes apart.
constexpr bool maybe_ws(char c) { return static_cast<unsigned char>(c) <= ' ' && is_ws(c); }

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && maybe_ws(s[b])) ++b;
  while (e > b && maybe_ws(s[e - 1])) --e;
  return s.substr(b, e - b);
}

void clear_command(Command& c) {
  c.kind = Kind::unknown;
  c.cmd_id.reset();
  c.no_resp = false;
  c.cred.reset();
  c.data.reset();
  c.correlator.reset();
  c.msg_ref.reset();
  c.cmd_ref.reset();
  c.cmd.reset();
  c.target_refs.clear();
  c.source_refs.clear();
  c.chal.reset();
  c.unknown.clear();
  c.node = nullptr;
  c.cmd_id_node = nullptr;
  // items, children and meta stay until the command closes (or go now for one left unread).
}

// The next part of `v` (its `used` first are this message's): the one in that place, one
// kept spare, or a new one.
template <class T>
T& next_of(std::vector<T>& v, std::uint32_t& used, std::vector<T>& spare) {
  if (used < v.size()) return v[used++];
  ++used;
  if (spare.empty()) return v.emplace_back();
  v.push_back(std::move(spare.back()));
  spare.pop_back();
  return v.back();
}

// A spare part keeps the storage of short values only, so that what waits in Body::spare is
// bounded by the number of parts of the largest message, not by the largest value each held.
constexpr std::size_t kSpareValue = 1024;

void shed(std::optional<std::string>& s) {
  if (s && s->capacity() > kSpareValue) s.reset();
}
void shed(Address& a) {
  shed(a.loc_uri);
  shed(a.loc_name);
}
void shed(Meta&) {}  // a Meta's values are short
void shed(Item& it) {
  if (it.data && it.data->text.capacity() > kSpareValue) it.data.reset();
  if (it.target) shed(*it.target);
  if (it.source) shed(*it.source);
}

// Keeps the `used` first parts of `v`; the others are kept spare.
template <class T>
void keep_first(std::vector<T>& v, std::size_t used, std::vector<T>& spare) {
  while (v.size() > used) {
    shed(v.back());
    spare.push_back(std::move(v.back()));
    v.pop_back();
  }
}

template <class T>
void drop(message::Boxed<T>& b, std::vector<message::Boxed<T>>& spare) {
  if (!b) return;
  shed(*b);
  spare.push_back(std::move(b));  // leaves b empty
}

// Commands themselves are not kept: one of a few short strings costs less to make anew than to
// move out and back. What they hold that is worth keeping is: their Items, Meta and the storage
// of their lists of Items, and their children's.
void salvage(Command& c, Body::Spare& spare) {
  keep_first(c.items, 0, spare.items);
  if (c.items.capacity() != 0) spare.item_lists.push_back(std::move(c.items));
  drop(c.meta, spare.metas);
  for (Command& child : c.children) salvage(child, spare);
}

// The next Item of a command: a new command's list of Items takes the storage of a spare one.
Item& next_item(std::vector<Item>& items, std::uint32_t& used, Body::Spare& spare) {
  if (items.capacity() == 0 && !spare.item_lists.empty()) {
    items.swap(spare.item_lists.back());
    spare.item_lists.pop_back();
  }
  return next_of(items, used, spare.items);
}

Command& next_command(std::vector<Command>& v, std::uint32_t& used) {
  if (used < v.size()) return v[used++];
  ++used;
  return v.emplace_back();
}

void keep_commands(std::vector<Command>& v, std::size_t used, Body::Spare& spare) {
  if (v.size() <= used) return;
  for (std::size_t i = used; i < v.size(); ++i) salvage(v[i], spare);
  v.erase(v.begin() + static_cast<std::ptrdiff_t>(used), v.end());
}

template <class T>
T& take(message::Boxed<T>& b, std::vector<message::Boxed<T>>& spare, bool& recycled) {
  recycled = true;
  if (b) return *b;
  if (spare.empty()) {
    recycled = false;
    return b.emplace();
  }
  b = std::move(spare.back());
  spare.pop_back();
  return *b;
}

// A Meta for a new element: an old one cleared in place (field by field: cheaper than
// assigning a new one), or a new one.
Meta& fresh(message::Boxed<Meta>& b, std::vector<message::Boxed<Meta>>& spare) {
  bool recycled;
  Meta& m = take(b, spare, recycled);
  if (!recycled) return m;
  m.format.reset();
  m.type.reset();
  m.mark.reset();
  m.size.reset();
  m.version.reset();
  m.next_nonce.reset();
  m.max_msg_size.reset();
  m.max_obj_size.reset();
  m.emi.clear();
  m.unknown.clear();
  m.node = nullptr;
  return m;
}

Address& fresh_address(message::Boxed<Address>& b, std::vector<message::Boxed<Address>>& spare) {
  bool recycled;
  Address& a = take(b, spare, recycled);
  a.node = a.loc_uri_node = nullptr;  // loc_uri and loc_name: kept for their storage, cleared on close
  return a;
}

// The header's Target and Source, whose storage the last message's header left spare.
Address& fresh_address(std::optional<Address>& to, std::optional<Address>& spare) {
  if (spare) {
    to = std::move(spare);
    spare.reset();
  } else {
    to.emplace();
  }
  to->node = to->loc_uri_node = nullptr;  // loc_uri and loc_name: cleared on close when not met
  return *to;
}

struct Attr {
  std::string_view name, raw;
};

constexpr std::size_t kMaxDepth = 256;  // deeper: the full reader (its limit is higher)

// The open elements, in a fixed array: no element is opened past kMaxDepth.
class Stack {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  Level& back() { return levels_[size_ - 1]; }
  void pop_back() { --size_; }
  void clear() { size_ = 0; }
  Level& push(std::uint32_t name_at, std::uint32_t name_size, Role role, void* obj, Field field) {
    Level& l = levels_[size_++];
    l = {name_at, name_size, role, field, 0, 0, 0, 0, obj};
    return l;
  }

 private:
  Level levels_[kMaxDepth];
  std::size_t size_ = 0;
};

// The reader's working storage, kept from one message to the next.
struct Scratch {
  Stack stack;
  std::vector<Attr> attrs;
  std::deque<Meta> inner_meta;  // MetInf inside Meta, read as a Meta of its own
  std::string text;             // the direct text of the text element open
  std::vector<std::pair<std::size_t, std::string>> hresults;  // command number -> originalerror
};

Scratch& scratch() {
  thread_local Scratch s;
  s.stack.clear();
  s.attrs.clear();
  s.inner_meta.clear();
  s.hresults.clear();
  return s;
}

class OnePass {
 public:
  OnePass(std::string_view text, Body& body)
      : t_(text), n_(text.size()), body_(body), m_(body.message), spare_(body.spare), s_(scratch()),
        stack_(s_.stack), attrs_(s_.attrs), inner_meta_(s_.inner_meta), text_(s_.text), hresults_(s_.hresults) {}

  bool run() {
    xml::detail::PrescanProblem problem;
    if (!xml::detail::check_characters(t_, problem)) return false;
    std::size_t i = 0;
    bool root_done = false;
    for (;;) {  // outside the root: white space, comments and processing instructions
      while (i < n_ && is_ws(t_[i])) ++i;
      if (i >= n_) break;
      if (t_[i] != '<') return false;
      if (i + 1 < n_ && t_[i + 1] == '?') {
        i = xml::detail::pi_end(t_, i, 0, problem);
      } else if (t_.compare(i, 4, "<!--") == 0) {
        i = xml::detail::comment_end(t_, i, problem);
      } else {
        if (root_done || i + 1 >= n_ || t_[i + 1] == '!' || t_[i + 1] == '/') return false;
        if (!start_tag(i) || !content(i)) return false;
        root_done = true;
        continue;
      }
      if (i == npos) return false;
    }
    if (!root_done) return false;
    keep_commands(m_.commands, top_commands_, spare_);
    resolve_original_errors();
    return true;
  }

 private:
  // What open() made of an element.
  enum class Opened : std::uint8_t { refused, level, leaf };

  std::string_view t_;
  std::size_t n_;
  Body& body_;
  message::Message& m_;
  Body::Spare& spare_;
  Scratch& s_;
  Stack& stack_;
  std::vector<Attr>& attrs_;
  std::deque<Meta>& inner_meta_;
  std::string& text_;
  std::vector<std::pair<std::size_t, std::string>>& hresults_;
  bool had_cdata_ = false;
  std::string_view first_piece_;  // the text so far while it is one piece from the input
  int pieces_ = 0;                // 0, 1 (first_piece_), 2 (joined in text_)
  std::size_t commands_ = 0, items_ = 0;
  std::uint32_t top_commands_ = 0;  // SyncBody's commands read so far
  // The text element open() found (Opened::leaf): where its text goes.
  void* leaf_obj_ = nullptr;
  Field leaf_field_ = Field::none;

  // The class of the element name at d[k] when it is one of the model's, unprefixed, and
  // followed by white space, '/' or '>' (so that name_end() would end it there): the name is
  // then known to be well formed, and the scan for its end is one test of 16 bytes for the
  // first byte that may end it. N::other for any other name, which name_end() reads.
  N known_name(const char* d, std::size_t k) const {
#if defined(__SSE2__)
    if (n_ - k > 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + k));
      // Below '!' (signed: bytes of multi-byte characters too), '/' or '>'.
      __m128i ends = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8('!')),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('/')), _mm_cmpeq_epi8(v, _mm_set1_epi8('>'))));
      unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(ends));
      if (bits == 0) return N::other;
      std::size_t end = k + static_cast<std::size_t>(__builtin_ctz(bits));
      char after = d[end];
      if (after != '>' && after != '/' && !is_ws(after)) return N::other;
      return classify(d + k, end - k);
    }
#endif
    (void)d;
    (void)k;
    return N::other;
  }

  // The start tag at t_[i] == '<', its attributes checked as the pre-scan checks them; `i`
  // moves past it and the element is opened (and closed, when written <a/>, or when it is a
  // text element whose text runs plainly to its end tag).
  bool start_tag(std::size_t& i) {
    const char* d = t_.data();
    std::size_t k = i + 1;
    if (k >= n_ || !kName.first[static_cast<unsigned char>(d[k])]) return false;
    std::size_t colon = npos;
    N id = known_name(d, k);
    if (id != N::other) {
      k += kNames.size_of(id);
    } else {
      k = name_end(d, k, n_, colon);
      if (k >= n_) return false;
    }
    const std::size_t name_at = i + 1, name_size = k - name_at;
    char after = d[k];
    if (after != '>' && after != '/' && !is_ws(after)) return false;
    attrs_.clear();
    bool empty = false;
    if (after == '>') {
      ++k;
    } else {
      for (;;) {
        std::size_t space = k;
        while (k < n_ && is_ws(d[k])) ++k;
        if (k >= n_) return false;
        char c = d[k];
        if (c == '>') {
          ++k;
          break;
        }
        if (c == '/') {
          if (k + 1 >= n_ || d[k + 1] != '>') return false;
          k += 2;
          empty = true;
          break;
        }
        if (k == space || !kName.first[static_cast<unsigned char>(c)]) return false;
        std::size_t a0 = k;
        while (k < n_ && kName.rest[static_cast<unsigned char>(d[k])]) ++k;
        std::string_view attr = t_.substr(a0, k - a0);
        while (k < n_ && is_ws(d[k])) ++k;
        if (k >= n_ || d[k] != '=') return false;
        ++k;
        while (k < n_ && is_ws(d[k])) ++k;
        if (k >= n_ || (d[k] != '"' && d[k] != '\'')) return false;
        char quote = d[k];
        std::size_t v0 = ++k;
        for (;;) {
          k = syncmldm::detail::find_first_of3(d, k, n_, quote, '<', '&');
          if (k >= n_ || d[k] == '<') return false;
          if (d[k] == quote) break;
          std::size_t len = xml::detail::entity_length(t_, k);
          if (len == 0) return false;
          k += len;
        }
        if (attrs_.size() >= 16) return false;
        for (const Attr& a : attrs_)
          if (a.name == attr) return false;
        attrs_.push_back({attr, t_.substr(v0, k - v0)});
        ++k;
      }
    }
    if (stack_.size() >= kMaxDepth) return false;
    Opened opened = open(name_at, name_size, colon, id);
    if (opened == Opened::refused) return false;
    i = k;
    if (opened == Opened::level) {
      if (empty) close();
      return true;
    }
    if (empty) {
      store(leaf_field_, leaf_obj_, {}, {}, false);
    } else if (!leaf(i, name_at, name_size)) {
      push(name_at, name_size, Role::text, leaf_obj_, leaf_field_);
    }
    return true;
  }

  // The usual text element, <Name>text</Name> with no reference, markup or '>' in its text and
  // no space in its end tag: read at once, without a level; `i` moves past its end tag. False
  // (and nothing done) for any other: the level and the content loop read it.
  bool leaf(std::size_t& i, std::size_t name_at, std::size_t name_size) {
    const char* d = t_.data();
    std::size_t j = syncmldm::detail::find_first_of3(d, i, n_, '<', '&', '>');
    if (j >= n_ || n_ - j < name_size + 3 || d[j] != '<' || d[j + 1] != '/') return false;
    const std::size_t end = j + 2 + name_size;
    if (d[end] != '>' || !same_name(d + j + 2, d + name_at, name_size)) return false;
    std::string_view raw = t_.substr(i, j - i), trimmed = trim(raw);
    // A run of white space only is no text (as in the tree).
    store(leaf_field_, leaf_obj_, trimmed.empty() ? trimmed : raw, trimmed, false);
    i = end + 1;
    return true;
  }

  // The content of the root element, from `i` (past its start tag) to past its end tag.
  bool content(std::size_t& i) {
    const char* d = t_.data();
    std::size_t run = i, text_from = i;  // where the character data began; where the markup ended
    bool amp = false;
    while (!stack_.empty()) {
      std::size_t j = syncmldm::detail::find_first_of3(d, i, n_, '<', '&', '>');
      if (j >= n_) return false;
      if (d[j] == '&') {
        std::size_t len = xml::detail::entity_length(t_, j);
        if (len == 0) return false;
        amp = true;
        i = j + len;
        continue;
      }
      if (d[j] == '>') {
        if (j >= text_from + 2 && d[j - 1] == ']' && d[j - 2] == ']') return false;
        i = j + 1;
        continue;
      }
      // A run of white space only before markup is no text (as in the tree).
      if (j > run && capturing()) {
        std::string_view raw = t_.substr(run, j - run);
        if (raw.find_first_not_of(" \t\r\n") != npos) {
          add_text(raw, amp);
        }
      }
      amp = false;
      char next = j + 1 < n_ ? d[j + 1] : '\0';
      if (next == '/') {
        const Level& top = stack_.back();
        std::size_t k = j + 2;
        if (n_ - k < top.name_size || !same_name(d + k, d + top.name_at, top.name_size)) return false;
        k += top.name_size;
        while (k < n_ && is_ws(d[k])) ++k;
        if (k >= n_ || d[k] != '>') return false;
        close();
        i = k + 1;
      } else if (next == '!') {
        xml::detail::PrescanProblem problem;
        if (t_.compare(j, 9, "<![CDATA[") == 0) {
          std::size_t end = t_.find("]]>", j + 9);
          if (end == npos) return false;
          if (capturing()) {
            add_text(t_.substr(j + 9, end - j - 9), false);
            had_cdata_ = true;
          }
          i = end + 3;
        } else if (t_.compare(j, 4, "<!--") == 0) {
          i = xml::detail::comment_end(t_, j, problem);
          if (i == npos) return false;
        } else {
          return false;  // DOCTYPE inside the root, conditional sections: the full reader says
        }
      } else if (next == '?') {
        xml::detail::PrescanProblem problem;
        i = xml::detail::pi_end(t_, j, 0, problem);
        if (i == npos) return false;
      } else {
        i = j;
        if (!start_tag(i)) return false;
      }
      run = text_from = i;
    }
    return true;
  }

  bool capturing() const { return stack_.back().role == Role::text; }

  // A piece of the text element's text: a lone piece without references is used where it
  // stands in the input, more are joined in text_.
  void add_text(std::string_view raw, bool references) {
    if (pieces_ == 0 && !references) {
      first_piece_ = raw;
      pieces_ = 1;
      return;
    }
    if (pieces_ == 1) text_.assign(first_piece_);
    pieces_ = 2;
    if (references) xml::detail::expand_references(raw, text_);
    else text_.append(raw);
  }
  std::string_view text() const { return pieces_ == 2 ? std::string_view(text_) : first_piece_; }

  Level& push(std::size_t name_at, std::size_t name_size, Role role, void* obj = nullptr, Field field = Field::none) {
    Level& l = stack_.push(static_cast<std::uint32_t>(name_at), static_cast<std::uint32_t>(name_size), role, obj, field);
    if (role == Role::text) {
      text_.clear();
      first_piece_ = {};
      pieces_ = 0;
      had_cdata_ = false;
    }
    return l;
  }

  Opened text_field(void* obj, Field field) {
    leaf_obj_ = obj;
    leaf_field_ = field;
    return Opened::leaf;
  }

  // A command element (Add, Status, Atomic, and unknown ones) into `into`.
  Opened command(std::size_t name_at, std::size_t name_size, std::string_view local, N id, std::vector<Command>& into,
                 std::uint32_t& used, std::size_t depth) {
    if (++commands_ > message::ReadOptions{}.max_commands) return Opened::refused;
    Command& c = next_command(into, used);
    clear_command(c);
    set(c.name, local);
    c.kind = kind_of(id);
    if (c.kind == Kind::unknown || (c.is_container() && depth >= message::ReadOptions{}.max_nesting)) {
      c.kind = Kind::unknown;  // kept by name only
      keep_first(c.items, 0, spare_.items);
      keep_commands(c.children, 0, spare_);
      drop(c.meta, spare_.metas);
      push(name_at, name_size, Role::skip);
      return Opened::level;
    }
    push(name_at, name_size, Role::command, &c).depth = static_cast<std::uint8_t>(depth);
    return Opened::level;
  }

  // The namespace of the root element named `name` (its first ':' at `colon`), from its
  // xmlns or xmlns:PREFIX attribute, as the tree reads it.
  void root_namespace(std::string_view name, std::size_t colon) {
    std::string_view prefix = colon == npos ? std::string_view() : name.substr(0, colon);
    for (const Attr& a : attrs_) {
      bool match = colon == npos ? a.name == "xmlns"
                                 : a.name.size() == 6 + prefix.size() && a.name.starts_with("xmlns:") &&
                                       a.name.substr(6) == prefix;
      if (match) return assign_expanded(m_.namespace_uri, a.raw);
    }
    m_.namespace_uri.clear();
  }

  // Decides what the element just started is for, from its parent's role: a level pushed
  // (Opened::level), or a text element whose text goes to leaf_obj_/leaf_field_ (Opened::leaf,
  // no level pushed yet).
  // `id`: the name's class when known_name() knew it, else N::other.
  Opened open(std::size_t name_at, std::size_t name_size, std::size_t colon, N id) {
    const char* d = t_.data();
    const std::size_t local_at = colon == npos ? name_at : colon + 1;
    const std::string_view local(d + local_at, name_at + name_size - local_at);
    if (id == N::other) id = classify(local.data(), local.size());
    if (stack_.empty()) {
      std::string_view name(d + name_at, name_size);
      if (id == N::SyncML) {
        root_namespace(name, colon == npos ? npos : colon - name_at);
        push(name_at, name_size, Role::syncml);
        return Opened::level;
      }
      if (id == N::SyncBody) {
        root_namespace(name, colon == npos ? npos : colon - name_at);
        m_.has_body = true;
        push(name_at, name_size, Role::body);
        return Opened::level;
      }
      if (kind_of(id) == Kind::unknown) return Opened::refused;  // not SyncML: the full reader says so
      root_namespace(name, colon == npos ? npos : colon - name_at);
      return command(name_at, name_size, local, id, m_.commands, top_commands_, 0);
    }
    Level& parent = stack_.back();
    switch (parent.role) {
      case Role::skip: break;
      case Role::text:
        if (parent.field == Field::item_data) return Opened::refused;  // Data holding markup: the full reader writes it
        break;
      case Role::syncml:
        if (id == N::SyncHdr && !m_.has_header) {
          m_.has_header = true;
          push(name_at, name_size, Role::header, &m_.header);
          return Opened::level;
        }
        if (id == N::SyncBody && !m_.has_body) {
          m_.has_body = true;
          push(name_at, name_size, Role::body);
          return Opened::level;
        }
        break;
      case Role::header: {
        auto* h = static_cast<message::Header*>(parent.obj);
        switch (id) {
          case N::VerDTD: return text_field(h, Field::ver_dtd);
          case N::VerProto: return text_field(h, Field::ver_proto);
          case N::SessionID: return text_field(h, Field::session_id);
          case N::MsgID: return text_field(h, Field::msg_id);
          case N::RespURI: return text_field(h, Field::resp_uri);
          case N::Target:
            push(name_at, name_size, Role::address, &fresh_address(h->target, spare_.header_target));
            return Opened::level;
          case N::Source:
            push(name_at, name_size, Role::address, &fresh_address(h->source, spare_.header_source));
            return Opened::level;
          case N::NoResp: h->no_resp = true; break;
          default: break;
        }
        break;
      }
      case Role::body:
        if (id == N::Final) {
          m_.final = true;
          break;
        }
        return command(name_at, name_size, local, id, m_.commands, top_commands_, 0);
      case Role::command: {
        auto* c = static_cast<Command*>(parent.obj);
        switch (id) {
          case N::CmdID: return text_field(c, Field::cmd_id);
          case N::NoResp: c->no_resp = true; return skip(name_at, name_size);
          case N::Cred: return skip(name_at, name_size);
          case N::Meta:
            parent.seen |= Seen::meta;
            push(name_at, name_size, Role::meta, &fresh(c->meta, spare_.metas));
            return Opened::level;
          case N::Item: {
            if (++items_ > message::ReadOptions{}.max_items) return Opened::refused;
            Item& it = next_item(c->items, parent.items, spare_);
            it.more_data = false;
            it.unknown.clear();
            it.node = nullptr;
            push(name_at, name_size, Role::item, &it);
            return Opened::level;
          }
          case N::Data:
            if (!(parent.seen & Seen::data)) {
              parent.seen |= Seen::data;
              if (c->kind == Kind::status) note_original_error();
            }
            if (c->kind == Kind::alert || c->kind == Kind::status) return text_field(c, Field::cmd_data);
            break;
          case N::Correlator: return text_field(c, Field::correlator);
          case N::MsgRef:
          case N::CmdRef:
          case N::Cmd:
          case N::TargetRef:
          case N::SourceRef:
            if (c->kind == Kind::status || c->kind == Kind::results) {
              return text_field(c, id == N::MsgRef   ? Field::msg_ref
                                   : id == N::CmdRef ? Field::cmd_ref
                                   : id == N::Cmd    ? Field::cmd_name
                                   : id == N::TargetRef ? Field::target_ref
                                                        : Field::source_ref);
            }
            break;
          case N::Chal:
            if (c->kind == Kind::status) return skip(name_at, name_size);
            break;
          default: break;
        }
        if (c->is_container()) return command(name_at, name_size, local, id, c->children, parent.children, parent.depth + 1u);
        break;
      }
      case Role::item: {
        auto* it = static_cast<Item*>(parent.obj);
        switch (id) {
          case N::Target:
            parent.seen |= Seen::target;
            push(name_at, name_size, Role::address, &fresh_address(it->target, spare_.addresses));
            return Opened::level;
          case N::Source:
            parent.seen |= Seen::source;
            push(name_at, name_size, Role::address, &fresh_address(it->source, spare_.addresses));
            return Opened::level;
          case N::Meta:
            parent.seen |= Seen::meta;
            push(name_at, name_size, Role::meta, &fresh(it->meta, spare_.metas));
            return Opened::level;
          case N::Data:
            parent.seen |= Seen::item_data;
            return text_field(it, Field::item_data);
          case N::MoreData: it->more_data = true; break;
          default: break;
        }
        break;
      }
      case Role::address:
        if (id == N::LocURI) {
          parent.seen |= Seen::uri;
          return text_field(parent.obj, Field::loc_uri);
        }
        if (id == N::LocName) {
          parent.seen |= Seen::loc_name;
          return text_field(parent.obj, Field::loc_name);
        }
        break;
      case Role::meta: {
        void* meta = parent.obj;
        switch (id) {
          case N::Format: return text_field(meta, Field::format);
          case N::Type: return text_field(meta, Field::type);
          case N::Mark: return text_field(meta, Field::mark);
          case N::Size: return text_field(meta, Field::size);
          case N::Version: return text_field(meta, Field::version);
          case N::NextNonce: return text_field(meta, Field::next_nonce);
          case N::MaxMsgSize: return text_field(meta, Field::max_msg_size);
          case N::MaxObjSize: return text_field(meta, Field::max_obj_size);
          case N::EMI: return text_field(meta, Field::emi);
          case N::MetInf:
            push(name_at, name_size, Role::meta, &inner_meta_.emplace_back()).field = Field::format;
            return Opened::level;
          default: break;
        }
        break;
      }
    }
    return skip(name_at, name_size);
  }

  Opened skip(std::size_t name_at, std::size_t name_size) {
    push(name_at, name_size, Role::skip);
    return Opened::level;
  }

  // The msft:originalerror of the Status's first Data, from the start tag just read.
  void note_original_error() {
    for (const Attr& a : attrs_) {
      std::string_view local = a.name;
      if (auto colon = local.find(':'); colon != npos) local.remove_prefix(colon + 1);
      if (!iequals(local, "originalerror")) continue;
      hresults_.emplace_back(commands_ - 1, expanded(a.raw));
      return;
    }
  }

  void close() {
    const Level l = stack_.back();
    stack_.pop_back();
    switch (l.role) {
      case Role::command: {
        auto* c = static_cast<Command*>(l.obj);
        keep_first(c->items, l.items, spare_.items);
        keep_commands(c->children, l.children, spare_);
        if (!(l.seen & Seen::meta)) drop(c->meta, spare_.metas);
        return;
      }
      case Role::item: {
        auto* it = static_cast<Item*>(l.obj);
        if (!(l.seen & Seen::target)) drop(it->target, spare_.addresses);
        if (!(l.seen & Seen::source)) drop(it->source, spare_.addresses);
        if (!(l.seen & Seen::meta)) drop(it->meta, spare_.metas);
        if (!(l.seen & Seen::item_data)) it->data.reset();
        return;
      }
      case Role::address: {
        auto* a = static_cast<Address*>(l.obj);
        if (!(l.seen & Seen::uri)) a->loc_uri.reset();
        if (!(l.seen & Seen::loc_name)) a->loc_name.reset();
        return;
      }
      case Role::meta:
        if (l.field == Field::format) {  // a MetInf: into the Meta around it
          Meta& inner = inner_meta_.back();
          static_cast<Meta*>(stack_.back().obj)->take_from_metinf(inner);
          inner_meta_.pop_back();
        }
        return;
      case Role::text: {
        std::string_view value = text();
        store(l.field, l.obj, value, trim(value), had_cdata_);
        return;
      }
      default: return;
    }
  }

  // The text of a text element into its place.
  // `trimmed`: the value without white space around it, which most fields keep.
  static void store(Field field, void* obj, std::string_view value, std::string_view trimmed, bool had_cdata) {
    auto* h = static_cast<message::Header*>(obj);
    auto* a = static_cast<Address*>(obj);
    auto* meta = static_cast<Meta*>(obj);
    auto* c = static_cast<Command*>(obj);
    switch (field) {
      case Field::none: break;
      case Field::ver_dtd: assign(h->ver_dtd, trimmed); break;
      case Field::ver_proto: assign(h->ver_proto, trimmed); break;
      case Field::session_id: assign(h->session_id, trimmed); break;
      case Field::msg_id: assign(h->msg_id, trimmed); break;
      case Field::resp_uri: assign(h->resp_uri, trimmed); break;
      case Field::loc_uri: assign(a->loc_uri, value); break;
      case Field::loc_name: assign(a->loc_name, value); break;
      case Field::format: assign(meta->format, trimmed); break;
      case Field::type: assign(meta->type, trimmed); break;
      case Field::mark: assign(meta->mark, trimmed); break;
      case Field::size: assign(meta->size, trimmed); break;
      case Field::version: assign(meta->version, trimmed); break;
      case Field::next_nonce: assign(meta->next_nonce, trimmed); break;
      case Field::max_msg_size: assign(meta->max_msg_size, trimmed); break;
      case Field::max_obj_size: assign(meta->max_obj_size, trimmed); break;
      case Field::emi: meta->emi.emplace_back(value); break;
      case Field::item_data: {
        std::optional<message::Data>& data = static_cast<Item*>(obj)->data;
        if (!data) data.emplace();
        data->text.assign(value);
        data->is_xml = false;
        data->had_cdata = had_cdata;
        data->node = nullptr;
        break;
      }
      case Field::cmd_id: assign(c->cmd_id, trimmed); break;
      case Field::cmd_data: assign(c->data, trimmed); break;
      case Field::correlator: assign(c->correlator, trimmed); break;
      case Field::msg_ref: assign(c->msg_ref, trimmed); break;
      case Field::cmd_ref: assign(c->cmd_ref, trimmed); break;
      case Field::cmd_name: assign(c->cmd, trimmed); break;
      case Field::target_ref: c->target_refs.emplace_back(value); break;
      case Field::source_ref: c->source_refs.emplace_back(value); break;
    }
  }

  // Commands move while their vectors grow: their HRESULTs are placed once all are read.
  void resolve_original_errors() {
    if (hresults_.empty()) return;
    std::size_t number = 0, next = 0;
    auto walk = [&](auto& self, const std::vector<Command>& commands) -> void {
      for (const Command& c : commands) {
        if (next < hresults_.size() && hresults_[next].first == number) {
          body_.original_errors.emplace_back(&c, std::move(hresults_[next].second));
          ++next;
        }
        ++number;
        self(self, c.children);
      }
    };
    walk(walk, m_.commands);
  }
};

void reset(Body& body) {
  message::Message& m = body.message;
  // The commands stay: the next message is read into them (Recycling).
  m.header = {};
  m.unknown.clear();
  m.namespace_uri.clear();
  m.has_header = m.has_body = m.final = false;
  m.root = m.body = nullptr;
  body.original_errors.clear();
  body.document.reset();
  body.one_pass = false;
}

// The full reader's HRESULTs: the attribute on each Status's first Data, from the tree.
void original_errors_from_tree(Body& body, const std::vector<Command>& commands) {
  for (const Command& c : commands) {
    if (c.kind == Kind::status && c.node) {
      if (const xml::dom::Node* data = xml::child(xml::dom::node(c.node), "Data")) {
        for (const xml::dom::Attribute* a = data->first_attribute(); a; a = a->next_attribute()) {
          std::string_view name(a->name(), a->name_size());
          if (auto colon = name.find(':'); colon != npos) name.remove_prefix(colon + 1);
          if (!iequals(name, "originalerror")) continue;
          body.original_errors.emplace_back(&c, std::string(a->value(), a->value_size()));
          break;
        }
      }
    }
    original_errors_from_tree(body, c.children);
  }
}

}  // namespace

bool read_body_one_pass(std::string_view text, Body& body) {
  // The last header's Target and Source keep their storage for this one's (Recycling).
  message::Header& h = body.message.header;
  if (h.target) body.spare.header_target = std::move(h.target);
  if (h.source) body.spare.header_source = std::move(h.source);
  reset(body);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (text.size() > UINT32_MAX / 2) return false;
  return OnePass(text, body).run();
}

void read_body(std::string& text, bool keep_text, const std::string& place, Body& body) {
  if (read_body_one_pass(text, body)) {
    body.one_pass = true;
    return;
  }
  read_body_with_tree(text, keep_text, place, body);
}

void read_body_with_tree(std::string& text, bool keep_text, const std::string& place, Body& body) {
  reset(body);
  body.document.emplace(keep_text ? xml::Document::parse(text, place) : xml::Document::adopt(std::move(text), place));
  body.message = message::read(*body.document);
  original_errors_from_tree(body, body.message.commands);
}

}  // namespace syncmldm::trace::detail
