#include "syncmldm/message/message.hpp"

#include <iterator>

#include "util/huge_pages.hpp"
#include "xml/dom.hpp"

namespace syncmldm::message {

namespace {

using xml::dom::Node;
using xml::dom::handle;  // the model keeps nodes as public handles

using xml::dom::is_element;

template <typename F>
void for_each_element(const Node* parent, F&& f) {
  for (const Node* c = parent->first_node(); c; c = c->next_sibling())
    if (is_element(c)) f(c);
}

std::string trimmed(std::string s) {
  const char* ws = " \t\r\n";
  std::size_t b = s.find_first_not_of(ws);
  if (b == std::string::npos) return {};
  std::size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

std::string scalar(const Node* n) { return trimmed(xml::text(n)); }

Meta read_meta(const Node* n) {
  Meta m;
  m.node = handle(n);
  for_each_element(n, [&](const Node* c) {
    std::string_view name = xml::local_name(c);
    if (name == "Format") m.format = scalar(c);
    else if (name == "Type") m.type = scalar(c);
    else if (name == "Mark") m.mark = scalar(c);
    else if (name == "Size") m.size = scalar(c);
    else if (name == "Version") m.version = scalar(c);
    else if (name == "NextNonce") m.next_nonce = scalar(c);
    else if (name == "MaxMsgSize") m.max_msg_size = scalar(c);
    else if (name == "MaxObjSize") m.max_obj_size = scalar(c);
    else if (name == "EMI") m.emi.push_back(xml::text(c));
    else if (name == "MetInf") {
      // <Meta><MetInf>...</MetInf></Meta> appears in some samples: read through it.
      m.take_from_metinf(read_meta(c));
    } else {
      m.unknown.push_back(handle(c));
    }
  });
  return m;
}

Address read_address(const Node* n) {
  Address a;
  a.node = handle(n);
  for_each_element(n, [&](const Node* c) {
    std::string_view name = xml::local_name(c);
    if (name == "LocURI") {
      a.loc_uri = xml::text(c);
      a.loc_uri_node = handle(c);
    } else if (name == "LocName") {
      a.loc_name = xml::text(c);
    }
  });
  return a;
}

Data read_data(const Node* n) {
  Data d;
  d.node = handle(n);
  for (const Node* c = n->first_node(); c; c = c->next_sibling())
    if (c->type() == xml::dom::node_cdata) d.had_cdata = true;
  if (xml::has_child_elements(n)) {
    d.is_xml = true;
    for (const Node* c = n->first_node(); c; c = c->next_sibling())
      xml::dom::print(c, d.text);
  } else {
    d.text = xml::text(n);
  }
  return d;
}

Cred read_cred(const Node* n) {
  Cred c;
  c.node = handle(n);
  for_each_element(n, [&](const Node* e) {
    std::string_view name = xml::local_name(e);
    if (name == "Meta") c.meta = read_meta(e);
    else if (name == "Data") c.data = read_data(e);
  });
  return c;
}

Item read_item(const Node* n) {
  Item it;
  it.node = handle(n);
  for_each_element(n, [&](const Node* c) {
    std::string_view name = xml::local_name(c);
    if (name == "Target") it.target = read_address(c);
    else if (name == "Source") it.source = read_address(c);
    else if (name == "Meta") it.meta = read_meta(c);
    else if (name == "Data") it.data = read_data(c);
    else if (name == "MoreData") it.more_data = true;
    else it.unknown.push_back(handle(c));
  });
  return it;
}

Command read_command(const Node* n, std::size_t depth, const ReadOptions& options) {
  Command cmd;
  cmd.node = handle(n);
  cmd.name = std::string(xml::local_name(n));
  cmd.kind = kind_from_name(cmd.name);
  if (cmd.kind == Kind::unknown) return cmd;
  bool container = cmd.is_container();
  if (container && depth >= options.max_nesting) {
    cmd.kind = Kind::unknown;
    return cmd;
  }
  // Items sized once: a Get may carry hundreds of thousands, and a vector that doubles holds up
  // to three times their size while it moves them.
  std::size_t item_count = 0;
  for_each_element(n, [&](const Node* c) { item_count += xml::local_name(c) == "Item"; });
  cmd.items.reserve(item_count);
  for_each_element(n, [&](const Node* c) {
    std::string_view name = xml::local_name(c);
    if (name == "CmdID") {
      cmd.cmd_id = scalar(c);
      cmd.cmd_id_node = handle(c);
    } else if (name == "NoResp") {
      cmd.no_resp = true;
    } else if (name == "Cred") {
      cmd.cred = read_cred(c);
    } else if (name == "Meta") {
      cmd.meta = read_meta(c);
    } else if (name == "Item") {
      cmd.items.push_back(read_item(c));
    } else if (name == "Data" && (cmd.kind == Kind::alert || cmd.kind == Kind::status)) {
      cmd.data = scalar(c);
    } else if (name == "Correlator") {
      cmd.correlator = scalar(c);
    } else if (name == "MsgRef" && (cmd.kind == Kind::status || cmd.kind == Kind::results)) {
      cmd.msg_ref = scalar(c);
    } else if (name == "CmdRef" && (cmd.kind == Kind::status || cmd.kind == Kind::results)) {
      cmd.cmd_ref = scalar(c);
    } else if (name == "Cmd" && (cmd.kind == Kind::status || cmd.kind == Kind::results)) {
      cmd.cmd = scalar(c);
    } else if (name == "TargetRef" && (cmd.kind == Kind::status || cmd.kind == Kind::results)) {
      cmd.target_refs.push_back(xml::text(c));
    } else if (name == "SourceRef" && (cmd.kind == Kind::status || cmd.kind == Kind::results)) {
      cmd.source_refs.push_back(xml::text(c));
    } else if (name == "Chal" && cmd.kind == Kind::status) {
      if (const Node* m = xml::child(c, "Meta")) cmd.chal = read_meta(m);
      else cmd.chal = Meta{};
    } else if (container) {
      cmd.children.push_back(read_command(c, depth + 1, options));
    } else {
      cmd.unknown.push_back(handle(c));
    }
  });
  return cmd;
}

Header read_header(const Node* n) {
  Header h;
  h.node = handle(n);
  for_each_element(n, [&](const Node* c) {
    std::string_view name = xml::local_name(c);
    if (name == "VerDTD") h.ver_dtd = scalar(c);
    else if (name == "VerProto") h.ver_proto = scalar(c);
    else if (name == "SessionID") h.session_id = scalar(c);
    else if (name == "MsgID") h.msg_id = scalar(c);
    else if (name == "Target") h.target = read_address(c);
    else if (name == "Source") h.source = read_address(c);
    else if (name == "RespURI") h.resp_uri = scalar(c);
    else if (name == "NoResp") h.no_resp = true;
    else if (name == "Cred") h.cred = read_cred(c);
    else if (name == "Meta") h.meta = read_meta(c);
    else h.unknown.push_back(handle(c));
  });
  return h;
}

void read_body(const Node* body, Message& m, const ReadOptions& options) {
  // Commands are large: size the vector once instead of moving them on every growth.
  std::size_t count = 0;
  for_each_element(body, [&](const Node*) { ++count; });
  m.commands.reserve(m.commands.size() + count);
  detail::advise_huge_pages(m.commands.data(), m.commands.capacity() * sizeof(Command));
  for_each_element(body, [&](const Node* c) {
    if (xml::local_name(c) == "Final") m.final = true;
    else m.commands.push_back(read_command(c, 0, options));
  });
}

}  // namespace

bool Meta::empty() const {
  return !format && !type && !mark && !size && !version && !next_nonce && !max_msg_size && !max_obj_size &&
         emi.empty();
}

void Meta::take_from_metinf(const Meta& inner) {
  if (inner.format) format = inner.format;
  if (inner.type) type = inner.type;
  if (inner.size) size = inner.size;
  if (inner.next_nonce) next_nonce = inner.next_nonce;
  if (inner.max_msg_size) max_msg_size = inner.max_msg_size;
  if (inner.max_obj_size) max_obj_size = inner.max_obj_size;
  if (inner.mark) mark = inner.mark;
}

const std::string& Address::uri() const {
  static const std::string kEmpty;
  return loc_uri ? *loc_uri : kEmpty;
}

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::add: return "Add";
    case Kind::alert: return "Alert";
    case Kind::atomic: return "Atomic";
    case Kind::copy: return "Copy";
    case Kind::delete_: return "Delete";
    case Kind::exec: return "Exec";
    case Kind::get: return "Get";
    case Kind::replace: return "Replace";
    case Kind::results: return "Results";
    case Kind::sequence: return "Sequence";
    case Kind::status: return "Status";
    case Kind::unknown: return "";
  }
  return "";
}

