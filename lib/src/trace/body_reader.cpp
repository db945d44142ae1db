// The trace's body reader: one pass over the XML text, filling the message model as
// message::read would, without the tree; the full reader for whatever this pass leaves to it.
#include "trace/body_reader.hpp"

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

// Equality of short names, byte by byte: no call to memcmp for a name of a few bytes.
bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// The end of the name that starts at d[k]: the first byte that is not a name byte, or n. Names
// are read 16 bytes at a time where that many are there.
std::size_t name_end(const char* d, std::size_t k, std::size_t n) {
#if defined(__SSE2__)
  for (; k + 16 <= n; k += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + k));
    auto within = [](__m128i x, char low, char span) {  // low <= x <= low + span, unsigned
      __m128i t = _mm_sub_epi8(x, _mm_set1_epi8(low));
      return _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(span)), t);
    };
    __m128i ok = _mm_or_si128(_mm_cmplt_epi8(v, _mm_setzero_si128()),
                              within(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 25));
    ok = _mm_or_si128(ok, within(v, '0', 9));
    ok = _mm_or_si128(ok, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')), _mm_cmpeq_epi8(v, _mm_set1_epi8(':'))));
    ok = _mm_or_si128(ok, within(v, '-', 1));  // '-' and '.'
    unsigned stop = ~static_cast<unsigned>(_mm_movemask_epi8(ok)) & 0xFFFFu;
    if (stop) return k + static_cast<std::size_t>(__builtin_ctz(stop));
  }
#endif
  while (k < n && kName.rest[static_cast<unsigned char>(d[k])]) ++k;
  return k;
}

std::string_view local_of(std::string_view qname) {
  for (std::size_t i = 0; i < qname.size(); ++i)  // names are short: no call to memchr
    if (qname[i] == ':') return qname.substr(i + 1);
  return qname;
}

// A value as the tree holds it: entity references replaced.
std::string expanded(std::string_view raw) {
  if (raw.find('&') == std::string_view::npos) return std::string(raw);
  std::string out;
  xml::detail::expand_references(raw, out);
  return out;
}

// message::kind_from_name, by length first.
Kind kind_of(std::string_view local) {
  switch (local.size()) {
    case 3:
      if (same(local, "Add")) return Kind::add;
      if (same(local, "Get")) return Kind::get;
      break;
    case 4:
      if (same(local, "Copy")) return Kind::copy;
      if (same(local, "Exec")) return Kind::exec;
      break;
    case 5:
      if (same(local, "Alert")) return Kind::alert;
      break;
    case 6:
      if (same(local, "Atomic")) return Kind::atomic;
      if (same(local, "Delete")) return Kind::delete_;
      if (same(local, "Status")) return Kind::status;
      break;
    case 7:
      if (same(local, "Replace")) return Kind::replace;
      if (same(local, "Results")) return Kind::results;
      break;
    case 8:
      if (same(local, "Sequence")) return Kind::sequence;
      break;
    default: break;
  }
  return Kind::unknown;
}

// The element names the model knows, told apart by length first: one switch instead of a
// chain of comparisons for every element.
enum class N : std::uint8_t {
    other, Chal, Cmd, CmdID, CmdRef, Correlator, Cred, Data, EMI, Final, Format, Item, LocName, LocURI, Mark,
    MaxMsgSize, MaxObjSize, MetInf, Meta, MoreData, MsgID, MsgRef, NextNonce, NoResp, RespURI, SessionID,
    Size, Source, SourceRef, SyncBody, SyncHdr, SyncML, Target, TargetRef, Type, VerDTD, VerProto, Version
};

