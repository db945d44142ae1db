// dm-trace's formats: text lines cut to the width, JSON and JSON Lines.
#include <fnmatch.h>

#include <array>
#include <cstring>
#include <iterator>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "syncmldm/trace/render.hpp"

namespace syncmldm::trace {

namespace {

using ordered = nlohmann::ordered_json;

// Appends to a string through a pointer, in room made a few KiB at a time: a command's line
// is some twenty pieces, and std::string's append checks and updates its length for each. The
// string holds exactly what was written again when the writer goes (or string() is asked).
class Out {
 public:
  explicit Out(std::string& s) : s_(s), at_(s.size()) {}
  Out(const Out&) = delete;
  Out& operator=(const Out&) = delete;
  ~Out() { s_.resize(at_); }

  // Room for `n` more bytes: add() writes into it unchecked.
  void room(std::size_t n) {
    if (s_.size() - at_ < n) s_.resize(at_ + n + 4096);
  }
  void add(std::string_view v) {
    std::memcpy(s_.data() + at_, v.data(), v.size());
    at_ += v.size();
  }
  void add(char c) { s_.data()[at_++] = c; }
  void put(std::string_view v) {
    room(v.size());
    add(v);
  }
  void put(char c) {
    room(1);
    add(c);
  }
  std::size_t size() const { return at_; }
  std::string_view since(std::size_t from) const { return {s_.data() + from, at_ - from}; }
  // The string as written so far, for code that appends to it itself; then sync().
  std::string& string() {
    s_.resize(at_);
    return s_;
  }
  void sync() { at_ = s_.size(); }

 private:
  std::string& s_;
  std::size_t at_;
};

// White space (space, TAB, CR, LF) at the ends or in runs other than one space: the text is
// not one line as it is.
bool needs_one_line(std::string_view s) {
  if (s.empty()) return false;
  if (s.front() == ' ' || s.back() == ' ') return true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n' || c == '\r' || c == '\t' || (c == ' ' && i + 1 < s.size() && s[i + 1] == ' ')) return true;
  }
  return false;
}

// White space runs as one space: a command is one line. A view of `s` when it is one line
// already, else of `scratch`, which holds the line.
std::string_view one_line(std::string_view s, std::string& scratch) {
  if (!needs_one_line(s)) return s;
  scratch.clear();
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !scratch.empty();
      continue;
    }
    if (space) scratch.push_back(' ');
    space = false;
    scratch.push_back(c);
  }
  return scratch;
}

// Characters, counted as UTF-8 lead bytes: 8 bytes at a time, a continuation byte (10xxxxxx)
// being one whose top bit is set and the next one clear.
std::size_t columns(std::string_view s) {
  std::size_t n = s.size(), i = 0, continuations = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    std::uint64_t ones = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;  // 1 in each such byte
    continuations += static_cast<std::size_t>((ones * 0x0101010101010101ULL) >> 56);  // their sum
  }
  for (; i < n; ++i) continuations += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return n - continuations;
}

constexpr std::string_view kEllipsis = "\u2026";

// The first `width` columns of s; when s is wider, its first width - 1 and `cut` set (the
// caller adds "…").
std::string_view cut(std::string_view s, std::size_t width, bool& cut) {
  cut = false;
  if (columns(s) <= width) return s;
  if (width == 0) return {};
  cut = true;
  std::size_t n = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == width - 1) break;
      ++n;
    }
  }
  return s.substr(0, i);
}

// Texts made from a row's status and HRESULT: a capture's rows have a handful of different
// ones (200 OK, 405, no status...), so the last few made are kept.
template <class Made>
class StatusCache {
 public:
  template <class Make>
  const Made& get(const Row& r, bool unpaired, Make make) {
    for (auto& e : entries_) {
      if (e.used && e.status == r.status && e.hresult == r.hresult && e.unpaired == unpaired) return e.made;
    }
    Entry& e = entries_[next_++ % entries_.size()];
    e = {true, unpaired, r.status, r.hresult, make(r)};
    return e.made;
  }

 private:
  struct Entry {
    bool used = false, unpaired = false;
    std::optional<int> status;
    std::optional<std::uint32_t> hresult;
    Made made;
  };
  std::array<Entry, 8> entries_;
  std::size_t next_ = 0;
};