Kind kind_from_name(std::string_view name) {
  static constexpr Kind kAll[] = {Kind::add,     Kind::alert,   Kind::atomic,  Kind::copy,     Kind::delete_, Kind::exec,
                                  Kind::get,     Kind::replace, Kind::results, Kind::sequence, Kind::status};
  for (Kind k : kAll)
    if (kind_name(k) == name) return k;
  return Kind::unknown;
}

namespace {

// The command past the limit, or nullptr when the message holds no more than `limit` commands
// (nested ones count too: each becomes a Status in a response).
const Command* beyond_limit(const std::vector<Command>& commands, std::size_t& seen, std::size_t limit) {
  for (const Command& c : commands) {
    if (++seen > limit) return &c;
    if (const Command* past = beyond_limit(c.children, seen, limit)) return past;
  }
  return nullptr;
}

// The Item past the limit, or nullptr, over all commands and their children.
const Item* item_beyond_limit(const std::vector<Command>& commands, std::size_t& seen, std::size_t limit) {
  for (const Command& c : commands) {
    if (seen + c.items.size() > limit) return &c.items[limit - seen];
    seen += c.items.size();
    if (const Item* past = item_beyond_limit(c.children, seen, limit)) return past;
  }
  return nullptr;
}

Message checked(Message m, const xml::Document& document, const ReadOptions& options) {
  std::size_t seen = 0;
  if (const Command* past = beyond_limit(m.commands, seen, options.max_commands))
    throw Error(ErrorKind::input,
                "more than " + std::to_string(options.max_commands) + " commands in one message",
                document.location_of(past->node));
  seen = 0;
  if (const Item* past = item_beyond_limit(m.commands, seen, options.max_items))
    throw Error(ErrorKind::input, "more than " + std::to_string(options.max_items) + " items in one message",
                document.location_of(past->node));
  return m;
}

Message read_unchecked(const xml::Document& document, const ReadOptions& options);

}  // namespace

