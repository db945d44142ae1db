#include "syncmldm/tree/uri.hpp"
#include "syncmldm/util/text.hpp"

#include <algorithm>
#include <array>

namespace syncmldm::uri {

namespace {

constexpr std::string_view kProperties[] = {"ACL", "Format", "Name", "Size", "Title", "TStamp", "Type", "VerNo"};
constexpr std::string_view kTndsProperties[] = {"ACL",    "Format", "Name",  "Size", "Title",
                                                "TStamp", "Type",   "VerNo", "Value"};

bool is_alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Characters a name may carry unescaped (RFC 2396 pchar without '%', plus '.').
bool is_plain(unsigned char c) {
  if (is_alnum(c)) return true;
  switch (c) {
    case '-': case '_': case '.': case '!': case '~': case '*': case '\'': case '(': case ')':
    case ':': case '@': case '&': case '=': case '+': case '$': case ',':
      return true;
    default:
      return false;
  }
}

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n;
    if (c < 0x80) n = 0;
    else if (c >= 0xC2 && c <= 0xDF) n = 1;
    else if (c >= 0xE0 && c <= 0xEF) n = 2;
    else if (c >= 0xF0 && c <= 0xF4) n = 3;
    else return false;
    if (i + n >= s.size() && n != 0) return false;
    for (std::size_t k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n + 1;
  }
  return true;
}

// Splits the node part (after any "./") into raw segments with their offsets.
void split_segments(std::string_view node, std::size_t base, Uri& out) {
  if (node.empty()) return;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = node.find('/', start);
    std::string_view seg = node.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    out.raw_segments.emplace_back(seg);
    out.segments.push_back(decode(seg));
    out.segment_offsets.push_back(base + start);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
}

}  // namespace

std::string decode(std::string_view text, bool* ok) {
  std::string out;
  out.reserve(text.size());
  bool good = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%') {
      if (i + 2 < text.size()) {
        int hi = hex_value(static_cast<unsigned char>(text[i + 1]));
        int lo = hex_value(static_cast<unsigned char>(text[i + 2]));
        if (hi >= 0 && lo >= 0) {
          out.push_back(static_cast<char>(hi * 16 + lo));
          i += 2;
          continue;
        }
      }
      good = false;
    }
    out.push_back(text[i]);
  }
  if (ok) *ok = good;
  return out;
}