// What a row's status says: "200 OK", "no status", with its HRESULT; and its width in columns.
struct StatusText {
  std::string text;
  std::size_t columns = 0;
};

const StatusText& status_text(const Row& r) {
  thread_local StatusCache<StatusText> cache;
  return cache.get(r, r.unpaired, [](const Row& r) {
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
    std::size_t width = columns(out);
    return StatusText{std::move(out), width};
  });
}

// A time formatted with `Form::write`, once for the rows of one exchange, which share it.
template <class Form>
std::string_view time_once(double ms) {
  thread_local std::optional<double> last;
  thread_local std::string text;
  if (!last || std::memcmp(&*last, &ms, sizeof(double)) != 0) {
    last = ms;
    text = Form::write(ms);
  }
  return text;
}

// As the text lines write it: "12 ms".
struct TextTime {
  static std::string write(double ms) { return fmt::format("{:.0f} ms", ms); }
};
std::string_view ms_text(double ms) { return time_once<TextTime>(ms); }

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

// The first byte at or after `i` that a JSON string cannot hold as it is: control characters,
// '"', '\\', and non-ASCII bytes (checked as UTF-8 by the caller). 16 at a time where SSE2 is.
std::size_t plain_json_run(const char* d, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    // Signed compare: bytes from 0x80 on are negative, below 0x20 too.
    __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    int bits = _mm_movemask_epi8(special);
    if (bits) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
  }
#endif
  for (; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(d[i]);
    if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) return i;
  }
  return n;
}

// A JSON string, escaped; bytes that are not UTF-8 become U+FFFD (as nlohmann's "replace").
void append_json_string(Out& out, std::string_view s) {
  std::size_t i = plain_json_run(s.data(), 0, s.size());
  out.room(s.size() + 2);  // all of it when nothing needs escaping, as it mostly does not
  out.add('"');
  out.add(s.substr(0, i));
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out.put('\\');
      out.put(static_cast<char>(c));
      ++i;
    } else if (c < 0x20) {
      switch (c) {
        case '\n': out.put("\\n"); break;
        case '\r': out.put("\\r"); break;
        case '\t': out.put("\\t"); break;
        case '\b': out.put("\\b"); break;
        case '\f': out.put("\\f"); break;
        default: {
          char u[] = "\\u0000";
          u[4] = "0123456789abcdef"[c >> 4];
          u[5] = "0123456789abcdef"[c & 0xF];
          out.put(std::string_view(u, 6));
        }
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
        out.put(s.substr(i, n));
        i += n;
      } else {
        out.put("\xEF\xBF\xBD");
        ++i;
      }
    }
    std::size_t run = plain_json_run(s.data(), i, s.size());
    out.put(s.substr(i, run - i));
    i = run;
  }
  out.put('"');
}

// `"name":"value",`: `key` is `"name":`.
void append_member(Out& out, std::string_view key, std::string_view value) {
  out.put(key);
  append_json_string(out, value);
  out.put(',');
}

void append_null_or(Out& out, std::string_view key, bool present, const std::string& value) {
  out.put(key);
  if (present) append_json_string(out, value);
  else out.put("null");
  out.put(',');
}

// `"status":...,"meaning":...,"hresult":...,"hresult_meaning":...,` of a row.
const std::string& status_json(const Row& r) {
  thread_local StatusCache<std::string> cache;
  return cache.get(r, false, [](const Row& r) {
    std::string text;
    {
      Out out(text);
      out.put("\"status\":");
      out.put(r.status ? std::to_string(*r.status) : "null");
      out.put(',');
      std::string meaning = r.status ? status_meaning(*r.status) : "";
      append_null_or(out, "\"meaning\":", !meaning.empty(), meaning);
      append_null_or(out, "\"hresult\":", r.hresult.has_value(), r.hresult ? hresult_text(*r.hresult) : "");
      std::string hmeaning = r.hresult ? hresult_meaning(*r.hresult) : "";
      append_null_or(out, "\"hresult_meaning\":", !hmeaning.empty(), hmeaning);
    }
    return text;
  });
}

// A time as JSON writes it (the shortest form that reads back the same): the rows of one
// exchange share it, so it is formatted once.
struct JsonTime {
  static std::string write(double ms) { return fmt::format("{}", ms); }
};
std::string_view ms_json(double ms) { return time_once<JsonTime>(ms); }