Message read(const xml::Document& document, const ReadOptions& options) {
  return checked(read_unchecked(document, options), document, options);
}

namespace {

Message read_unchecked(const xml::Document& document, const ReadOptions& options) {
  const Node* root = xml::dom::root(document);
  Message m;
  m.root = handle(root);
  std::string_view root_name = root ? xml::local_name(root) : std::string_view{};
  if (root_name == "SyncML") {
    m.namespace_uri = std::string(xml::namespace_of(root));
    for_each_element(root, [&](const Node* c) {
      std::string_view name = xml::local_name(c);
      if (name == "SyncHdr" && !m.has_header) {
        m.has_header = true;
        m.header = read_header(c);
      } else if (name == "SyncBody" && !m.has_body) {
        m.has_body = true;
        m.body = handle(c);
        read_body(c, m, options);
      } else {
        m.unknown.push_back(handle(c));
      }
    });
    return m;
  }
  // Fragments, as documentation samples show them: a bare SyncBody or a bare command.
  if (root_name == "SyncBody") {
    m.namespace_uri = std::string(xml::namespace_of(root));
    m.has_body = true;
    m.body = handle(root);
    read_body(root, m, options);
    return m;
  }
  if (root && kind_from_name(root_name) != Kind::unknown) {
    m.namespace_uri = std::string(xml::namespace_of(root));
    m.commands.push_back(read_command(root, 0, options));
    return m;
  }
  throw Error(ErrorKind::input,
              "not a SyncML message (root element <" + std::string(root_name) + ">, expected <SyncML>)",
              root ? xml::location_of(document, root) : Location{document.source_name()});
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Writer

namespace {

// The one XML escape of the library: &, <, > and quotes, into anything a string appends to.
template <class Out>
void append_escaped(Out& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
}

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text);
  return out;
}

namespace {

// Where the writer's text goes: counted first, then written into a string sized once. A large
// response (one Status per Item of a 300,000-Item Get) would otherwise pass through a string
// that doubles as it grows, holding up to three times its size while it is copied.
class Sink {
 public:
  void start_writing() {
    out_.reserve(counted_);
    counting_ = false;
  }
  Sink& operator+=(std::string_view v) {
    if (counting_) counted_ += v.size();
    else out_ += v;
    return *this;
  }
  Sink& operator+=(char c) {
    if (counting_) ++counted_;
    else out_ += c;
    return *this;
  }
  void spaces(std::size_t n) {
    if (counting_) counted_ += n;
    else out_.append(n, ' ');
  }
  // Text escaped for XML content or attribute values, as escape() does, without a copy.
  void escaped(std::string_view text) { append_escaped(*this, text); }
  std::string take() { return std::move(out_); }

