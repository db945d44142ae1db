// dm-trace's formats: text lines cut to the width, JSON and JSON Lines.
#include <fnmatch.h>

#include <cstring>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "syncmldm/trace/render.hpp"

namespace syncmldm::trace {

namespace {

using ordered = nlohmann::ordered_json;

// White space runs as one space: a command is one line.
std::string one_line(std::string_view s) {
  bool plain = s.empty() || (s.front() != ' ' && s.back() != ' ');
  for (std::size_t i = 0; plain && i < s.size(); ++i) {
    char c = s[i];
    plain = c != '\n' && c != '\r' && c != '\t' && !(c == ' ' && i + 1 < s.size() && s[i + 1] == ' ');
  }
  if (plain) return std::string(s);
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::size_t columns(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The first `width` columns of s, with "…" when cut.
std::string cut(std::string_view s, std::size_t width) {
  if (columns(s) <= width) return std::string(s);
  if (width == 0) return {};
  std::size_t n = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == width - 1) break;
      ++n;
    }
  }
  return std::string(s.substr(0, i)) + "\u2026";
}

std::string status_text(const Row& r) {
  // Most rows of a capture say the same (200 OK): made once, copied after.
  thread_local struct {
    bool made = false, unpaired = false;
    std::optional<int> status;
    std::optional<std::uint32_t> hresult;
    std::string text;
  } last;
  if (last.made && last.status == r.status && last.hresult == r.hresult && last.unpaired == r.unpaired) return last.text;
  std::string out;
  if (!r.status) {
    out = r.unpaired ? "results" : "no status";
  } else {
    out = std::to_string(*r.status);
    std::string meaning = status_meaning(*r.status);
    if (!meaning.empty()) out += " " + meaning;
  }
  if (r.hresult) {
    out += " " + hresult_text(*r.hresult);
    std::string meaning = hresult_meaning(*r.hresult);
    if (!meaning.empty()) out += " " + meaning;
  }
  last = {true, r.unpaired, r.status, r.hresult, out};
  return out;
}

std::string ms_text(const std::optional<double>& ms) {
  if (!ms) return {};
  // The rows of one exchange share its time: formatted once.
  thread_local std::optional<double> last;
  thread_local std::string text;
  if (!last || std::memcmp(&*last, &*ms, sizeof(double)) != 0) {
    last = *ms;
    text = fmt::format("{:.0f} ms", *ms);
  }
  return text;
}

ordered diagnostics_json(const std::vector<validate::Diagnostic>& found) {
  ordered out = ordered::array();
  for (const auto& d : found) {
    out.push_back({{"severity", validate::to_string(d.severity)},
                   {"rule", d.rule},
                   {"cmdid", d.cmdid ? ordered(*d.cmdid) : ordered()},
                   {"line", d.line ? ordered(*d.line) : ordered()},
                   {"message", d.message}});
  }
  return out;
}

// A JSON string, escaped; bytes that are not UTF-8 become U+FFFD (as nlohmann's "replace").
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t run = i;
    while (run < s.size()) {
      unsigned char c = static_cast<unsigned char>(s[run]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++run;
    }
    out.append(s.substr(i, run - i));
    i = run;
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
      ++i;
    } else if (c < 0x20) {
      switch (c) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default: out += fmt::format("\\u{:04x}", c);
      }
      ++i;
    } else {
      std::size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
      bool ok = n > 0 && i + n <= s.size() && !(c == 0xC0 || c == 0xC1 || c > 0xF4);
      for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
      if (ok && n == 3) {
        unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
        ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);  // overlong, surrogates
      }
      if (ok && n == 4) {
        unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
        ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
      }
      if (ok) {
        out.append(s.substr(i, n));
        i += n;
      } else {
        out += "\xEF\xBF\xBD";
        ++i;
      }
    }
  }
  out += '"';
}

void append_member(std::string& out, std::string_view name, std::string_view value) {
  out += '"';
  out += name;
  out += "\":";
  append_json_string(out, value);
  out += ',';
}

void append_null_or(std::string& out, std::string_view name, bool present, const std::string& value) {
  out += '"';
  out += name;
  out += "\":";
  if (present) append_json_string(out, value);
  else out += "null";
  out += ',';
}