N classify(std::string_view local) {
  switch (local.size()) {
    case 3:
      if (same(local, "Cmd")) return N::Cmd;
      if (same(local, "EMI")) return N::EMI;
      break;
    case 4:
      if (same(local, "Chal")) return N::Chal;
      if (same(local, "Cred")) return N::Cred;
      if (same(local, "Data")) return N::Data;
      if (same(local, "Item")) return N::Item;
      if (same(local, "Mark")) return N::Mark;
      if (same(local, "Meta")) return N::Meta;
      if (same(local, "Size")) return N::Size;
      if (same(local, "Type")) return N::Type;
      break;
    case 5:
      if (same(local, "CmdID")) return N::CmdID;
      if (same(local, "Final")) return N::Final;
      if (same(local, "MsgID")) return N::MsgID;
      break;
    case 6:
      if (same(local, "CmdRef")) return N::CmdRef;
      if (same(local, "Format")) return N::Format;
      if (same(local, "LocURI")) return N::LocURI;
      if (same(local, "MetInf")) return N::MetInf;
      if (same(local, "MsgRef")) return N::MsgRef;
      if (same(local, "NoResp")) return N::NoResp;
      if (same(local, "Source")) return N::Source;
      if (same(local, "SyncML")) return N::SyncML;
      if (same(local, "Target")) return N::Target;
      if (same(local, "VerDTD")) return N::VerDTD;
      break;
    case 7:
      if (same(local, "LocName")) return N::LocName;
      if (same(local, "RespURI")) return N::RespURI;
      if (same(local, "SyncHdr")) return N::SyncHdr;
      if (same(local, "Version")) return N::Version;
      break;
    case 8:
      if (same(local, "MoreData")) return N::MoreData;
      if (same(local, "SyncBody")) return N::SyncBody;
      if (same(local, "VerProto")) return N::VerProto;
      break;
    case 9:
      if (same(local, "NextNonce")) return N::NextNonce;
      if (same(local, "SessionID")) return N::SessionID;
      if (same(local, "SourceRef")) return N::SourceRef;
      if (same(local, "TargetRef")) return N::TargetRef;
      break;
    case 10:
      if (same(local, "Correlator")) return N::Correlator;
      if (same(local, "MaxMsgSize")) return N::MaxMsgSize;
      if (same(local, "MaxObjSize")) return N::MaxObjSize;
      break;
    default: break;
  }
  return N::other;
}

enum class Role : std::uint8_t { skip, syncml, header, body, command, item, address, meta, text };

// Where a text element's text goes when it closes (into the object of the level below).
enum class Field : std::uint8_t {
  none, ver_dtd, ver_proto, session_id, msg_id, resp_uri, loc_uri, loc_name,
  format, type, mark, size, version, next_nonce, max_msg_size, max_obj_size, emi,
  item_data, cmd_id, cmd_data, correlator, msg_ref, cmd_ref, cmd_name, target_ref, source_ref,
};

struct Level {
  std::string_view name;  // as written: the end tag must match it
  Role role = Role::skip;
  Field field = Field::none;
  void* obj = nullptr;      // the Header, Command, Item, Address or Meta this level fills
  std::size_t depth = 0;    // commands: Atomic/Sequence nesting
  bool data_seen = false;   // commands: a Data child met (a Status's first one carries the HRESULT)
  // The parts met so far, of a command, Item or address; the others are cleared when it closes
  // (its storage is that of the last message's part in the same place: see Recycling below).
  bool meta_seen = false, target_seen = false, source_seen = false, item_data_seen = false;
  bool uri_seen = false, name_seen = false;
  std::size_t items = 0, children = 0;  // commands: Items and commands read into it
};

// Recycling: the model of one message is kept for the next, which is read into the same
// commands, Items, addresses and Meta, so that their storage is allocated once, not per
// message. A part taken again is cleared of what the last message put there; what the new one
// does not fill in is removed when its element closes.
template <class T>
void assign(std::optional<T>& to, std::string_view value) {
  if (to) to->assign(value.data(), value.size());
  else to.emplace(value);
}

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_ws(s[b])) ++b;
  while (e > b && is_ws(s[e - 1])) --e;
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

template <class T>
T& next_of(std::vector<T>& v, std::size_t& used) {
  if (used < v.size()) return v[used++];
  ++used;
  return v.emplace_back();
}

template <class T>
void keep_first(std::vector<T>& v, std::size_t used) {
  if (v.size() > used) v.erase(v.begin() + static_cast<std::ptrdiff_t>(used), v.end());
}