 private:
  bool counting_ = true;
  std::size_t counted_ = 0;
  std::string out_;
};

class Writer {
 public:
  explicit Writer(const WriteOptions& o) : o_(o) {}

  void open(std::string_view name, std::string_view attrs = {}) {
    indent();
    out_ += '<';
    out_ += name;
    if (!attrs.empty()) {
      out_ += ' ';
      out_ += attrs;
    }
    out_ += '>';
    newline();
    ++depth_;
  }
  void close(std::string_view name) {
    --depth_;
    indent();
    out_ += "</";
    out_ += name;
    out_ += '>';
    newline();
  }
  void leaf(std::string_view name, std::string_view text, std::string_view attrs = {}) {
    indent();
    out_ += '<';
    out_ += name;
    if (!attrs.empty()) {
      out_ += ' ';
      out_ += attrs;
    }
    out_ += '>';
    out_.escaped(text);
    out_ += "</";
    out_ += name;
    out_ += '>';
    newline();
  }
  void empty(std::string_view name) {
    indent();
    out_ += '<';
    out_ += name;
    out_ += "/>";
    newline();
  }
  void opt(std::string_view name, const std::optional<std::string>& v) {
    if (v) leaf(name, *v);
  }
  void raw_leaf(std::string_view name, std::string_view markup) {
    indent();
    out_ += '<';
    out_ += name;
    out_ += '>';
    out_ += markup;
    out_ += "</";
    out_ += name;
    out_ += '>';
    newline();
  }
  Sink& str() { return out_; }

