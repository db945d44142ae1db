// The DM client session: package 1, then every server package executed on the tree and answered,
// across multi-message packages (1222), MaxMsgSize splitting and chunked large objects.
#include <chrono>
#include <deque>
#include <string>

#include "syncmldm/device/device.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/message/message.hpp"
#include "syncmldm/net/session.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/xml/xml.hpp"

namespace syncmldm::session {

namespace {

using message::Command;
using message::Kind;
using message::Message;

const message::WriteOptions kWire{false, false, "SYNCML:SYNCML1.2"};
// Largest object accepted in chunks.
constexpr std::size_t kMaxObject = std::size_t{64} << 20;

std::size_t parse_size(const std::optional<std::string>& text) {
  if (!text || text->empty() || text->size() > 12) return 0;
  std::size_t n = 0;
  for (char c : *text) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

Command make_alert(const std::string& code) {
  Command a;
  a.kind = Kind::alert;
  a.data = code;
  return a;
}

Command make_status(const std::string& msg_ref, const Command& about, const std::string& code, const std::string& target) {
  Command s;
  s.kind = Kind::status;
  s.msg_ref = msg_ref;
  s.cmd_ref = about.cmd_id.value_or("");
  s.cmd = std::string(message::kind_name(about.kind));
  if (!target.empty()) s.target_refs.push_back(target);
  s.data = code;
  return s;
}

std::string item_uri(const message::Item& item) {
  if (item.target && item.target->loc_uri) return *item.target->loc_uri;
  if (item.source && item.source->loc_uri) return *item.source->loc_uri;
  return {};
}

// An object the server is sending in chunks.
struct Incoming {
  Command first;           // the command of the first chunk (its Meta and target)
  std::string uri;
  std::string data;
  std::size_t declared = 0;
};

class Client {
 public:
  Client(Channel& channel, tree::Tree& tree, const ClientOptions& options,
         const std::function<void(const MessageEvent&)>& on_message)
      : channel_(channel), tree_(tree), opt_(options), on_message_(on_message), url_(options.url) {
    if (const tree::Node* id = tree_.find("./DevInfo/DevId"); id && !id->value.empty()) device_id_ = id->value;
  }

  SessionSummary run() {
    queue_package1();
    bool server_final = true;      // the last server message closed its package
    bool abort_after_send = false;
    int auth_retries = 0;
    while (true) {
      if (sum_.messages_sent >= static_cast<int>(opt_.max_messages))
        throw Error(ErrorKind::transport, "the server did not end the session after " +
                                              std::to_string(opt_.max_messages) + " messages");
      // ---- our message
      Message m = header();
      if (header_status_) m.commands.push_back(*header_status_);
      pack(m);
      bool more_of_ours = !out_.empty();
      if (abort_after_send) {
        m.commands.push_back(make_alert("1223"));
        m.final = true;
      } else if (!server_final) {
        m.commands.push_back(make_alert("1222"));  // ask for the rest of the server's package
        m.final = false;
      } else {
        m.final = !more_of_ours;
      }
      number(m);
      last_sent_ = m.commands;
      std::string xml = message::write(m, kWire);
      Exchange ex = channel_.send(url_, xml);
      note_sent(m, ex);
      if (ex.reply_xml.empty()) {
        if (more_of_ours) throw Error(ErrorKind::transport, "the server ended the session with an empty reply before our package was complete");
        break;  // an empty body ends the session
      }

      // ---- the server's message
      auto doc = xml::Document::parse(ex.reply_xml, "reply");
      Message reply = message::read(doc);
      if (!reply.has_header || !reply.has_body)
        throw Error(ErrorKind::input, "the server's reply has no SyncHdr or SyncBody", doc.location_of(doc.root()));
      HeaderStatus hs = summarize(reply).header_status;
      note_received(reply, ex, hs.code);
      if (is_challenge(hs.code)) {
        auth_retry(hs, auth_retries++);
        header_status_ = respond_header_only(reply);
        requeue_last();
        server_final = true;
        continue;
      }
      if (hs.code != 0 && hs.code != 200 && hs.code != 212) {
        // Not an authentication matter: the server refused the message itself.
        sum_.end = SessionEnd::refused;
        sum_.refused_code = hs.code;
        break;
      }
      auth_retries = 0;
      channel_.note_header_status(hs);
      if (reply.header.resp_uri && !reply.header.resp_uri->empty())
        url_ = follow_resp_uri(url_, *reply.header.resp_uri, opt_.respuri_hosts);
      note_limits(reply);
      if (abort_after_send) break;
      if (has_alert(reply, "1223")) {
        sum_.end = SessionEnd::server_abort;
        break;
      }
      bool has_commands = false;
      for (const auto& c : reply.commands)
        if (c.kind != Kind::status && c.kind != Kind::results) has_commands = true;
      // A Next Message response asks for the rest of our package: no 1222 from us then.
      server_final = reply.final || only_next_message(reply);
      if (!has_commands && server_final && out_.empty() && !incoming_) break;  // nothing left: the session ends
      execute(reply);
      if (has_commands && server_final && !only_next_message(reply)) {
        ++sum_.rounds;
        if (sum_.rounds >= opt_.max_rounds) {
          // Answer what we executed, then abort with 1223 (which carries Final).
          abort_after_send = true;
          sum_.end = SessionEnd::max_rounds;
        }
      }
    }
    return sum_;
  }

 private:
  Channel& channel_;
  tree::Tree& tree_;
  const ClientOptions& opt_;
  const std::function<void(const MessageEvent&)>& on_message_;
  std::string url_;
  std::string device_id_ = "IMEI:000000000000000";
  int msg_id_ = 0;
  std::deque<Command> out_;
  std::vector<Command> last_sent_;
  std::optional<Command> header_status_;
  std::optional<Incoming> incoming_;
  std::size_t max_msg_size_ = 0;
  std::size_t max_obj_size_ = 0;
  std::size_t empty_size_ = 0;
  SessionSummary sum_;

  Message header() {
    Message m;
    m.has_header = m.has_body = true;
    m.header.ver_dtd = "1.2";
    m.header.ver_proto = "DM/1.2";
    m.header.session_id = opt_.session_id;
    m.header.msg_id = std::to_string(++msg_id_);
    message::Address target, source;
    target.loc_uri = url_;
    source.loc_uri = device_id_;
    m.header.target = target;
    m.header.source = source;
    return m;
  }

  static Command generic_alert(const GenericAlert& g) {
    Command a = make_alert("1226");
    message::Item item;
    message::Meta meta;
    if (!g.type.empty()) meta.type = g.type;
    if (!g.format.empty()) meta.format = g.format;
    if (!g.mark.empty()) meta.mark = g.mark;
    item.meta = meta;
    item.data = message::Data{g.data};
    a.items.push_back(item);
    return a;
  }

  void queue_package1() {
    out_.push_back(make_alert(opt_.server_initiated ? "1200" : "1201"));
    if (opt_.login_status) {
      Command a = make_alert("1224");
      message::Item item;
      message::Meta meta;
      meta.type = "com.microsoft/MDM/LoginStatus";
      if (opt_.login_status_format) meta.format = "chr";
      item.meta = meta;
      item.data = message::Data{std::string(login_status_name(*opt_.login_status))};
      a.items.push_back(item);
      out_.push_back(a);
    }
    for (const auto& g : opt_.generic_alerts) out_.push_back(generic_alert(g));
    Command replace;
    replace.kind = Kind::replace;
    std::vector<std::string> uris;
    for (const char* leaf : {"DevId", "Man", "Mod", "DmV", "Lang"}) uris.push_back(std::string("./DevInfo/") + leaf);
    uris.insert(uris.end(), opt_.package1_nodes.begin(), opt_.package1_nodes.end());
    for (const auto& uri : uris) {
      const tree::Node* n = tree_.find(uri);
      if (!n) continue;
      message::Item item;
      message::Address src;
      src.loc_uri = uri;
      item.source = src;
      item.data = message::Data{n->value};
      replace.items.push_back(item);
    }
    if (!replace.items.empty()) out_.push_back(replace);
  }

  static void number(Message& m) {
    int id = 0;
    for (auto& c : m.commands) c.cmd_id = std::to_string(++id);
  }

  std::size_t size_of(const Command& c) {
    Message m;
    m.commands.push_back(c);
    if (!empty_size_) empty_size_ = message::write(Message{}, kWire).size();
    return message::write(m, kWire).size() - empty_size_ + 8;  // + room for a longer CmdID
  }

  // Moves commands from the queue into `m` while they fit in the server's MaxMsgSize.
  void pack(Message& m) {
    if (!max_msg_size_) {
      while (!out_.empty()) m.commands.push_back(std::move(out_.front())), out_.pop_front();
      return;
    }
    // Header, header Status, Alert 1222/1223, Final and credentials (about 300 bytes for MD5).
    std::size_t used = message::write(m, kWire).size() + 400;
    std::size_t base = m.commands.size();
    while (!out_.empty()) {
      std::size_t s = size_of(out_.front());
      if (used + s > max_msg_size_ && m.commands.size() > base) break;
      used += s;
      m.commands.push_back(std::move(out_.front()));
      out_.pop_front();
    }
  }

  void requeue_last() {
    // After a challenge the same commands go again (for package 1: Alert and DevInfo Replace).
    for (auto it = last_sent_.rbegin(); it != last_sent_.rend(); ++it) {
      if (it->kind == Kind::status && it->cmd_ref == std::optional<std::string>("0")) continue;
      if (it->kind == Kind::alert && (it->data == std::optional<std::string>("1222"))) continue;
      out_.push_front(*it);
    }
  }

  void auth_retry(const HeaderStatus& hs, int retries) {
    RetryDecision d = decide_auth_retry(hs, channel_.credentials(), retries);
    if (!d.retry) throw Error(ErrorKind::auth, d.reason);
    channel_.note_header_status(hs);
    channel_.credentials().authenticated = false;
  }

  static bool has_alert(const Message& m, const char* code) {
    for (const auto& c : m.commands)
      if (c.kind == Kind::alert && c.data == std::optional<std::string>(code)) return true;
    return false;
  }

  // A Next Message response: the server only asks for the rest of our package.
  static bool only_next_message(const Message& m) {
    for (const auto& c : m.commands)
      if (c.kind != Kind::status && c.kind != Kind::results && !(c.kind == Kind::alert && c.data == std::optional<std::string>("1222")))
        return false;
    return true;
  }

  void note_limits(const Message& reply) {
    if (!reply.header.meta) return;
    if (auto n = parse_size(reply.header.meta->max_msg_size)) max_msg_size_ = std::max<std::size_t>(n, 1024);
    if (auto n = parse_size(reply.header.meta->max_obj_size)) max_obj_size_ = n;
  }

  std::optional<Command> respond_header_only(const Message& reply) {
    Message only = reply;
    only.commands.clear();
    device::Options o;
    o.device_id = device_id_;
    auto resp = device::apply(tree_, only, o);
    if (resp.message.commands.empty()) return std::nullopt;
    return resp.message.commands.front();
  }

  // Runs the server's commands on the tree; our answers go to the queue.
  void execute(const Message& reply) {
    Message request = reply;
    std::vector<Command> own;  // statuses we make ourselves (chunks)
    std::string msg_ref = reply.header.msg_id.value_or("");
    request.commands.clear();
    for (const auto& c : reply.commands) {
      if (c.kind == Kind::status) continue;
      if (c.kind == Kind::results) continue;
      sum_.commands_received[std::string(message::kind_name(c.kind).empty() ? c.name : message::kind_name(c.kind))]++;
      bool chunkable = (c.kind == Kind::add || c.kind == Kind::replace) && c.items.size() == 1;
      if (incoming_) {
        if (chunkable && item_uri(c.items[0]) == incoming_->uri) {
          const auto& item = c.items[0];
          incoming_->data += item.data ? item.data->text : std::string();
          ++sum_.chunks_received;
          if (incoming_->data.size() > kMaxObject) {
            // A server that never stops sending chunks: give up on the object, keep memory bounded.
            own.push_back(make_status(msg_ref, c, "413", incoming_->uri));
            incoming_.reset();
            continue;
          }
          if (item.more_data) {
            own.push_back(make_status(msg_ref, c, "213", incoming_->uri));
            continue;
          }
          Command whole = incoming_->first;
          whole.cmd_id = c.cmd_id;
          whole.items[0].more_data = false;
          whole.items[0].data = message::Data{incoming_->data};
          if (whole.items[0].meta) whole.items[0].meta->size.reset();
          if (whole.meta) whole.meta->size.reset();
          bool size_ok = !incoming_->declared || incoming_->declared == incoming_->data.size();
          incoming_.reset();
          if (!size_ok) {
            own.push_back(make_status(msg_ref, c, "424", item_uri(c.items[0])));
            continue;
          }
          request.commands.push_back(std::move(whole));
          continue;
        }
        // Something else came before the last chunk: the object is dropped.
        Command alert = make_alert("1225");
        message::Item item;
        message::Address target;
        target.loc_uri = incoming_->uri;
        item.target = target;
        alert.items.push_back(item);
        own.push_back(alert);
        incoming_.reset();
      }
      if (chunkable && c.items[0].more_data) {
        Incoming in;
        in.first = c;
        in.uri = item_uri(c.items[0]);
        in.data = c.items[0].data ? c.items[0].data->text : std::string();
        in.declared = parse_size(c.items[0].meta ? c.items[0].meta->size : std::nullopt);
        if (!in.declared && c.meta) in.declared = parse_size(c.meta->size);
        incoming_ = std::move(in);
        ++sum_.chunks_received;
        own.push_back(make_status(msg_ref, c, "213", incoming_->uri));
        continue;
      }
      request.commands.push_back(c);
    }
    device::Options o;
    o.device_id = device_id_;
    o.server_id = opt_.server_id;
    o.now = opt_.now;
    o.final = false;
    auto resp = device::apply(tree_, request, o);
    for (const auto& e : resp.execs) sum_.execs.push_back(e.uri);
    auto& cmds = resp.message.commands;
    header_status_.reset();
    std::size_t i = 0;
    if (!cmds.empty() && cmds[0].kind == Kind::status && cmds[0].cmd_ref == std::optional<std::string>("0")) {
      header_status_ = cmds[0];
      i = 1;
    }
    for (; i < cmds.size(); ++i) queue_answer(cmds, i);
    for (auto& c : own) out_.push_back(std::move(c));
  }

  // Queues one answer, chunking Results items that cannot travel in one message.
  void queue_answer(std::vector<Command>& cmds, std::size_t i) {
    Command& c = cmds[i];
    if (c.kind != Kind::results) {
      out_.push_back(std::move(c));
      return;
    }
    if (max_obj_size_) {
      // An object larger than the server accepts is not sent; its Get says 413.
      bool too_big = false;
      for (const auto& it : c.items) too_big = too_big || (it.data && it.data->text.size() > max_obj_size_);
      if (too_big) {
        for (auto it = out_.rbegin(); it != out_.rend(); ++it)
          if (it->kind == Kind::status && it->cmd_ref == c.cmd_ref && it->cmd == std::optional<std::string>("Get")) {
            it->data = "413";
            sum_.failed = true;
            break;
          }
        return;
      }
    }
    std::size_t limit = max_msg_size_ ? (max_msg_size_ > 1400 ? max_msg_size_ - 1000 : 400) : 0;
    bool any_big = false;
    for (const auto& it : c.items) any_big = any_big || (limit && it.data && it.data->text.size() > limit);
    if (!any_big) {
      out_.push_back(std::move(c));
      return;
    }
    for (const auto& it : c.items) {
      Command one = c;
      one.items.clear();
      if (!it.data || it.data->text.size() <= limit) {
        one.items.push_back(it);
        out_.push_back(std::move(one));
        continue;
      }
      bool b64 = (it.meta && it.meta->format == std::optional<std::string>("b64")) ||
                 (c.meta && c.meta->format == std::optional<std::string>("b64"));
      // Escaping can grow the text; leave room for it.
      auto pieces = split_chunks(it.data->text, limit * 3 / 4, b64);
      for (std::size_t p = 0; p < pieces.size(); ++p) {
        Command part = c;
        part.items.clear();
        message::Item chunk = it;
        chunk.data = message::Data{pieces[p]};
        chunk.more_data = p + 1 < pieces.size();
        if (p == 0) {
          if (!chunk.meta) chunk.meta = message::Meta{};
          chunk.meta->size = std::to_string(it.data->text.size());
        } else if (chunk.meta) {
          chunk.meta->size.reset();
        }
        part.items.push_back(std::move(chunk));
        out_.push_back(std::move(part));
        ++sum_.chunks_sent;
      }
    }
  }

  void note_sent(const Message& m, const Exchange& ex) {
    ++sum_.messages_sent;
    sum_.bytes_sent += ex.request_body.size();
    sum_.bytes_received += ex.response.body.size();
    sum_.ms += ex.response.elapsed.count() / 1000;
    // The event is only built for a listener (-v): a load test plays many sessions without one.
    bool listening = static_cast<bool>(on_message_);
    MessageEvent ev;
    ev.outgoing = true;
    if (listening) ev.msg_id = m.header.msg_id.value_or("");
    for (const auto& c : m.commands) {
      if (listening) ev.commands[std::string(message::kind_name(c.kind))]++;
      if (c.kind == Kind::status) {
        if (listening) ev.statuses[c.data.value_or("")]++;
        if (c.cmd_ref != std::optional<std::string>("0")) {
          sum_.statuses_sent[c.data.value_or("")]++;
          if (parse_size(c.data) >= 400) sum_.failed = true;
        }
      }
    }
    ev.final = m.final;
    ev.bytes = ex.request_body.size();
    if (listening) on_message_(ev);
  }

  void note_received(const Message& reply, const Exchange& ex, int header_code) {
    ++sum_.messages_received;
    bool listening = static_cast<bool>(on_message_);
    MessageEvent ev;
    if (listening) ev.msg_id = reply.header.msg_id.value_or("");
    for (const auto& c : reply.commands) {
      if (listening) ev.commands[c.kind == Kind::unknown ? c.name : std::string(message::kind_name(c.kind))]++;
      if (c.kind == Kind::status) {
        if (listening) ev.statuses[c.data.value_or("")]++;
        if (c.cmd_ref != std::optional<std::string>("0")) sum_.statuses_received[c.data.value_or("")]++;
      }
    }
    ev.header_status = header_code;
    ev.final = reply.final;
    ev.bytes = ex.response.body.size();
    ev.ms = ex.response.elapsed.count() / 1000;
    if (listening) on_message_(ev);
  }
};

}  // namespace

std::vector<std::string> split_chunks(std::string_view text, std::size_t size, bool b64) {
  if (b64) size -= size % 4;
  if (size == 0) size = b64 ? 4 : 1;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); i += size) out.emplace_back(text.substr(i, size));
  if (out.empty()) out.emplace_back();
  return out;
}

SessionSummary run_client(Channel& channel, tree::Tree& tree, const ClientOptions& options,
                          const std::function<void(const MessageEvent&)>& on_message) {
  Client client(channel, tree, options, on_message);
  return client.run();
}

}  // namespace syncmldm::session