std::string encode_segment(std::string_view name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(name.size());
  for (unsigned char c : name) {
    if (is_plain(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

Uri parse(std::string_view text) {
  Uri out;
  std::string_view node = text;
  std::size_t qmark = text.find('?');
  if (qmark != std::string_view::npos) {
    node = text.substr(0, qmark);
    std::string_view q = text.substr(qmark + 1);
    if (q.substr(0, 5) == "prop=") {
      out.query = QueryKind::prop;
      out.query_value = decode(q.substr(5));
    } else if (q.substr(0, 5) == "list=") {
      out.query = QueryKind::list;
      out.query_value = decode(q.substr(5));
    } else {
      out.query = QueryKind::other;
      out.query_value = std::string(q);
    }
  }
  std::size_t base = 0;
  if (node == ".") {
    out.dot_prefix = true;
    return out;
  }
  if (node.substr(0, 2) == "./") {
    out.dot_prefix = true;
    node.remove_prefix(2);
    base = 2;
  }
  split_segments(node, base, out);
  return out;
}

std::string node_string(const Uri& uri) {
  if (uri.segments.empty()) return ".";
  std::string out = ".";
  for (const auto& s : uri.segments) {
    out.push_back('/');
    out += encode_segment(s);
  }
  return out;
}

std::string to_string(const Uri& uri) {
  std::string out = node_string(uri);
  switch (uri.query) {
    case QueryKind::none: break;
    case QueryKind::prop: out += "?prop=" + uri.query_value; break;
    case QueryKind::list: out += "?list=" + uri.query_value; break;
    case QueryKind::other: out += "?" + uri.query_value; break;
  }
  return out;
}

Scope scope_of(const Uri& uri) {
  return !uri.segments.empty() && iequals(uri.segments.front(), "User") ? Scope::user : Scope::device;
}

Uri canonical(const Uri& uri) {
  Uri out = uri;
  out.dot_prefix = true;
  if (!out.segments.empty()) {
    if (iequals(out.segments.front(), "Device")) {
      out.segments.erase(out.segments.begin());
      out.raw_segments.erase(out.raw_segments.begin());
      out.segment_offsets.erase(out.segment_offsets.begin());
    } else if (iequals(out.segments.front(), "User")) {
      out.segments.front() = "User";
    }
  }
  return out;
}

std::string canonical_key(std::string_view text) { return node_string(canonical(parse(text))); }

bool is_property_name(std::string_view name) {
  return std::find(std::begin(kProperties), std::end(kProperties), name) != std::end(kProperties);
}

std::optional<ListRequest> parse_list(std::string_view value) {
  ListRequest req;
  if (value == "Struct") return req;
  if (value == "StructData") {
    req.kind = ListRequest::Kind::structure_data;
    return req;
  }
  if (value.substr(0, 4) != "TNDS") return std::nullopt;
  req.kind = ListRequest::Kind::tnds;
  std::string_view rest = value.substr(4);
  if (rest.empty()) return req;
  char sign = rest.front();
  if (sign != '+' && sign != '-') return std::nullopt;
  req.exclude = sign == '-';
  while (!rest.empty()) {
    if (rest.front() != sign) return std::nullopt;  // '+' and '-' cannot be mixed
    rest.remove_prefix(1);
    std::size_t end = rest.find_first_of("+-");
    std::string_view name = rest.substr(0, end);
    if (std::find(std::begin(kTndsProperties), std::end(kTndsProperties), name) == std::end(kTndsProperties))
      return std::nullopt;
    req.properties.emplace_back(name);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
  }
  return req;
}

std::size_t char_count(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

namespace {

// The URI with every segment re-encoded and whitespace dropped: the suggestion for
// character-level problems.
std::string suggest_fixed(const Uri& uri, bool leading_slash) {
  std::string out = ".";
  bool first = true;
  for (const auto& raw : uri.raw_segments) {
    if (raw.empty() && leading_slash && first) {
      first = false;
      continue;
    }
    first = false;
    std::string cleaned;
    for (char c : raw)
      if (!is_space(static_cast<unsigned char>(c))) cleaned.push_back(c);
    bool ok = true;
    std::string name = decode(cleaned, &ok);
    if (!ok) name = cleaned;  // keep a stray '%' as a literal percent sign
    out += "/" + encode_segment(name);
  }
  Uri q = uri;
  q.segments.clear();
  std::string tail = to_string(q);  // "." + query
  return out + tail.substr(1);
}

// True for the common case that needs no further look: "./" then plain names separated by
// single slashes, none of them ".", ".." or "*", and no query.
bool obviously_clean(std::string_view text) {
  if (text.size() < 3 || text[0] != '.' || text[1] != '/') return false;
  std::size_t seg_start = 2;
  for (std::size_t i = 2; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '/') {
      std::string_view seg = text.substr(seg_start, i - seg_start);
      if (seg.empty() || seg == "." || seg == ".." || seg == "*" || seg.back() == '.') return false;
      seg_start = i + 1;
    } else if (!is_plain(static_cast<unsigned char>(text[i]))) {
      return false;
    }
  }
  // A first segment spelled "user"/"device" in another case gets a warning.
  std::string_view first = text.substr(2, text.find('/', 2) - 2);
  if ((first.size() == 4 || first.size() == 6) && (iequals(first, "user") || iequals(first, "device")) &&
      first != "User" && first != "Device")
    return false;
  return true;
}

}  // namespace

std::vector<Problem> check(std::string_view text, const CheckOptions& options) {
  std::vector<Problem> problems;
  const Limits& lim0 = options.limits;
  if (lim0.max_depth == 0 && lim0.max_tot_len == 0 && lim0.max_seg_len == 0 && obviously_clean(text)) return problems;
  auto add = [&](ProblemKind kind, std::size_t offset, std::size_t length, std::optional<std::size_t> segment = {},
                 std::optional<int> status = {}, Severity severity = Severity::error, std::string suggestion = {}) {
    if (problems.size() < kMaxProblems) {
      problems.push_back(Problem{kind, severity, offset, length, segment, status, std::move(suggestion)});
    }
  };
  if (text.empty()) {
    add(ProblemKind::empty, 0, 0);
    return problems;
  }
  bool leading_slash = text.front() == '/';
  Uri u = parse(leading_slash ? text.substr(1) : text);
  std::size_t shift = leading_slash ? 1 : 0;
  for (auto& off : u.segment_offsets) off += shift;
  std::size_t qmark = text.find('?');
  std::string_view node = text.substr(0, qmark);

  // The corrected URI goes with the first character problem only: the same whole-URI fix
  // copied onto every bad character would cost memory quadratic in the URI's length.
  bool fix_given = false;
  auto fixed_uri = [&]() -> std::string {
    if (fix_given) return {};
    fix_given = true;
    return suggest_fixed(u, false);
  };

  if (leading_slash) {
    Uri v = parse(text.substr(1));
    add(ProblemKind::leading_slash, 0, 1, {}, {}, Severity::error, v.dot_prefix ? to_string(v) : "./" + std::string(text.substr(1)));
  } else if (!u.dot_prefix && !node.empty()) {
    add(ProblemKind::no_prefix, 0, 0, {}, {}, Severity::warning, "./" + std::string(text));
  }
  if (node.empty() && !leading_slash) add(ProblemKind::empty, 0, 0);
  if (node == "./") add(ProblemKind::trailing_slash, 1, 1, {}, {}, Severity::error, ".");

  if (!u.segments.empty()) {
    const std::string& first = u.raw_segments.front();
    if ((iequals(first, "user") && first != "User") || (iequals(first, "device") && first != "Device")) {
      std::string fixedScope = first.size() == 4 ? "User" : "Device";
      Uri v = u;
      v.segments.front() = fixedScope;
      add(ProblemKind::lowercase_scope, u.segment_offsets.front(), first.size(), 0, {}, Severity::warning, to_string(v));
    }
  }

  for (std::size_t i = 0; i < u.raw_segments.size(); ++i) {
    const std::string& raw = u.raw_segments[i];
    std::size_t off = u.segment_offsets[i];
    if (raw.empty()) {
      bool last = i + 1 == u.raw_segments.size();
      add(last ? ProblemKind::trailing_slash : ProblemKind::empty_segment, off == 0 ? 0 : off - 1, 1, i);
      continue;
    }
    if (raw == "*") add(ProblemKind::star_segment, off, 1, i);
    else if (raw == ".") add(ProblemKind::dot_segment, off, 1, i);
    else if (raw == "..") add(ProblemKind::dot_dot_segment, off, 2, i);
    else if (raw.back() == '.') add(ProblemKind::trailing_dot, off + raw.size() - 1, 1, i, {}, Severity::warning);

    for (std::size_t k = 0; k < raw.size(); ++k) {
      unsigned char c = static_cast<unsigned char>(raw[k]);
      if (is_space(c)) {
        std::size_t end = k;
        while (end < raw.size() && is_space(static_cast<unsigned char>(raw[end]))) ++end;
        add(ProblemKind::whitespace, off + k, end - k, i, 404, Severity::error, fixed_uri());
        k = end - 1;
      } else if (c >= 0x80) {
        std::size_t end = k;
        while (end < raw.size() && static_cast<unsigned char>(raw[end]) >= 0x80) ++end;
        add(ProblemKind::non_ascii, off + k, end - k, i, {}, Severity::error, fixed_uri());
        k = end - 1;
      } else if (c == '%') {
        bool escape = k + 2 < raw.size() && hex_value(static_cast<unsigned char>(raw[k + 1])) >= 0 &&
                      hex_value(static_cast<unsigned char>(raw[k + 2])) >= 0;
        if (!escape) add(ProblemKind::bad_escape, off + k, 1, i, {}, Severity::error, fixed_uri());
      } else if (!is_plain(c)) {
        bool tolerated = c == '{' || c == '}';  // GUID braces work unescaped in practice
        add(ProblemKind::unescaped_character, off + k, 1, i, {}, tolerated ? Severity::warning : Severity::error,
            fixed_uri());
      }
    }
    if (!valid_utf8(u.segments[i])) add(ProblemKind::escaped_invalid_utf8, off, raw.size(), i, {}, Severity::warning);
  }

  if (qmark != std::string_view::npos) {
    std::size_t qoff = qmark;
    if (!options.allow_query) {
      add(ProblemKind::bad_query, qoff, text.size() - qoff);
    } else if (u.query == QueryKind::prop) {
      if (!is_property_name(u.query_value)) add(ProblemKind::unknown_property, qoff + 6, text.size() - qoff - 6, {}, 406);
    } else if (u.query == QueryKind::list) {
      if (!parse_list(u.query_value)) add(ProblemKind::unknown_list, qoff + 6, text.size() - qoff - 6, {}, 406);
    } else {
      add(ProblemKind::bad_query, qoff, text.size() - qoff);
    }
  }

  const Limits& lim = options.limits;
  if (lim.max_depth != 0 && u.segments.size() > lim.max_depth)
    add(ProblemKind::too_deep, 0, text.size(), {}, 414);
  if (lim.max_tot_len != 0 && char_count(text) > lim.max_tot_len) add(ProblemKind::too_long, 0, text.size(), {}, 414);
  if (lim.max_seg_len != 0)
    for (std::size_t i = 0; i < u.raw_segments.size(); ++i)
      if (char_count(u.raw_segments[i]) > lim.max_seg_len)
        add(ProblemKind::segment_too_long, u.segment_offsets[i], u.raw_segments[i].size(), i, 414);

  std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) { return a.offset < b.offset; });
  return problems;
}

bool has_error(const std::vector<Problem>& problems) {
  return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.severity == Severity::error; });
}

