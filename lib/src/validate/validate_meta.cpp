// Meta and Data rules: Format values, Data that agrees with its Format, MetInf namespace and
// order, markup in Data, chunking.

#include <array>
#include <cstdlib>

#include <fmt/format.h>

#include "syncmldm/codes/status.hpp"
#include "validate/validate_context.hpp"

namespace syncmldm::validate::detail::meta {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool is_int(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (!all_digits(s) || s.size() > 10) return false;
  unsigned long long v = std::strtoull(std::string(s).c_str(), nullptr, 10);
  // TND says signed 32-bit, the MetInf XSD unsigned 32-bit: accept both ranges.
  return negative ? v <= 2147483648ULL : v <= 4294967295ULL;
}

bool is_float(std::string_view s) {
  if (s == "INF" || s == "-INF" || s == "NaN") return true;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  std::size_t i = 0, digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (!all_digits(s.substr(i))) return false;
    return true;
  }
  return i == s.size();
}

bool digits_at(std::string_view s, std::size_t at, std::size_t n) {
  return at + n <= s.size() && all_digits(s.substr(at, n));
}

// ISO 8601 calendar date with century: YYYY-MM-DD or YYYYMMDD.
bool is_date(std::string_view s) {
  if (s.size() == 10) return digits_at(s, 0, 4) && s[4] == '-' && digits_at(s, 5, 2) && s[7] == '-' && digits_at(s, 8, 2);
  return s.size() == 8 && all_digits(s);
}

// ISO 8601 time: hh:mm:ss or hhmmss, optional fraction, optional Z or +hh[:mm].
bool is_time(std::string_view s) {
  std::size_t i;
  if (s.size() >= 8 && s[2] == ':') {
    if (!(digits_at(s, 0, 2) && digits_at(s, 3, 2) && s[5] == ':' && digits_at(s, 6, 2))) return false;
    i = 8;
  } else {
    if (!digits_at(s, 0, 6)) return false;
    i = 6;
  }
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    ++i;
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
  }
  if (i == s.size()) return true;
  if (s[i] == 'Z') return i + 1 == s.size();
  if (s[i] != '+' && s[i] != '-') return false;
  std::string_view zone = s.substr(i + 1);
  return (zone.size() == 2 && all_digits(zone)) || (zone.size() == 4 && all_digits(zone)) ||
         (zone.size() == 5 && digits_at(zone, 0, 2) && zone[2] == ':' && digits_at(zone, 3, 2));
}

constexpr std::array<bool, 256> make_b64_table() {
  std::array<bool, 256> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = true;
  t['+'] = t['/'] = true;
  return t;
}
constexpr auto kB64 = make_b64_table();

// Offset of the first byte that makes `s` invalid Base64 (white space allowed), or npos.
std::size_t b64_fault(std::string_view s) {
  std::size_t count = 0, padding = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (kB64[c]) {
      if (padding) return i;
      ++count;
    } else if (c == '=') {
      if (++padding > 2) return i;
      ++count;
    } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      return i;
    }
  }
  return count % 4 == 0 ? std::string_view::npos : s.size();
}

constexpr std::string_view kMetInfOrder[] = {"FieldLevel", "Format", "Type", "Mark", "Size", "Anchor", "Version",
                                             "NextNonce", "MaxMsgSize", "MaxObjSize", "EMI", "Mem"};

std::string shorten(std::string_view s) {
  std::string out(s.substr(0, 40));
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (s.size() > 40) out += "...";
  return out;
}

}  // namespace

void check_meta(Context& ctx, const Node* meta, const Frame* f) {
  std::size_t last = 0;
  bool order_reported = false;
  for (const Node* n = meta->first_node(); n; n = n->next_sibling()) {
    if (!is_element(n)) continue;
    std::string_view name = name_of(n);
    std::size_t index = 0;
    while (index < std::size(kMetInfOrder) && kMetInfOrder[index] != name) ++index;
    if (index == std::size(kMetInfOrder)) {
      ctx.report(n, "unexpected-child", fmt::format("{} is not a MetInf element", name), f);
      continue;
    }
    if (index < last && !order_reported) {
      ctx.report(n, "meta-order", fmt::format("{} comes before {} in the MetInf DTD", name, kMetInfOrder[last]), f);
      order_reported = true;
    }
    if (index > last) last = index;
    std::string_view ns = xml::namespace_of(n);
    if (ns != xml::kMetInf) {
      // No namespace of its own (none at all, or the SyncML default inherited from the root):
      // Windows reads such elements (Microsoft's samples write them so and get 200), so under
      // --profile windows this is a note, given once per message.
      bool undeclared = ns.empty() || xml::iequals(ns, xml::kSyncML12) || xml::iequals(ns, xml::kSyncML11);
      if (trim(ns) == xml::kMetInf) {
        ctx.report(n, "meta-namespace", fmt::format("{}: namespace value '{}' has stray spaces", name, ns), f);
      } else if (undeclared && ctx.windows()) {
        if (!ctx.metinf_namespace_noted) {
          ctx.metinf_namespace_noted = true;
          ctx.report(n, "meta-namespace",
                     fmt::format("{} has no xmlns=\"syncml:metinf\": Windows reads it, OMA requires the namespace "
                                 "(not repeated for the rest of this message)",
                                 name),
                     f, {}, Severity::note);
        }
      } else if (undeclared) {
        ctx.report(n, "meta-namespace",
                   ns.empty() ? fmt::format("{} has no namespace: add xmlns=\"syncml:metinf\"", name)
                              : fmt::format("{} is in the SyncML namespace: add xmlns=\"syncml:metinf\"", name),
                   f);
      } else {
        ctx.report(n, "meta-namespace", fmt::format("{} is in namespace '{}', not syncml:metinf", name, ns), f);
      }
    }
    if (name == "Format") {
      Text t;
      read_text(n, t);
      std::string_view v = trim(t.value);
      if (!codes::is_format(v)) {
        ctx.report(n, "meta-format",
                   fmt::format("Format '{}' is not one of chr int bool bin b64 xml node null date time float", v), f);
      }
    }
  }
}