// A command's object (members after `{`, with the trailing `}`): written directly, not through
// a JSON tree, since a capture has as many of them as commands.
void append_row_json(Out& out, const Row& r) {
  append_member(out, "\"msg_id\":", r.msg_id);
  append_member(out, "\"cmd_id\":", r.cmd_id);
  append_member(out, "\"cmd\":", r.cmd);
  append_member(out, "\"target\":", r.target);
  append_member(out, "\"data\":", r.data);
  out.put(status_json(r));
  out.put("\"results\":[");
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    out.put(i ? ",{" : "{");
    append_member(out, "\"source\":", r.results[i].source);
    append_member(out, "\"format\":", r.results[i].format);
    out.put("\"data\":");
    append_json_string(out, r.results[i].data);
    out.put('}');
  }
  out.put("],\"ms\":");
  out.put(r.ms ? ms_json(*r.ms) : std::string_view("null"));
  out.put(",\"from\":\"");
  out.put(side_name(r.from));
  out.put("\",\"type\":");
  append_json_string(out, r.type);
  out.put('}');
}

constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kUnpaired = " (unpaired: the command is not in the capture)";

// Spaces after what was written from `from` on, up to `width` bytes (in room made before).
void pad(Out& out, std::size_t from, std::size_t width) {
  for (std::size_t n = out.size() - from; n < width; ++n) out.add(' ');
}

// Text that is one line, cut to `width` columns unless `full`, after a space; "…" when cut
// (or when the row's Data was cut already: `was_cut`). Nothing when there is nothing to say.
void append_value(Out& out, std::string_view value, bool full, std::size_t width, bool was_cut, bool always) {
  thread_local std::string scratch;
  std::string_view line = one_line(value, scratch);
  bool ellipsis = false;
  if (!full) line = cut(line, width, ellipsis);
  if (was_cut && !ellipsis && !line.ends_with(kEllipsis)) ellipsis = true;
  if (line.empty() && !ellipsis && !always) return;
  out.room(line.size() + 1 + kEllipsis.size());
  out.add(' ');
  out.add(line);
  if (ellipsis) out.add(kEllipsis);
}