// A command's object (members after `{`, with the trailing `}`): written directly, not through
// a JSON tree, since a capture has as many of them as commands.
void append_row_json(std::string& out, const Row& r) {
  append_member(out, "msg_id", r.msg_id);
  append_member(out, "cmd_id", r.cmd_id);
  append_member(out, "cmd", r.cmd);
  append_member(out, "target", r.target);
  append_member(out, "data", r.data);
  out += "\"status\":";
  out += r.status ? std::to_string(*r.status) : "null";
  out += ',';
  std::string meaning = r.status ? status_meaning(*r.status) : "";
  append_null_or(out, "meaning", !meaning.empty(), meaning);
  append_null_or(out, "hresult", r.hresult.has_value(), r.hresult ? hresult_text(*r.hresult) : "");
  std::string hmeaning = r.hresult ? hresult_meaning(*r.hresult) : "";
  append_null_or(out, "hresult_meaning", !hmeaning.empty(), hmeaning);
  out += "\"results\":[";
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    out += i ? ",{" : "{";
    append_member(out, "source", r.results[i].source);
    append_member(out, "format", r.results[i].format);
    out += "\"data\":";
    append_json_string(out, r.results[i].data);
    out += '}';
  }
  out += "],\"ms\":";
  out += r.ms ? fmt::format("{}", *r.ms) : "null";
  out += ",\"from\":\"";
  out += side_name(r.from);
  out += "\",";
  append_member(out, "type", r.type);
  out.back() = '}';
}

constexpr const char* kRed = "\x1b[31m";
constexpr const char* kYellow = "\x1b[33m";
constexpr const char* kReset = "\x1b[0m";

void pad(std::string& out, std::size_t from, std::size_t width) {
  if (out.size() - from < width) out.append(width - (out.size() - from), ' ');
}

// "  MSG/CMD  Cmd  Target (Format) Data  -> Status  N ms", then its results and findings. A
// command of the device reads "device Cmd", and an Alert's Type stands where it has no Target.
void append_row(std::string& out, const Row& r, const TextOptions& o) {
  std::size_t line_start = out.size();
  out += "  ";
  std::size_t at = out.size();
  if (r.unpaired) out += '?';
  out += r.msg_id;
  out += '/';
  out += r.cmd_id;
  pad(out, at, 6);
  out += ' ';
  at = out.size();
  if (r.from == Side::client) out += "device ";
  out += r.cmd;
  pad(out, at, 8);
  out += ' ';
  if (!r.target.empty()) out += r.target;
  if (!r.type.empty()) {
    if (!r.target.empty()) out += ' ';
    out += r.type;
  }
  if (r.target.empty() && r.type.empty()) out += '-';
  if (!r.format.empty()) {
    out += " (";
    out += r.format;
    out += ')';
  }
  std::string tail = "  -> " + status_text(r);
  if (r.unpaired) tail += " (unpaired: the command is not in the capture)";
  if (r.ms) tail += "  " + ms_text(r.ms);
  std::string data = one_line(r.data);
  if (!o.full) {
    std::size_t used = columns(std::string_view(out).substr(line_start)) + columns(tail) + 1;
    std::size_t room = o.width > used ? o.width - used : 0;
    data = cut(data, std::max<std::size_t>(room, 12));
  }
  if (r.data_cut && !data.ends_with("\u2026")) data += "\u2026";
  if (!data.empty()) {
    out += ' ';
    out += data;
  }
  bool bad = failed(r);
  if (o.color && (bad || r.unpaired)) {
    out.append(tail, 0, 5);
    out += bad ? kRed : kYellow;
    out.append(tail, 5);
    out += kReset;
  } else {
    out += tail;
  }
  out += '\n';
  for (const auto& res : r.results) {
    std::size_t rs = out.size();
    out += "         = ";
    out += res.source.empty() ? "-" : res.source;
    if (!res.format.empty()) {
      out += " (";
      out += res.format;
      out += ')';
    }
    std::string value = one_line(res.data);
    if (!o.full) {
      std::size_t used = columns(std::string_view(out).substr(rs)) + 1;
      value = cut(value, std::max<std::size_t>(o.width > used ? o.width - used : 0, 12));
    }
    out += ' ';
    out += value;
    out += '\n';
  }
  if (o.findings) {
    for (const auto& d : r.findings) {
      out += fmt::format("         {}: {} [{}]\n", validate::to_string(d.severity), d.message, d.rule);
    }
  }
}

}  // namespace