// A Meta for a new element: the old one cleared in place (field by field: cheaper than
// assigning a new one), or a new one.
Meta& fresh(message::Boxed<Meta>& b) {
  if (!b) return b.emplace();
  Meta& m = *b;
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

Address& fresh_address(message::Boxed<Address>& b) {
  if (!b) return b.emplace();
  b->node = b->loc_uri_node = nullptr;  // loc_uri and loc_name: kept for their storage, cleared on close
  return *b;
}

struct Attr {
  std::string_view name, raw;
};

// The reader's working storage, kept from one message to the next.
struct Scratch {
  std::vector<Level> stack;
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
      : t_(text), n_(text.size()), body_(body), m_(body.message), s_(scratch()), stack_(s_.stack), attrs_(s_.attrs),
        inner_meta_(s_.inner_meta), text_(s_.text), hresults_(s_.hresults) {}

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
      if (i == std::string_view::npos) return false;
    }
    if (!root_done) return false;
    keep_first(m_.commands, top_commands_);
    resolve_original_errors();
    return true;
  }

 private:
  static constexpr std::size_t kMaxDepth = 256;  // deeper: the full reader (its limit is higher)

  std::string_view t_;
  std::size_t n_;
  Body& body_;
  message::Message& m_;
  Scratch& s_;
  std::vector<Level>& stack_;
  std::vector<Attr>& attrs_;
  std::deque<Meta>& inner_meta_;
  std::string& text_;
  std::vector<std::pair<std::size_t, std::string>>& hresults_;
  bool had_cdata_ = false;
  std::string_view first_piece_;  // the text so far while it is one piece from the input
  int pieces_ = 0;                // 0, 1 (first_piece_), 2 (joined in text_)
  std::size_t commands_ = 0, items_ = 0;
  std::size_t top_commands_ = 0;  // SyncBody's commands read so far

  // The start tag at t_[i] == '<', its attributes checked as the pre-scan checks them; `i`
  // moves past it and the element is opened (and closed, when written <a/>).
  bool start_tag(std::size_t& i) {
    const char* d = t_.data();
    std::size_t k = i + 1;
    if (k >= n_ || !kName.first[static_cast<unsigned char>(d[k])]) return false;
    k = name_end(d, k + 1, n_);
    if (k >= n_) return false;
    std::string_view name = t_.substr(i + 1, k - i - 1);
    char after = d[k];
    if (!is_ws(after) && after != '/' && after != '>') return false;
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
    if (!open(name)) return false;
    i = k;
    if (empty) close();
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
        if (raw.find_first_not_of(" \t\r\n") != std::string_view::npos) {
          add_text(raw, amp);
        }
      }
      amp = false;
      char next = j + 1 < n_ ? d[j + 1] : '\0';
      if (next == '/') {
        const Level& top = stack_.back();
        std::size_t k = j + 2;
        if (n_ - k < top.name.size() || !same(t_.substr(k, top.name.size()), top.name)) return false;
        k += top.name.size();
        while (k < n_ && is_ws(d[k])) ++k;
        if (k >= n_ || d[k] != '>') return false;
        close();
        i = k + 1;
      } else if (next == '!') {
        xml::detail::PrescanProblem problem;
        if (t_.compare(j, 9, "<![CDATA[") == 0) {
          std::size_t end = t_.find("]]>", j + 9);
          if (end == std::string_view::npos) return false;
          if (capturing()) {
            add_text(t_.substr(j + 9, end - j - 9), false);
            had_cdata_ = true;
          }
          i = end + 3;
        } else if (t_.compare(j, 4, "<!--") == 0) {
          i = xml::detail::comment_end(t_, j, problem);
          if (i == std::string_view::npos) return false;
        } else {
          return false;  // DOCTYPE inside the root, conditional sections: the full reader says
        }
      } else if (next == '?') {
        xml::detail::PrescanProblem problem;
        i = xml::detail::pi_end(t_, j, 0, problem);
        if (i == std::string_view::npos) return false;
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

  Level& push(std::string_view name, Role role, void* obj = nullptr, Field field = Field::none) {
    Level& l = stack_.emplace_back();
    l.name = name;
    l.role = role;
    l.obj = obj;
    l.field = field;
    if (role == Role::text) {
      text_.clear();
      first_piece_ = {};
      pieces_ = 0;
      had_cdata_ = false;
    }
    return l;
  }

  bool text_field(std::string_view name, void* obj, Field field) {
    push(name, Role::text, obj, field);
    return true;
  }

  // A command element (Add, Status, Atomic, and unknown ones) into `into`.
  bool command(std::string_view name, std::vector<Command>& into, std::size_t& used, std::size_t depth) {
    if (++commands_ > message::ReadOptions{}.max_commands) return false;
    Command& c = next_of(into, used);
    clear_command(c);
    std::string_view local = local_of(name);
    c.name.assign(local.data(), local.size());
    c.kind = kind_of(local);
    if (c.kind == Kind::unknown || (c.is_container() && depth >= message::ReadOptions{}.max_nesting)) {
      c.kind = Kind::unknown;  // kept by name only
      c.items.clear();
      c.children.clear();
      c.meta.reset();
      push(name, Role::skip);
      return true;
    }
    push(name, Role::command, &c).depth = depth;
    return true;
  }

  std::string namespace_of_root(std::string_view name) const {
    std::size_t colon = name.find(':');
    std::string wanted = colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
    for (const Attr& a : attrs_)
      if (a.name == wanted) return expanded(a.raw);
    return {};
  }

  // Decides what the element just started is for, from its parent's role.
  bool open(std::string_view name) {
    std::string_view local = local_of(name);
    N id = classify(local);
    if (stack_.empty()) {
      if (id == N::SyncML) {
        m_.namespace_uri = namespace_of_root(name);
        push(name, Role::syncml);
        return true;
      }
      if (id == N::SyncBody) {
        m_.namespace_uri = namespace_of_root(name);
        m_.has_body = true;
        push(name, Role::body);
        return true;
      }
      if (kind_of(local) == Kind::unknown) return false;  // not SyncML: the full reader says so
      m_.namespace_uri = namespace_of_root(name);
      return command(name, m_.commands, top_commands_, 0);
    }
    Level& parent = stack_.back();
    switch (parent.role) {
      case Role::skip: break;
      case Role::text:
        if (parent.field == Field::item_data) return false;  // Data holding markup: the full reader writes it
        break;
      case Role::syncml:
        if (id == N::SyncHdr && !m_.has_header) {
          m_.has_header = true;
          push(name, Role::header, &m_.header);
          return true;
        }
        if (id == N::SyncBody && !m_.has_body) {
          m_.has_body = true;
          push(name, Role::body);
          return true;
        }
        break;
      case Role::header: {
        auto* h = static_cast<message::Header*>(parent.obj);
        if (id == N::VerDTD) return text_field(name, h, Field::ver_dtd);
        if (id == N::VerProto) return text_field(name, h, Field::ver_proto);
        if (id == N::SessionID) return text_field(name, h, Field::session_id);
        if (id == N::MsgID) return text_field(name, h, Field::msg_id);
        if (id == N::RespURI) return text_field(name, h, Field::resp_uri);
        if (id == N::Target) return push(name, Role::address, &h->target.emplace()), true;
        if (id == N::Source) return push(name, Role::address, &h->source.emplace()), true;
        if (id == N::NoResp) h->no_resp = true;
        break;
      }
      case Role::body:
        if (id == N::Final) {
          m_.final = true;
          break;
        }
        return command(name, m_.commands, top_commands_, 0);
      case Role::command: {
        auto* c = static_cast<Command*>(parent.obj);
        bool reply = c->kind == Kind::status || c->kind == Kind::results;
        if (id == N::Data && !parent.data_seen) {
          parent.data_seen = true;
          if (c->kind == Kind::status) note_original_error();
        }
        if (id == N::CmdID) return text_field(name, c, Field::cmd_id);
        if (id == N::NoResp) {
          c->no_resp = true;
          break;
        }
        if (id == N::Cred) break;
        if (id == N::Meta) {
          parent.meta_seen = true;
          return push(name, Role::meta, &fresh(c->meta)), true;
        }
        if (id == N::Item) {
          if (++items_ > message::ReadOptions{}.max_items) return false;
          Item& it = next_of(c->items, parent.items);
          it.more_data = false;
          it.unknown.clear();
          it.node = nullptr;
          return push(name, Role::item, &it), true;
        }
        if (id == N::Data && (c->kind == Kind::alert || c->kind == Kind::status)) return text_field(name, c, Field::cmd_data);
        if (id == N::Correlator) return text_field(name, c, Field::correlator);
        if (reply) {
          if (id == N::MsgRef) return text_field(name, c, Field::msg_ref);
          if (id == N::CmdRef) return text_field(name, c, Field::cmd_ref);
          if (id == N::Cmd) return text_field(name, c, Field::cmd_name);
          if (id == N::TargetRef) return text_field(name, c, Field::target_ref);
          if (id == N::SourceRef) return text_field(name, c, Field::source_ref);
        }
        if (id == N::Chal && c->kind == Kind::status) break;
        if (c->is_container()) return command(name, c->children, parent.children, parent.depth + 1);
        break;
      }
      case Role::item: {
        auto* it = static_cast<Item*>(parent.obj);
        if (id == N::Target) {
          parent.target_seen = true;
          return push(name, Role::address, &fresh_address(it->target)), true;
        }
        if (id == N::Source) {
          parent.source_seen = true;
          return push(name, Role::address, &fresh_address(it->source)), true;
        }
        if (id == N::Meta) {
          parent.meta_seen = true;
          return push(name, Role::meta, &fresh(it->meta)), true;
        }
        if (id == N::Data) {
          parent.item_data_seen = true;
          return text_field(name, it, Field::item_data);
        }
        if (id == N::MoreData) it->more_data = true;
        break;
      }
      case Role::address: {
        if (id == N::LocURI) {
          parent.uri_seen = true;
          return text_field(name, parent.obj, Field::loc_uri);
        }
        if (id == N::LocName) {
          parent.name_seen = true;
          return text_field(name, parent.obj, Field::loc_name);
        }
        break;
      }
      case Role::meta: {
        void* meta = parent.obj;
        if (id == N::Format) return text_field(name, meta, Field::format);
        if (id == N::Type) return text_field(name, meta, Field::type);
        if (id == N::Mark) return text_field(name, meta, Field::mark);
        if (id == N::Size) return text_field(name, meta, Field::size);
        if (id == N::Version) return text_field(name, meta, Field::version);
        if (id == N::NextNonce) return text_field(name, meta, Field::next_nonce);
        if (id == N::MaxMsgSize) return text_field(name, meta, Field::max_msg_size);
        if (id == N::MaxObjSize) return text_field(name, meta, Field::max_obj_size);
        if (id == N::EMI) return text_field(name, meta, Field::emi);
        if (id == N::MetInf) return push(name, Role::meta, &inner_meta_.emplace_back()).field = Field::format, true;
        break;
      }
    }
    push(name, Role::skip);
    return true;
  }

  // The msft:originalerror of the Status's first Data, from the start tag just read.
  void note_original_error() {
    for (const Attr& a : attrs_) {
      std::string_view local = a.name;
      if (auto colon = local.find(':'); colon != std::string_view::npos) local.remove_prefix(colon + 1);
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
        keep_first(c->items, l.items);
        keep_first(c->children, l.children);
        if (!l.meta_seen) c->meta.reset();
        return;
      }
      case Role::item: {
        auto* it = static_cast<Item*>(l.obj);
        if (!l.target_seen) it->target.reset();
        if (!l.source_seen) it->source.reset();
        if (!l.meta_seen) it->meta.reset();
        if (!l.item_data_seen) it->data.reset();
        return;
      }
      case Role::address: {
        auto* a = static_cast<Address*>(l.obj);
        if (!l.uri_seen) a->loc_uri.reset();
        if (!l.name_seen) a->loc_name.reset();
        return;
      }
      default: break;
    }
    if (l.role == Role::meta && l.field == Field::format) {  // a MetInf: into the Meta around it
      Meta& inner = inner_meta_.back();
      static_cast<Meta*>(stack_.back().obj)->take_from_metinf(inner);
      inner_meta_.pop_back();
      return;
    }
    if (l.role != Role::text) return;
    const std::string_view value = text();
    auto* h = static_cast<message::Header*>(l.obj);
    auto* a = static_cast<Address*>(l.obj);
    auto* meta = static_cast<Meta*>(l.obj);
    auto* c = static_cast<Command*>(l.obj);
    switch (l.field) {
      case Field::none: break;
      case Field::ver_dtd: assign(h->ver_dtd, trim(value)); break;
      case Field::ver_proto: assign(h->ver_proto, trim(value)); break;
      case Field::session_id: assign(h->session_id, trim(value)); break;
      case Field::msg_id: assign(h->msg_id, trim(value)); break;
      case Field::resp_uri: assign(h->resp_uri, trim(value)); break;
      case Field::loc_uri: assign(a->loc_uri, value); break;
      case Field::loc_name: assign(a->loc_name, value); break;
      case Field::format: assign(meta->format, trim(value)); break;
      case Field::type: assign(meta->type, trim(value)); break;
      case Field::mark: assign(meta->mark, trim(value)); break;
      case Field::size: assign(meta->size, trim(value)); break;
      case Field::version: assign(meta->version, trim(value)); break;
      case Field::next_nonce: assign(meta->next_nonce, trim(value)); break;
      case Field::max_msg_size: assign(meta->max_msg_size, trim(value)); break;
      case Field::max_obj_size: assign(meta->max_obj_size, trim(value)); break;
      case Field::emi: meta->emi.emplace_back(value); break;
      case Field::item_data: {
        std::optional<message::Data>& data = static_cast<Item*>(l.obj)->data;
        if (!data) data.emplace();
        data->text.assign(value);
        data->is_xml = false;
        data->had_cdata = had_cdata_;
        data->node = nullptr;
        break;
      }
      case Field::cmd_id: assign(c->cmd_id, trim(value)); break;
      case Field::cmd_data: assign(c->data, trim(value)); break;
      case Field::correlator: assign(c->correlator, trim(value)); break;
      case Field::msg_ref: assign(c->msg_ref, trim(value)); break;
      case Field::cmd_ref: assign(c->cmd_ref, trim(value)); break;
      case Field::cmd_name: assign(c->cmd, trim(value)); break;
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
          if (auto colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
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