std::string_view rule_id(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::empty: return "uri-empty";
    case ProblemKind::leading_slash: return "uri-leading-slash";
    case ProblemKind::empty_segment: return "uri-empty-segment";
    case ProblemKind::trailing_slash: return "uri-trailing-slash";
    case ProblemKind::star_segment: return "uri-star-segment";
    case ProblemKind::dot_segment: return "uri-dot-segment";
    case ProblemKind::dot_dot_segment: return "uri-dot-dot-segment";
    case ProblemKind::trailing_dot: return "uri-trailing-dot";
    case ProblemKind::whitespace: return "uri-whitespace";
    case ProblemKind::unescaped_character: return "uri-unescaped-character";
    case ProblemKind::non_ascii: return "uri-non-ascii";
    case ProblemKind::bad_escape: return "uri-bad-escape";
    case ProblemKind::escaped_invalid_utf8: return "uri-escaped-invalid-utf8";
    case ProblemKind::bad_query: return "uri-bad-query";
    case ProblemKind::unknown_property: return "uri-unknown-property";
    case ProblemKind::unknown_list: return "uri-unknown-list";
    case ProblemKind::no_prefix: return "uri-no-prefix";
    case ProblemKind::lowercase_scope: return "uri-lowercase-scope";
    case ProblemKind::too_deep: return "uri-too-deep";
    case ProblemKind::too_long: return "uri-too-long";
    case ProblemKind::segment_too_long: return "uri-segment-too-long";
  }
  return "uri-unknown";
}