// "  MSG/CMD  Cmd  Target (Format) Data  -> Status  N ms", then its results and findings. A
// command of the device reads "device Cmd", and an Alert's Type stands where it has no Target.
void append_row(Out& out, const Row& r, const TextOptions& o) {
  std::size_t line_start = out.size();
  // The head's pieces, padding included, fit in this.
  out.room(2 + 1 + r.msg_id.size() + 1 + r.cmd_id.size() + 6 + 1 + 7 + r.cmd.size() + 8 + 1 + r.target.size() + 1 +
           r.type.size() + 1 + 2 + r.format.size() + 1);
  out.add("  ");
  std::size_t at = out.size();
  if (r.unpaired) out.add('?');
  out.add(r.msg_id);
  out.add('/');
  out.add(r.cmd_id);
  pad(out, at, 6);
  out.add(' ');
  at = out.size();
  if (r.from == Side::client) out.add("device ");
  out.add(r.cmd);
  pad(out, at, 8);
  out.add(' ');
  if (!r.target.empty()) out.add(r.target);
  if (!r.type.empty()) {
    if (!r.target.empty()) out.add(' ');
    out.add(r.type);
  }
  if (r.target.empty() && r.type.empty()) out.add('-');
  if (!r.format.empty()) {
    out.add(" (");
    out.add(r.format);
    out.add(')');
  }
  // The tail, "  -> Status  N ms", is measured first: Data gets the room left.
  const StatusText& status = status_text(r);
  std::string_view ms = r.ms ? ms_text(*r.ms) : std::string_view{};
  std::size_t room = 0;
  if (!o.full) {
    std::size_t tail = 5 + status.columns + (r.unpaired ? kUnpaired.size() : 0) + (r.ms ? 2 + ms.size() : 0);
    std::size_t used = columns(out.since(line_start)) + tail + 1;
    room = std::max<std::size_t>(o.width > used ? o.width - used : 0, 12);
  }
  append_value(out, r.data, o.full, room, r.data_cut, false);
  bool bad = failed(r);
  bool colored = o.color && (bad || r.unpaired);
  out.room(5 + kRed.size() + status.text.size() + kUnpaired.size() + 2 + ms.size() + kReset.size() + 1);
  out.add("  -> ");
  if (colored) out.add(bad ? kRed : kYellow);
  out.add(status.text);
  if (r.unpaired) out.add(kUnpaired);
  if (r.ms) {
    out.add("  ");
    out.add(ms);
  }
  if (colored) out.add(kReset);
  out.add('\n');
  for (const auto& res : r.results) {
    std::size_t rs = out.size();
    out.put("         = ");
    out.put(res.source.empty() ? std::string_view("-") : std::string_view(res.source));
    if (!res.format.empty()) {
      out.put(" (");
      out.put(res.format);
      out.put(')');
    }
    std::size_t width = 0;
    if (!o.full) {
      std::size_t used = columns(out.since(rs)) + 1;
      width = std::max<std::size_t>(o.width > used ? o.width - used : 0, 12);
    }
    append_value(out, res.data, o.full, width, false, true);
    out.put('\n');
  }
  if (o.findings && !r.findings.empty()) {
    std::string& text = out.string();
    for (const auto& d : r.findings) {
      fmt::format_to(std::back_inserter(text), "         {}: {} [{}]\n", validate::to_string(d.severity), d.message,
                     d.rule);
    }
    out.sync();
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

void append_text(std::string& out, const Session& s, const Filter& filter, const TextOptions& o) {
  std::size_t device_msgs = 0, server_msgs = 0;
  for (const auto& m : s.messages) (m.side == Side::server ? server_msgs : device_msgs)++;
  fmt::format_to(std::back_inserter(out),
                 "session {} (SessionID {}) device {} server {}: {} device message{}, {} server message{}\n", s.number,
                 s.session_id.empty() ? "-" : s.session_id, s.device.empty() ? "-" : s.device,
                 s.server.empty() ? "-" : s.server, device_msgs, device_msgs == 1 ? "" : "s", server_msgs,
                 server_msgs == 1 ? "" : "s");
  // A SyncHdr refused (authentication, mostly) is no command's status: said under the header.
  for (const auto& m : s.messages) {
    if (!m.header_status || (*m.header_status >= 200 && *m.header_status < 300)) continue;
    std::string meaning = status_meaning(*m.header_status);
    fmt::format_to(std::back_inserter(out), "  message {} ({}): SyncHdr status {}{}{}\n", m.msg_id, side_name(m.side),
                   *m.header_status, meaning.empty() ? "" : " ", meaning);
  }
  if (o.findings) {
    for (const auto& m : s.messages) {
      for (const auto& d : m.findings) {
        fmt::format_to(std::back_inserter(out), "  message {} ({}): {}: {} [{}]\n", m.msg_id, side_name(m.side),
                       validate::to_string(d.severity), d.message, d.rule);
      }
    }
  }
  Out rows(out);
  std::size_t shown = 0;
  for (const auto& r : s.rows) {
    if (!wanted(r, filter)) continue;
    ++shown;
    append_row(rows, r, o);
  }
  if (shown == 0) rows.put("  (no commands)\n");
}

std::string text(const Session& s, const Filter& filter, const TextOptions& o) {
  std::string out;
  append_text(out, s, filter, o);
  return out;
}

void append_json(std::string& out, const Session& s, const Filter& filter, bool findings) {
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
  std::string dumped = head.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  dumped.pop_back();  // the closing brace: the commands follow
  out += dumped;
  Out rows(out);
  rows.put(",\"commands\":[");
  bool first = true;
  for (const auto& r : s.rows) {
    if (!wanted(r, filter)) continue;
    rows.put(first ? "{" : ",{");
    first = false;
    append_row_json(rows, r);
  }
  rows.put("]}");
}

std::string json(const Session& s, const Filter& filter, bool findings) {
  std::string out;
  append_json(out, s, filter, findings);
  return out;
}

void append_jsonl(std::string& out, const Session& s, const Filter& filter) {
  std::string prefix;
  {
    Out p(prefix);
    p.put('{');
    append_member(p, "\"session_id\":", s.session_id);
    append_member(p, "\"device\":", s.device);
  }
  Out rows(out);
  for (const auto& r : s.rows) {
    if (!wanted(r, filter)) continue;
    rows.put(prefix);
    append_row_json(rows, r);
    rows.put('\n');
  }
}

std::string jsonl(const Session& s, const Filter& filter) {
  std::string out;
  append_jsonl(out, s, filter);
  return out;
}

}  // namespace syncmldm::trace
