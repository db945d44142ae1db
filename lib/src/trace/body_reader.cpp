// The trace's body reader: one pass over the XML text, filling the message model as
// message::read would, without the tree; the full reader for whatever this pass leaves to it.
#include "trace/body_reader.hpp"

#include <cstring>
#include <deque>

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

std::string_view local_of(std::string_view qname) {
  std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string trimmed(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// A value as the tree holds it: entity references replaced.
std::string expanded(std::string_view raw) {
  if (raw.find('&') == std::string_view::npos) return std::string(raw);
  std::string out;
  xml::detail::expand_references(raw, out);
  return out;
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
};

struct Attr {
  std::string_view name, raw;
};

class OnePass {
 public:
  OnePass(std::string_view text, Body& body) : t_(text), n_(text.size()), body_(body), m_(body.message) {}

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
    resolve_original_errors();
    return true;
  }

 private:
  static constexpr std::size_t kMaxDepth = 256;  // deeper: the full reader (its limit is higher)

  std::string_view t_;
  std::size_t n_;
  Body& body_;
  message::Message& m_;
  std::vector<Level> stack_;
  std::vector<Attr> attrs_;
  std::deque<Meta> inner_meta_;  // MetInf inside Meta, read as a Meta of its own
  std::string text_;             // the direct text of the text element open
  bool had_cdata_ = false;
  std::size_t commands_ = 0, items_ = 0;
  std::vector<std::pair<std::size_t, std::string>> hresults_;  // command number -> originalerror

  // The start tag at t_[i] == '<', its attributes checked as the pre-scan checks them; `i`
  // moves past it and the element is opened (and closed, when written <a/>).
  bool start_tag(std::size_t& i) {
    const char* d = t_.data();
    std::size_t k = i + 1;
    if (k >= n_ || !kName.first[static_cast<unsigned char>(d[k])]) return false;
    while (k < n_ && kName.rest[static_cast<unsigned char>(d[k])]) ++k;
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
          if (amp) xml::detail::expand_references(raw, text_);
          else text_.append(raw);
        }
      }
      amp = false;
      char next = j + 1 < n_ ? d[j + 1] : '\0';
      if (next == '/') {
        const Level& top = stack_.back();
        std::size_t k = j + 2;
        if (t_.compare(k, top.name.size(), top.name) != 0) return false;
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
            text_.append(t_.substr(j + 9, end - j - 9));
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

  Level& push(std::string_view name, Role role, void* obj = nullptr, Field field = Field::none) {
    Level& l = stack_.emplace_back();
    l.name = name;
    l.role = role;
    l.obj = obj;
    l.field = field;
    if (role == Role::text) {
      text_.clear();
      had_cdata_ = false;
    }
    return l;
  }

  bool text_field(std::string_view name, void* obj, Field field) {
    push(name, Role::text, obj, field);
    return true;
  }

  // A command element (Add, Status, Atomic, and unknown ones) into `into`.
  bool command(std::string_view name, std::vector<Command>& into, std::size_t depth) {
    if (++commands_ > message::ReadOptions{}.max_commands) return false;
    Command& c = into.emplace_back();
    c.name = std::string(local_of(name));
    c.kind = message::kind_from_name(c.name);
    if (c.kind == Kind::unknown) {
      push(name, Role::skip);
      return true;
    }
    if (c.is_container() && depth >= message::ReadOptions{}.max_nesting) {
      c.kind = Kind::unknown;
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
    if (stack_.empty()) {
      if (local == "SyncML") {
        m_.namespace_uri = namespace_of_root(name);
        push(name, Role::syncml);
        return true;
      }
      if (local == "SyncBody") {
        m_.namespace_uri = namespace_of_root(name);
        m_.has_body = true;
        push(name, Role::body);
        return true;
      }
      if (message::kind_from_name(local) == Kind::unknown) return false;  // not SyncML: the full reader says so
      m_.namespace_uri = namespace_of_root(name);
      return command(name, m_.commands, 0);
    }
    Level& parent = stack_.back();
    switch (parent.role) {
      case Role::skip: break;
      case Role::text:
        if (parent.field == Field::item_data) return false;  // Data holding markup: the full reader writes it
        break;
      case Role::syncml:
        if (local == "SyncHdr" && !m_.has_header) {
          m_.has_header = true;
          push(name, Role::header, &m_.header);
          return true;
        }
        if (local == "SyncBody" && !m_.has_body) {
          m_.has_body = true;
          push(name, Role::body);
          return true;
        }
        break;
      case Role::header: {
        auto* h = static_cast<message::Header*>(parent.obj);
        if (local == "VerDTD") return text_field(name, h, Field::ver_dtd);
        if (local == "VerProto") return text_field(name, h, Field::ver_proto);
        if (local == "SessionID") return text_field(name, h, Field::session_id);
        if (local == "MsgID") return text_field(name, h, Field::msg_id);
        if (local == "RespURI") return text_field(name, h, Field::resp_uri);
        if (local == "Target") return push(name, Role::address, &h->target.emplace()), true;
        if (local == "Source") return push(name, Role::address, &h->source.emplace()), true;
        if (local == "NoResp") h->no_resp = true;
        break;
      }
      case Role::body:
        if (local == "Final") {
          m_.final = true;
          break;
        }
        return command(name, m_.commands, 0);
      case Role::command: {
        auto* c = static_cast<Command*>(parent.obj);
        bool reply = c->kind == Kind::status || c->kind == Kind::results;
        if (local == "Data" && !parent.data_seen) {
          parent.data_seen = true;
          if (c->kind == Kind::status) note_original_error();
        }
        if (local == "CmdID") return text_field(name, c, Field::cmd_id);
        if (local == "NoResp") {
          c->no_resp = true;
          break;
        }
        if (local == "Cred") break;
        if (local == "Meta") return push(name, Role::meta, &c->meta.emplace()), true;
        if (local == "Item") {
          if (++items_ > message::ReadOptions{}.max_items) return false;
          return push(name, Role::item, &c->items.emplace_back()), true;
        }
        if (local == "Data" && (c->kind == Kind::alert || c->kind == Kind::status)) return text_field(name, c, Field::cmd_data);
        if (local == "Correlator") return text_field(name, c, Field::correlator);
        if (reply) {
          if (local == "MsgRef") return text_field(name, c, Field::msg_ref);
          if (local == "CmdRef") return text_field(name, c, Field::cmd_ref);
          if (local == "Cmd") return text_field(name, c, Field::cmd_name);
          if (local == "TargetRef") return text_field(name, c, Field::target_ref);
          if (local == "SourceRef") return text_field(name, c, Field::source_ref);
        }
        if (local == "Chal" && c->kind == Kind::status) break;
        if (c->is_container()) {
          std::size_t depth = parent.depth + 1;
          return command(name, c->children, depth);
        }
        break;
      }
      case Role::item: {
        auto* it = static_cast<Item*>(parent.obj);
        if (local == "Target") return push(name, Role::address, &it->target.emplace()), true;
        if (local == "Source") return push(name, Role::address, &it->source.emplace()), true;
        if (local == "Meta") return push(name, Role::meta, &it->meta.emplace()), true;
        if (local == "Data") return text_field(name, it, Field::item_data);
        if (local == "MoreData") it->more_data = true;
        break;
      }
      case Role::address: {
        if (local == "LocURI") return text_field(name, parent.obj, Field::loc_uri);
        if (local == "LocName") return text_field(name, parent.obj, Field::loc_name);
        break;
      }
      case Role::meta: {
        void* meta = parent.obj;
        if (local == "Format") return text_field(name, meta, Field::format);
        if (local == "Type") return text_field(name, meta, Field::type);
        if (local == "Mark") return text_field(name, meta, Field::mark);
        if (local == "Size") return text_field(name, meta, Field::size);
        if (local == "Version") return text_field(name, meta, Field::version);
        if (local == "NextNonce") return text_field(name, meta, Field::next_nonce);
        if (local == "MaxMsgSize") return text_field(name, meta, Field::max_msg_size);
        if (local == "MaxObjSize") return text_field(name, meta, Field::max_obj_size);
        if (local == "EMI") return text_field(name, meta, Field::emi);
        if (local == "MetInf") return push(name, Role::meta, &inner_meta_.emplace_back()).field = Field::format, true;
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
    Level l = stack_.back();
    stack_.pop_back();
    if (l.role == Role::meta && l.field == Field::format) {  // a MetInf: into the Meta around it
      Meta& inner = inner_meta_.back();
      Meta& outer = *static_cast<Meta*>(stack_.back().obj);
      if (inner.format) outer.format = inner.format;
      if (inner.type) outer.type = inner.type;
      if (inner.size) outer.size = inner.size;
      if (inner.next_nonce) outer.next_nonce = inner.next_nonce;
      if (inner.max_msg_size) outer.max_msg_size = inner.max_msg_size;
      if (inner.max_obj_size) outer.max_obj_size = inner.max_obj_size;
      if (inner.mark) outer.mark = inner.mark;
      inner_meta_.pop_back();
      return;
    }
    if (l.role != Role::text) return;
    auto* h = static_cast<message::Header*>(l.obj);
    auto* a = static_cast<Address*>(l.obj);
    auto* meta = static_cast<Meta*>(l.obj);
    auto* c = static_cast<Command*>(l.obj);
    switch (l.field) {
      case Field::none: break;
      case Field::ver_dtd: h->ver_dtd = trimmed(text_); break;
      case Field::ver_proto: h->ver_proto = trimmed(text_); break;
      case Field::session_id: h->session_id = trimmed(text_); break;
      case Field::msg_id: h->msg_id = trimmed(text_); break;
      case Field::resp_uri: h->resp_uri = trimmed(text_); break;
      case Field::loc_uri: a->loc_uri = text_; break;
      case Field::loc_name: a->loc_name = text_; break;
      case Field::format: meta->format = trimmed(text_); break;
      case Field::type: meta->type = trimmed(text_); break;
      case Field::mark: meta->mark = trimmed(text_); break;
      case Field::size: meta->size = trimmed(text_); break;
      case Field::version: meta->version = trimmed(text_); break;
      case Field::next_nonce: meta->next_nonce = trimmed(text_); break;
      case Field::max_msg_size: meta->max_msg_size = trimmed(text_); break;
      case Field::max_obj_size: meta->max_obj_size = trimmed(text_); break;
      case Field::emi: meta->emi.push_back(text_); break;
      case Field::item_data: {
        message::Data& data = static_cast<Item*>(l.obj)->data.emplace();
        data.text = text_;
        data.had_cdata = had_cdata_;
        break;
      }
      case Field::cmd_id: c->cmd_id = trimmed(text_); break;
      case Field::cmd_data: c->data = trimmed(text_); break;
      case Field::correlator: c->correlator = trimmed(text_); break;
      case Field::msg_ref: c->msg_ref = trimmed(text_); break;
      case Field::cmd_ref: c->cmd_ref = trimmed(text_); break;
      case Field::cmd_name: c->cmd = trimmed(text_); break;
      case Field::target_ref: c->target_refs.push_back(text_); break;
      case Field::source_ref: c->source_refs.push_back(text_); break;
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
  m.commands.clear();  // the capacity stays for the next message
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
