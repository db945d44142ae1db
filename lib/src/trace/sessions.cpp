// Rebuilding sessions: decode each message, find its session, add the server's commands as rows
// and pair the device's Status and Results with them; the device's own commands likewise, with
// the server's Status.
#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "syncmldm/message/message.hpp"
#include "syncmldm/trace/session.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/util/text.hpp"
#include "trace/command_index.hpp"
#include "trace/decode_ahead.hpp"

namespace syncmldm::trace {

namespace {

using message::Kind;

struct OpenSession {
  Session s;
  detail::CommandIndex by_command;  // the server's commands -> their rows; Alert 1222 marked (no row, status ignored)
  std::map<std::string, std::size_t> open_chunks;  // Cmd + target -> the row a large object grows in
  std::map<std::string, std::pair<std::size_t, std::size_t>> open_results;  // source -> (row, result) still growing
  std::string last_server_msg;
  // The commands the device sent unasked, and what the server's Status for them finds.
  detail::CommandIndex by_device_command;  // its Status, Results, Alert 1222 marked: no row
  std::map<std::string, std::size_t> device_chunks;  // Cmd + target -> the row a device's large object grows in
  std::string last_device_msg;

  // Empty again, its indexes' storage kept for the next session.
  void reset() {
    s = Session();
    by_command.clear();
    open_chunks.clear();
    open_results.clear();
    last_server_msg.clear();
    by_device_command.clear();
    device_chunks.clear();
    last_device_msg.clear();
  }
};

// msft:originalerror on the Status's Data: "0x86000002", or Intune's negative decimal.
std::optional<std::uint32_t> original_error(const message::Command& status, const detail::Body& body) {
  const std::string* found = body.original_error(status);
  if (!found) return std::nullopt;
  const std::string& value = *found;
  try {
    std::size_t used = 0;
    long long v = (istarts_with(value, "0x")) ? std::stoll(value.substr(2), &used, 16) : std::stoll(value, &used, 10);
    if (used + (istarts_with(value, "0x") ? 2 : 0) != value.size()) return std::nullopt;
    if (v < -2147483648LL || v > 0xFFFFFFFFLL) return std::nullopt;
    return static_cast<std::uint32_t>(v);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<int> status_code(const message::Command& status) {
  if (!status.data) return std::nullopt;
  std::string_view d = *status.data;
  while (!d.empty() && (d.front() == ' ' || d.front() == '\n' || d.front() == '\r' || d.front() == '\t')) d.remove_prefix(1);
  while (!d.empty() && (d.back() == ' ' || d.back() == '\n' || d.back() == '\r' || d.back() == '\t')) d.remove_suffix(1);
  if (d.empty() || d.size() > 4) return std::nullopt;
  int v = 0;
  for (char c : d) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// A new row for command `cmd_id` of message `msg_id` (the session's last message), noted in `index`.
Row& append_row(Session& s, detail::CommandIndex& index, std::string_view msg_id, std::string_view cmd_id,
                const std::string& cmd, std::string target, const Record& rec) {
  Row& r = s.rows.emplace_back();
  r.msg_id = msg_id;
  r.cmd_id = cmd_id;
  r.cmd = cmd;
  r.target = std::move(target);
  r.ms = rec.ms;
  r.message = s.messages.empty() ? 0 : s.messages.size() - 1;
  index.add(msg_id, cmd_id, s.rows.size() - 1);
  return r;
}

// "./Vendor/X" and "Vendor/X" name the same node.
bool same_uri(std::string_view a, std::string_view b) {
  if (a.starts_with("./")) a.remove_prefix(2);
  if (b.starts_with("./")) b.remove_prefix(2);
  return a == b;
}

std::string format_of(const message::Item& item, const message::Command& cmd) {
  if (item.meta && item.meta->format) return *item.meta->format;
  if (cmd.meta && cmd.meta->format) return *cmd.meta->format;
  return {};
}

bool is_management(Kind k) {
  return k == Kind::get || k == Kind::replace || k == Kind::add || k == Kind::delete_ || k == Kind::exec ||
         k == Kind::copy || k == Kind::atomic || k == Kind::sequence;
}

}  // namespace

bool failed(const Row& row) {
  if (row.hresult) return true;
  return row.status && (*row.status < 100 || *row.status >= 300);
}

struct SessionBuilder::Impl {
  BuildOptions o;
  SessionSink on_session;
  NoteSink notes;
  MessageSink on_message;
  const detail::Body* body = nullptr;  // the message at hand (attach)
  std::vector<std::unique_ptr<OpenSession>> open;  // in order of first appearance
  std::unordered_map<std::string, OpenSession*> by_key;  // SessionID '\0' device -> open session
  std::size_t next_number = 1, taken = 0, skipped = 0;
  // Decodes the records (on a thread of its own when asked); last, so that its thread is the
  // first thing to go.
  std::optional<detail::DecodeAhead> ahead;

  void note(const std::string& place, std::string text) {
    if (notes) notes({place, std::move(text)});
  }

  void set_data(Row& row, std::string_view data, bool append) {
    if (!append) {
      row.data.clear();
      row.data_cut = false;
    }
    std::size_t room = o.max_data > row.data.size() ? o.max_data - row.data.size() : 0;
    if (data.size() > room) row.data_cut = true;
    row.data.append(data.substr(0, room));
  }

  // SessionID '\0' device, built in one buffer kept for the next message.
  mutable std::string session_key;
  // Sessions that ended, emptied, for the next ones: their indexes need no allocation again.
  std::vector<std::unique_ptr<OpenSession>> spare;
  // Rows and messages of the session that ended last: a capture's sessions tend to be alike,
  // so a new one starts with room for as many.
  std::size_t rows_hint = 0, messages_hint = 0;
  const std::string& key_of(std::string_view id, std::string_view device) const {
    session_key.assign(id);
    session_key += '\0';
    session_key += device;
    return session_key;
  }

  OpenSession& session_for(const std::string& id, const std::string& device) {
    if (auto it = by_key.find(key_of(id, device)); it != by_key.end()) return *it->second;
    // Sessions that never end (a capture of one side, say) are handed over oldest first once
    // this many are open: memory stays bounded whatever the capture holds.
    if (open.size() >= o.max_open_sessions) emit(*open.front());
    std::unique_ptr<OpenSession> fresh;
    if (!spare.empty()) {
      fresh = std::move(spare.back());
      spare.pop_back();
    } else {
      fresh = std::make_unique<OpenSession>();
    }
    auto& s = open.emplace_back(std::move(fresh));
    // Only while few are open: thousands of sessions that never end get no more than they use.
    if (open.size() <= 64) {
      s->s.rows.reserve(rows_hint);
      s->s.messages.reserve(messages_hint);
    }
    s->s.number = next_number++;
    s->s.session_id = id;
    s->s.device = device;
    by_key.emplace(key_of(id, device), s.get());
    return *s;
  }

  bool known_device(const std::string& id, const std::string& device) const {
    return by_key.count(key_of(id, device)) > 0;
  }

  Side guess_side(const message::Message& m) const {
    const std::string source = m.header.source ? m.header.source->uri() : "";
    const std::string target = m.header.target ? m.header.target->uri() : "";
    const std::string id = m.header.session_id.value_or("");
    if (istarts_with(source, "http://") || istarts_with(source, "https://")) return Side::server;
    if (istarts_with(target, "http://") || istarts_with(target, "https://")) return Side::client;
    if (known_device(id, source)) return Side::client;
    if (known_device(id, target)) return Side::server;
    for (const auto& c : m.commands) {
      if (is_management(c.kind)) return Side::server;
    }
    return Side::client;
  }

  void emit(OpenSession& os) {
    by_key.erase(key_of(os.s.session_id, os.s.device));
    rows_hint = std::min<std::size_t>(os.s.rows.size(), 256);
    messages_hint = std::min<std::size_t>(os.s.messages.size(), 64);
    Session done = std::move(os.s);
    for (auto it = open.begin(); it != open.end(); ++it) {
      if (it->get() == &os) {
        if (spare.size() < 4) {
          (*it)->reset();
          spare.push_back(std::move(*it));
        }
        open.erase(it);
        break;
      }
    }
    on_session(std::move(done));
  }

  // The rows a reply pairs with, kept from one reply to the next.
  std::vector<std::size_t> found, chosen;
  // An Alert's Data: its code, then the Item's Data.
  std::string alert_data;

  void set_alert_data(Row& r, const message::Command& cmd, std::string_view data) {
    alert_data.assign(cmd.data ? std::string_view(*cmd.data) : std::string_view{});
    if (!data.empty()) {
      alert_data += ' ';
      alert_data += data;
    }
    set_data(r, alert_data, false);
  }

  // Rows for a server command (and the commands inside Atomic and Sequence); how many.
  std::size_t server_command(OpenSession& os, const message::Command& cmd, const std::string& msg_id,
                             const Record& rec) {
    if (cmd.kind == Kind::status || cmd.kind == Kind::results) return 0;
    std::string_view cmd_id = cmd.cmd_id ? std::string_view(*cmd.cmd_id) : std::string_view{};
    if (cmd.kind == Kind::alert && cmd.data && *cmd.data == "1222") {  // "next message, please"
      os.by_command.mark(msg_id, cmd_id);
      return 0;
    }
    auto& rows = os.s.rows;
    auto new_row = [&](std::string target) -> Row& {
      return append_row(os.s, os.by_command, msg_id, cmd_id, cmd.name, std::move(target), rec);
    };
    std::size_t added = 0;
    if (cmd.items.empty()) {
      Row& r = new_row("");
      if (cmd.data) set_data(r, *cmd.data, false);
      ++added;
    }
    for (const auto& item : cmd.items) {
      std::string target = item.target ? item.target->uri() : "";
      std::string_view data = item.data ? std::string_view(item.data->text) : std::string_view{};
      std::string chunk_key;
      if (item.more_data || !os.open_chunks.empty()) chunk_key = cmd.name + '\n' + target;
      if (auto it = os.open_chunks.empty() ? os.open_chunks.end() : os.open_chunks.find(chunk_key);
          it != os.open_chunks.end()) {
        // The next piece of a large object: the same row grows.
        std::size_t index = it->second;
        set_data(rows[index], data, true);
        os.by_command.add(msg_id, cmd_id, index);
        if (!item.more_data) os.open_chunks.erase(it);
        continue;
      }
      Row& r = new_row(std::move(target));
      r.format = format_of(item, cmd);
      if (cmd.kind == Kind::alert) set_alert_data(r, cmd, data);
      else set_data(r, data, false);
      if (item.more_data) os.open_chunks[chunk_key] = rows.size() - 1;
      ++added;
    }
    for (const auto& child : cmd.children) added += server_command(os, child, msg_id, rec);
    return added;
  }

  Row& unpaired(OpenSession& os, const message::Command& reply) {
    Row& r = os.s.rows.emplace_back();
    r.msg_id = reply.msg_ref.value_or(os.last_server_msg);
    r.cmd_id = reply.cmd_ref.value_or("");
    r.cmd = reply.kind == Kind::status ? reply.cmd.value_or("Status") : "Results";
    if (!reply.target_refs.empty()) r.target = reply.target_refs.front();
    r.unpaired = true;
    r.message = os.s.messages.empty() ? 0 : os.s.messages.size() - 1;
    return r;
  }

  void client_reply(OpenSession& os, const message::Command& reply, const Record&) {
    if (reply.kind != Kind::status && reply.kind != Kind::results) return;
    // The rows of the server's command the reply refers to; none for Alert 1222's.
    std::string_view cmd_ref = reply.cmd_ref ? std::string_view(*reply.cmd_ref) : std::string_view{};
    if (os.by_command.find(reply.msg_ref ? *reply.msg_ref : os.last_server_msg, cmd_ref, found)) return;
    if (reply.kind == Kind::status) {
      if (cmd_ref == "0") return;  // the SyncHdr's status
      chosen.clear();
      for (std::size_t i : found) {
        for (const auto& ref : reply.target_refs) {
          if (same_uri(os.s.rows[i].target, ref)) {
            chosen.push_back(i);
            break;
          }
        }
      }
      const std::vector<std::size_t>& paired = chosen.empty() ? found : chosen;
      auto code = status_code(reply);
      auto hresult = original_error(reply, *body);
      if (paired.empty()) {
        Row& r = unpaired(os, reply);
        r.status = code;
        r.hresult = hresult;
        return;
      }
      for (std::size_t i : paired) {
        os.s.rows[i].status = code;
        os.s.rows[i].hresult = hresult;
      }
    } else if (reply.kind == Kind::results) {
      if (found.empty()) {
        unpaired(os, reply);
        found.push_back(os.s.rows.size() - 1);
      }
      for (const auto& item : reply.items) {
        static const std::string kNoSource;
        const std::string& source = item.source ? item.source->uri() : kNoSource;
        if (auto open = os.open_results.find(source); open != os.open_results.end()) {
          // The next piece of a large object the device sends.
          auto [row, index] = open->second;
          std::string& data = os.s.rows[row].results[index].data;
          if (item.data && data.size() < o.max_data) data.append(item.data->text.substr(0, o.max_data - data.size()));
          if (!item.more_data) os.open_results.erase(open);
          continue;
        }
        ResultItem result;
        result.source = source;
        result.format = format_of(item, reply);
        if (item.data) {
          result.data = item.data->text.substr(0, o.max_data);
        }
        std::size_t into = found.front();
        for (std::size_t i : found) {
          if (same_uri(os.s.rows[i].target, result.source)) {
            into = i;
            break;
          }
        }
        os.s.rows[into].results.push_back(std::move(result));
        if (item.more_data) os.open_results[source] = {into, os.s.rows[into].results.size() - 1};
      }
    }
  }

  // Rows for a command the device sends unasked (Alert 1201/1224/1226, Replace of DevInfo in
  // package 1...), and for the commands inside Atomic and Sequence. Status and Results answer
  // the server (client_reply); Alert 1222 asks for the server's next message: no rows.
  void device_command(OpenSession& os, const message::Command& cmd, const std::string& msg_id, const Record& rec) {
    std::string_view cmd_id = cmd.cmd_id ? std::string_view(*cmd.cmd_id) : std::string_view{};
    if (cmd.kind == Kind::status || cmd.kind == Kind::results || (cmd.kind == Kind::alert && cmd.data && *cmd.data == "1222")) {
      os.by_device_command.mark(msg_id, cmd_id);
      return;
    }
    auto& rows = os.s.rows;
    auto new_row = [&](std::string target) -> Row& {
      Row& r = append_row(os.s, os.by_device_command, msg_id, cmd_id, cmd.name, std::move(target), rec);
      r.from = Side::client;
      return r;
    };
    if (cmd.items.empty()) {
      Row& r = new_row("");
      if (cmd.data) set_data(r, *cmd.data, false);
    }
    for (const auto& item : cmd.items) {
      // The device names its own nodes in Source (DevInfo in package 1, a generic alert's node).
      std::string target = item.target ? item.target->uri() : item.source ? item.source->uri() : "";
      std::string_view data = item.data ? std::string_view(item.data->text) : std::string_view{};
      std::string chunk_key;
      if (item.more_data || !os.device_chunks.empty()) chunk_key = cmd.name + '\n' + target;
      if (auto it = os.device_chunks.empty() ? os.device_chunks.end() : os.device_chunks.find(chunk_key);
          it != os.device_chunks.end()) {
        set_data(rows[it->second], data, true);  // the next piece of a large object
        os.by_device_command.add(msg_id, cmd_id, it->second);
        if (!item.more_data) os.device_chunks.erase(it);
        continue;
      }
      Row& r = new_row(std::move(target));
      r.format = format_of(item, cmd);
      if (cmd.kind == Kind::alert) {
        if (item.meta && item.meta->type) r.type = *item.meta->type;
        else if (cmd.meta && cmd.meta->type) r.type = *cmd.meta->type;
        set_alert_data(r, cmd, data);
      } else {
        set_data(r, data, false);
      }
      if (item.more_data) os.device_chunks[chunk_key] = rows.size() - 1;
    }
    for (const auto& child : cmd.children) device_command(os, child, msg_id, rec);
  }

  // The server's Status for a command the device sent; a Status whose command is not in the
  // capture is a row of its own, unpaired. The SyncHdr's (CmdRef 0) is the message's header_status.
  void server_status(OpenSession& os, const message::Command& status, const Record& rec) {
    if (status.kind != Kind::status) return;
    std::string_view msg_ref = status.msg_ref ? std::string_view(*status.msg_ref) : os.last_device_msg;
    std::string_view cmd_ref = status.cmd_ref ? std::string_view(*status.cmd_ref) : std::string_view{};
    if (cmd_ref == "0" || os.by_device_command.find(msg_ref, cmd_ref, found)) return;
    // Results and Status want no Status; a server that sends one anyway says nothing to show.
    if (status.cmd && (*status.cmd == "Results" || *status.cmd == "Status" || *status.cmd == "SyncHdr")) return;
    auto code = status_code(status);
    auto hresult = original_error(status, *body);
    if (found.empty()) {
      Row& r = unpaired(os, status);
      r.from = Side::client;
      r.msg_id = msg_ref;
      if (r.target.empty() && !status.source_refs.empty()) r.target = status.source_refs.front();
      r.status = code;
      r.hresult = hresult;
      return;
    }
    chosen.clear();
    for (std::size_t i : found) {
      for (const auto* refs : {&status.source_refs, &status.target_refs}) {
        for (const auto& ref : *refs) {
          if (same_uri(os.s.rows[i].target, ref) && (chosen.empty() || chosen.back() != i)) chosen.push_back(i);
        }
      }
    }
    for (std::size_t i : chosen.empty() ? found : chosen) {
      os.s.rows[i].status = code;
      os.s.rows[i].hresult = hresult;
      // The request carrying the command has no time of its own: the exchange's is the reply's.
      if (!os.s.rows[i].ms) os.s.rows[i].ms = rec.ms;
    }
  }

  void attach_findings(OpenSession& os, MessageInfo& info, std::size_t first_row, std::vector<validate::Diagnostic> found) {
    for (auto& d : found) {
      Row* row = nullptr;
      if (d.cmdid) {
        for (std::size_t i = first_row; i < os.s.rows.size(); ++i) {
          const Row& r = os.s.rows[i];
          if (r.cmd_id == *d.cmdid && r.msg_id == info.msg_id && r.from == info.side && !r.unpaired) {
            row = &os.s.rows[i];
            break;
          }
        }
      }
      if (row) row->findings.push_back(std::move(d));
      else info.findings.push_back(std::move(d));
    }
  }

  // A decoded record into its session.
  void attach(detail::Decoded& d) {
    Record& rec = d.record;
    const std::string& place = rec.place;
    if (d.not_a_message) {
      ++skipped;
      note(place, std::move(*d.not_a_message));
      return;
    }
    const std::size_t captured = d.captured;
    const input::Payload& payload = d.payload;
    const std::string& xml_text = d.xml_text;
    body = &d.body;
    ++taken;
    const message::Message& m = body->message;
    Side side = rec.side != Side::unknown ? rec.side : guess_side(m);
    const std::string source = m.header.source ? m.header.source->uri() : "";
    const std::string target = m.header.target ? m.header.target->uri() : "";
    OpenSession& os = session_for(m.header.session_id.value_or(""), side == Side::client ? source : target);
    if (os.s.server.empty()) os.s.server = side == Side::client ? target : source;
    if (os.s.server.empty()) os.s.server = rec.url;
    MessageInfo& info = os.s.messages.emplace_back();
    info.msg_id = m.header.msg_id.value_or("");
    info.side = side;
    info.place = place;
    info.bytes = captured;
    info.wbxml = payload.payload == input::Format::wbxml;
    info.commands = m.commands.size();
    info.ms = rec.ms;
    for (const auto& c : m.commands) {
      if (c.kind == Kind::status && c.cmd_ref.value_or("") == "0") info.header_status = status_code(c);
    }
    std::size_t first_row = os.s.rows.size();
    std::size_t added = 0;
    if (side == Side::server) {
      for (const auto& c : m.commands) {
        added += server_command(os, c, info.msg_id, rec);
        server_status(os, c, rec);
      }
      os.last_server_msg = info.msg_id;
    } else {
      for (const auto& c : m.commands) {
        client_reply(os, c, rec);
        device_command(os, c, info.msg_id, rec);
      }
      os.last_device_msg = info.msg_id;
    }
    if (o.validate) {
      validate::Options vo = o.validate_options;
      vo.direction = side == Side::client ? validate::Direction::client : validate::Direction::server;
      auto report = validate::validate_xml(xml_text, place, vo);
      // Positions point into the decoded XML: for WBXML input only the command is meaningful.
      attach_findings(os, os.s.messages.back(), first_row, std::move(report.diagnostics));
    }
    if (on_message) on_message({&os.s, &os.s.messages.back(), xml_text});
    // The server's package without commands ends the session.
    // A challenge (401/407 on the device's SyncHdr) is not an end: package 1 comes again.
    bool has_status_only = true;
    for (const auto& c : m.commands) {
      if (c.kind != Kind::status && c.kind != Kind::results) has_status_only = false;
      if (c.kind == Kind::status && c.cmd_ref.value_or("") == "0") {
        auto code = status_code(c);
        if (code && (*code == 401 || *code == 407)) has_status_only = false;
      }
    }
    if (side == Side::server && m.final && added == 0 && has_status_only) emit(os);
  }
};

SessionBuilder::SessionBuilder(BuildOptions options, SessionSink on_session, NoteSink notes, MessageSink on_message)
    : impl_(std::make_unique<Impl>()) {
  impl_->o = std::move(options);
  impl_->on_session = std::move(on_session);
  impl_->notes = std::move(notes);
  impl_->on_message = std::move(on_message);
  Impl& impl = *impl_;
  impl.ahead.emplace(impl.o.validate || impl.on_message, impl.o.decode_ahead,
                     [&impl](detail::Decoded& d) { impl.attach(d); },
                     [&impl](const Note& n) {
                       if (impl.notes) impl.notes(n);
                     });
}

SessionBuilder::~SessionBuilder() = default;

void SessionBuilder::add(Record&& record) { impl_->ahead->add(std::move(record)); }

void SessionBuilder::note(const Note& note) { impl_->ahead->note(note); }

void SessionBuilder::finish() {
  impl_->ahead->flush();
  while (!impl_->open.empty()) impl_->emit(*impl_->open.front());
}

std::size_t SessionBuilder::messages() const { return impl_->taken; }
std::size_t SessionBuilder::skipped() const { return impl_->skipped; }

}  // namespace syncmldm::trace