  void meta(const Meta& m) {
    if (m.empty()) return;
    open("Meta");
    constexpr std::string_view ns = "xmlns=\"syncml:metinf\"";
    auto f = [&](std::string_view name, const std::optional<std::string>& v) {
      if (v) leaf(name, *v, ns);
    };
    f("Format", m.format);
    f("Type", m.type);
    f("Mark", m.mark);
    f("Size", m.size);
    f("Version", m.version);
    f("NextNonce", m.next_nonce);
    f("MaxMsgSize", m.max_msg_size);
    f("MaxObjSize", m.max_obj_size);
    for (const auto& e : m.emi) leaf("EMI", e, ns);
    close("Meta");
  }
  void address(std::string_view name, const Address& a) {
    open(name);
    opt("LocURI", a.loc_uri);
    opt("LocName", a.loc_name);
    close(name);
  }
  void data(const Data& d) {
    if (d.is_xml) raw_leaf("Data", d.text);
    else if (d.text.empty()) empty("Data");
    else leaf("Data", d.text);
  }
  void cred(const Cred& c) {
    open("Cred");
    if (c.meta) meta(*c.meta);
    if (c.data) data(*c.data);
    close("Cred");
  }
  void item(const Item& it) {
    open("Item");
    if (it.target) address("Target", *it.target);
    if (it.source) address("Source", *it.source);
    if (it.meta) meta(*it.meta);
    if (it.data) data(*it.data);
    if (it.more_data) empty("MoreData");
    close("Item");
  }
  void command(const Command& c) {
    std::string name = c.kind == Kind::unknown ? c.name : std::string(kind_name(c.kind));
    if (name.empty()) return;
    open(name);
    opt("CmdID", c.cmd_id);
    if (c.kind == Kind::status || c.kind == Kind::results) {
      opt("MsgRef", c.msg_ref);
      opt("CmdRef", c.cmd_ref);
      if (c.kind == Kind::status) opt("Cmd", c.cmd);
      if (c.kind == Kind::results && c.meta) meta(*c.meta);
      for (const auto& r : c.target_refs) leaf("TargetRef", r);
      for (const auto& r : c.source_refs) leaf("SourceRef", r);
      if (c.cred) cred(*c.cred);
      if (c.chal) {
        open("Chal");
        meta(*c.chal);
        close("Chal");
      }
      if (c.kind == Kind::status) opt("Data", c.data);
    } else {
      if (c.no_resp) empty("NoResp");
      if (c.cred) cred(*c.cred);
      if (c.meta) meta(*c.meta);
      if (c.kind == Kind::alert) opt("Data", c.data);
      opt("Correlator", c.correlator);
    }
    for (const auto& it : c.items) item(it);
    for (const auto& child : c.children) command(child);
    close(name);
  }

 private:
  void indent() {
    if (o_.indent) out_.spaces(depth_ * 2);
  }
  void newline() {
    if (o_.indent) out_ += '\n';
  }
  const WriteOptions& o_;
  Sink out_;
  std::size_t depth_ = 0;
};

}  // namespace

namespace {

void write_message(Writer& w, const Message& m, const WriteOptions& options) {
  if (options.xml_declaration) {
    w.str() += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    if (options.indent) w.str() += '\n';
  }
  w.open("SyncML", "xmlns=\"" + escape(options.namespace_uri) + "\"");
  const Header& h = m.header;
  w.open("SyncHdr");
  w.opt("VerDTD", h.ver_dtd);
  w.opt("VerProto", h.ver_proto);
  w.opt("SessionID", h.session_id);
  w.opt("MsgID", h.msg_id);
  if (h.target) w.address("Target", *h.target);
  if (h.source) w.address("Source", *h.source);
  w.opt("RespURI", h.resp_uri);
  if (h.no_resp) w.empty("NoResp");
  if (h.cred) w.cred(*h.cred);
  if (h.meta) w.meta(*h.meta);
  w.close("SyncHdr");
  w.open("SyncBody");
  for (const auto& c : m.commands) w.command(c);
  if (m.final) w.empty("Final");
  w.close("SyncBody");
  w.close("SyncML");
}

}  // namespace

std::string write(const Message& m, const WriteOptions& options) {
  Writer w(options);
  write_message(w, m, options);  // counts
  w.str().start_writing();
  write_message(w, m, options);
  return w.str().take();
}

}  // namespace syncmldm::message