bool uri_matches(std::string_view glob, std::string_view uri) {
  return ::fnmatch(std::string(glob).c_str(), std::string(uri).c_str(), 0) == 0;
}

bool wanted(const Session& session, const Filter& filter) {
  if (!filter.session_id.empty() && session.session_id != filter.session_id) return false;
  if (filter.failed_only || !filter.uri_glob.empty()) {
    for (const auto& r : session.rows) {
      if (wanted(r, filter)) return true;
    }
    return false;
  }
  return true;
}

bool wanted(const Row& row, const Filter& filter) {
  if (filter.failed_only && !failed(row)) return false;
  if (filter.uri_glob.empty()) return true;
  if (uri_matches(filter.uri_glob, row.target)) return true;
  for (const auto& res : row.results) {
    if (uri_matches(filter.uri_glob, res.source)) return true;
  }
  return false;
}

std::string text(const Session& s, const Filter& filter, const TextOptions& o) {
  std::size_t device_msgs = 0, server_msgs = 0;
  for (const auto& m : s.messages) (m.side == Side::server ? server_msgs : device_msgs)++;
  std::string out = fmt::format("session {} (SessionID {}) device {} server {}: {} device message{}, {} server message{}\n",
                                s.number, s.session_id.empty() ? "-" : s.session_id, s.device.empty() ? "-" : s.device,
                                s.server.empty() ? "-" : s.server, device_msgs, device_msgs == 1 ? "" : "s",
                                server_msgs, server_msgs == 1 ? "" : "s");
  // A SyncHdr refused (authentication, mostly) is no command's status: said under the header.
  for (const auto& m : s.messages) {
    if (!m.header_status || (*m.header_status >= 200 && *m.header_status < 300)) continue;
    std::string meaning = status_meaning(*m.header_status);
    out += fmt::format("  message {} ({}): SyncHdr status {}{}{}\n", m.msg_id, side_name(m.side), *m.header_status,
                       meaning.empty() ? "" : " ", meaning);
  }
  if (o.findings) {
    for (const auto& m : s.messages) {
      for (const auto& d : m.findings) {
        out += fmt::format("  message {} ({}): {}: {} [{}]\n", m.msg_id, side_name(m.side),
                           validate::to_string(d.severity), d.message, d.rule);
      }
    }
  }
  std::size_t shown = 0;
  for (const auto& r : s.rows) {
    if (!wanted(r, filter)) continue;
    ++shown;
    append_row(out, r, o);
  }
  if (shown == 0) out += "  (no commands)\n";
  return out;
}

std::string json(const Session& s, const Filter& filter, bool findings) {
  ordered messages = ordered::array();
  for (const auto& m : s.messages) {
    ordered entry{{"msg_id", m.msg_id},        {"from", side_name(m.side)},        {"place", m.place},
                  {"bytes", m.bytes},          {"encoding", m.wbxml ? "wbxml" : "xml"}, {"commands", m.commands},
                  {"ms", m.ms ? ordered(*m.ms) : ordered()},
                  {"header_status", m.header_status ? ordered(*m.header_status) : ordered()}};
    if (findings) {
      std::vector<validate::Diagnostic> all = m.findings;
      for (const auto& r : s.rows) {
        if (r.from == m.side && r.msg_id == m.msg_id && !r.unpaired) all.insert(all.end(), r.findings.begin(), r.findings.end());
      }
      entry["findings"] = diagnostics_json(all);
    }
    messages.push_back(std::move(entry));
  }
  ordered head{{"session_id", s.session_id}, {"device", s.device}, {"server", s.server}, {"messages", std::move(messages)}};
  std::string out = head.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out.pop_back();  // the closing brace: the commands follow
  out += ",\"commands\":[";
  bool first = true;
  for (const auto& r : s.rows) {
    if (!wanted(r, filter)) continue;
    out += first ? "{" : ",{";
    first = false;
    append_row_json(out, r);
  }
  out += "]}";
  return out;
}

std::string jsonl(const Session& s, const Filter& filter) {
  std::string out, prefix = "{";
  append_member(prefix, "session_id", s.session_id);
  append_member(prefix, "device", s.device);
  for (const auto& r : s.rows) {
    if (!wanted(r, filter)) continue;
    out += prefix;
    append_row_json(out, r);
    out += '\n';
  }
  return out;
}

}  // namespace syncmldm::trace
