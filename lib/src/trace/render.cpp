// dm-trace's formats: text lines cut to the width, JSON and JSON Lines.
#include <fnmatch.h>

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
  return out;
}

std::string ms_text(const std::optional<double>& ms) {
  if (!ms) return {};
  return fmt::format("{:.0f} ms", *ms);
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

ordered row_json(const Row& r, ordered out = ordered::object()) {
  ordered results = ordered::array();
  for (const auto& res : r.results) {
    results.push_back({{"source", res.source}, {"format", res.format}, {"data", res.data}});
  }
  std::string meaning = r.status ? status_meaning(*r.status) : "";
  std::string hmeaning = r.hresult ? hresult_meaning(*r.hresult) : "";
  out["msg_id"] = r.msg_id;
  out["cmd_id"] = r.cmd_id;
  out["cmd"] = r.cmd;
  out["target"] = r.target;
  out["data"] = r.data;
  out["status"] = r.status ? ordered(*r.status) : ordered();
  out["meaning"] = meaning.empty() ? ordered() : ordered(meaning);
  out["hresult"] = r.hresult ? ordered(hresult_text(*r.hresult)) : ordered();
  out["hresult_meaning"] = hmeaning.empty() ? ordered() : ordered(hmeaning);
  out["results"] = std::move(results);
  out["ms"] = r.ms ? ordered(*r.ms) : ordered();
  return out;
}

constexpr const char* kRed = "\x1b[31m";
constexpr const char* kYellow = "\x1b[33m";
constexpr const char* kReset = "\x1b[0m";

void pad(std::string& out, std::size_t from, std::size_t width) {
  if (out.size() - from < width) out.append(width - (out.size() - from), ' ');
}

// "  MSG/CMD  Cmd  Target (Format) Data  -> Status  N ms", then its results and findings.
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
  out += r.cmd;
  pad(out, at, 8);
  out += ' ';
  out += r.target.empty() ? "-" : r.target;
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
                  {"ms", m.ms ? ordered(*m.ms) : ordered()}};
    if (findings) {
      std::vector<validate::Diagnostic> all = m.findings;
      if (m.side == Side::server) {
        for (const auto& r : s.rows) {
          if (r.msg_id == m.msg_id && !r.unpaired) all.insert(all.end(), r.findings.begin(), r.findings.end());
        }
      }
      entry["findings"] = diagnostics_json(all);
    }
    messages.push_back(std::move(entry));
  }
  ordered commands = ordered::array();
  for (const auto& r : s.rows) {
    if (wanted(r, filter)) commands.push_back(row_json(r));
  }
  ordered out{{"session_id", s.session_id},
              {"device", s.device},
              {"server", s.server},
              {"messages", std::move(messages)},
              {"commands", std::move(commands)}};
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string jsonl(const Session& s, const Filter& filter) {
  std::string out;
  for (const auto& r : s.rows) {
    if (!wanted(r, filter)) continue;
    ordered line = ordered::object();
    line["session_id"] = s.session_id;
    line["device"] = s.device;
    line = row_json(r, std::move(line));
    out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace syncmldm::trace