std::string_view describe(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::empty: return "URI is empty";
    case ProblemKind::leading_slash: return "URI must not start with '/'";
    case ProblemKind::empty_segment: return "URI has an empty node name ('//')";
    case ProblemKind::trailing_slash: return "URI must not end with '/'";
    case ProblemKind::star_segment: return "a node name cannot be '*' alone";
    case ProblemKind::dot_segment: return "'.' is valid only as the first segment";
    case ProblemKind::dot_dot_segment: return "'..' is not allowed in a URI";
    case ProblemKind::trailing_dot: return "a node name should not end with '.'";
    case ProblemKind::whitespace: return "whitespace inside a URI (the node will not be found)";
    case ProblemKind::unescaped_character: return "character must be percent-encoded";
    case ProblemKind::non_ascii: return "non-ASCII characters must be percent-encoded UTF-8";
    case ProblemKind::bad_escape: return "'%' must be followed by two hex digits";
    case ProblemKind::escaped_invalid_utf8: return "percent-encoded bytes are not valid UTF-8";
    case ProblemKind::bad_query: return "only '?prop=' or '?list=' may follow a node URI";
    case ProblemKind::unknown_property: return "unknown property in '?prop='";
    case ProblemKind::unknown_list: return "unsupported '?list=' attribute";
    case ProblemKind::no_prefix: return "URI without './' prefix (device scope implied)";
    case ProblemKind::lowercase_scope: return "scope prefix should be 'User' or 'Device'";
    case ProblemKind::too_deep: return "URI has more segments than MaxDepth";
    case ProblemKind::too_long: return "URI is longer than MaxTotLen";
    case ProblemKind::segment_too_long: return "a node name is longer than MaxSegLen";
  }
  return "URI problem";
}

}  // namespace syncmldm::uri