void check_header_meta(Context& ctx, const Node* meta) {
  // Only the client ignores it: a client's own header Meta (MaxMsgSize) is read by servers.
  if (ctx.direction == Direction::server) {
    ctx.report(meta, "meta-header", "Meta in SyncHdr is ignored by the Windows client (MaxMsgSize, MaxObjSize)");
  }
  check_meta(ctx, meta, nullptr);
}

void check_item_data(Context& ctx, const Frame& f, const Node* item, const MetaView& effective, bool ddf_judged) {
  const Node* data = xml::child(item, "Data");
  const Node* more = xml::child(item, "MoreData");
  std::string_view format = "chr";
  Text ft;
  if (effective.format) {
    read_text(effective.format, ft);
    format = trim(ft.value);
  }
  if (more) {
    if (!ctx.moredata_command) ctx.moredata_command = f.top;
    if (!effective.size) {
      ctx.report(more, "moredata", "MoreData without Meta Size: the first chunk must announce the total size", &f);
    } else if (data) {
      Text st;
      read_text(effective.size, st);
      std::string_view sv = trim(st.value);
      Text dt;
      read_text(data, dt);
      if (all_digits(sv) && sv.size() < 19 && dt.value.size() >= std::strtoull(std::string(sv).c_str(), nullptr, 10)) {
        ctx.report(more, "moredata", fmt::format("chunk of {} bytes is not smaller than Meta Size {}", dt.value.size(), sv),
                   &f, {}, Severity::error);
      }
    }
  }
  if (!data) return;
  Text t;
  read_text(data, t);
  if (t.has_elements) {
    // Format xml with the value embedded as markup: Windows takes the inner XML as the value
    // (Microsoft's app-install samples send it so); a strict DTD reader sees only #PCDATA.
    if (format == "xml" && ctx.windows()) return;
    const Node* inner = data->first_node();
    while (inner && !is_element(inner)) inner = inner->next_sibling();
    ctx.report(inner ? inner : data, "data-markup",
               fmt::format("unescaped markup <{}> inside Data: escape it or use CDATA", inner ? name_of(inner) : ""), &f);
    return;
  }
  std::string_view value = t.value;
  // Escaped twice: entity text but no markup left after the parser's one unescape.
  if (!t.has_cdata && value.find('&') != std::string_view::npos && value.find('<') == std::string_view::npos &&
      (value.find("&lt;") != std::string_view::npos || value.find("&gt;") != std::string_view::npos)) {
    ctx.report(data, "data-double-escaped", "Data holds &lt; or &gt; after unescaping: it was escaped twice", &f);
  }
  if (format == "chr" || format == "bin") return;
  bool scalar = format == "int" || format == "bool" || format == "float" || format == "date" || format == "time" || format == "b64";
  if (ddf_judged && scalar) return;  // the DDF judgement reported it, with the device's status
  std::string_view v = trim(value);
  bool ok = true;
  std::string detail;
  if (format == "int") ok = is_int(v);
  else if (format == "bool") ok = v == "true" || v == "false";
  else if (format == "float") ok = is_float(v);
  else if (format == "date") ok = is_date(v);
  else if (format == "time") ok = is_time(v);
  else if (format == "b64") {
    std::size_t fault = b64_fault(value);
    ok = fault == std::string_view::npos;
    if (!ok) detail = fault < value.size() ? fmt::format(" (byte {} of Data)", fault + 1) : " (length not a multiple of 4)";
  } else if (format == "node" || format == "null") {
    // Results of an interior node carry Format node and the child names, '/'-separated, in Data
    // (OMA DM and Windows alike).
    if (format == "node" && f.kind == Kind::results) return;
    if (!v.empty()) {
      ctx.report(data, "data-format", fmt::format("Format {} takes no Data, found '{}'", format, shorten(v)), &f);
    }
    return;
  } else if (format == "xml") {
    if (!v.empty()) {
      try {
        xml::ParseOptions po;
        po.max_depth = 200;
        (void)xml::Document::parse(value, "Data", po);
      } catch (const Error& e) {
        ok = false;
        detail = fmt::format(" ({})", e.message());
      }
    }
    if (ok) return;
    ctx.report(data, "data-format", fmt::format("Format xml but Data is not well-formed XML{}", detail), &f);
    return;
  } else {
    return;  // unknown Format: meta-format reported it
  }
  if (!ok) {
    ctx.report(data, "data-format", fmt::format("Data '{}' is not a valid {}{}", shorten(v), format, detail), &f);
  }
}

}  // namespace syncmldm::validate::detail::meta
