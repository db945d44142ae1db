// LocURI rules. The URI layer finds the problems; this file names them as rules, words them
// with the offending value, and adds what depends on the command (queries, scope notes).

#include <algorithm>

#include <fmt/format.h>

#include "syncmldm/tree/uri.hpp"
#include "validate/validate_context.hpp"

namespace syncmldm::validate::detail::locuri {
namespace {

std::string_view rule_for(uri::ProblemKind k) {
  using K = uri::ProblemKind;
  switch (k) {
    case K::empty: return "locuri-empty";
    case K::leading_slash: return "locuri-leading-slash";
    case K::empty_segment: return "locuri-empty-segment";
    case K::trailing_slash: return "locuri-trailing-slash";
    case K::star_segment: return "locuri-star-segment";
    case K::dot_segment: case K::trailing_dot: return "locuri-dot-segment";
    case K::dot_dot_segment: return "locuri-dotdot";
    case K::whitespace: return "locuri-whitespace";
    case K::unescaped_character: case K::non_ascii: case K::bad_escape: case K::escaped_invalid_utf8:
      return "locuri-escape";
    case K::bad_query: case K::unknown_property: case K::unknown_list: return "locuri-query";
    case K::no_prefix: case K::lowercase_scope: return "locuri-scope";
    case K::too_deep: case K::too_long: case K::segment_too_long: break;
  }
  return {};
}

// Keeps messages on one line whatever the URI holds.
std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out;
}

// User scope matters: it applies only while the enrolled user is signed in.
void note_user_scope(Context& ctx, const Frame& f, const Node* loc, std::string_view value) {
  if (!ctx.user_scope_noted && (value.starts_with("./User/") || value.starts_with("User/"))) {
    ctx.user_scope_noted = true;
    ctx.report(loc, "locuri-scope",
               fmt::format("user scope: '{}' applies only while the enrolled user is signed in (LoginStatus user)",
                           printable(value)),
               &f, {}, Severity::note);
  }
}

bool query_allowed(Kind k, uri::QueryKind q, std::string_view value) {
  if (q == uri::QueryKind::list) return k == Kind::get;
  if (q == uri::QueryKind::prop) {
    if (k == Kind::get || k == Kind::results) return true;
    if (k == Kind::replace) return value == "ACL" || value == "Name" || value == "Title";
    return false;
  }
  return true;
}

}  // namespace

bool obviously_clean(std::string_view v) {
  if (v.size() < 3 || v[0] != '.' || v[1] != '/') return false;
  auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
  std::size_t seg_start = 2;
  for (std::size_t i = 2; i <= v.size(); ++i) {
    char c = i < v.size() ? v[i] : '/';
    if (c == '/') {
      std::string_view seg = v.substr(seg_start, i - seg_start);
      // Empty, '.', '..' and names ending in '.' all have problems; so has a trailing '/'.
      if (seg.empty() || seg.back() == '.' || (i == v.size() - 1)) return false;
      if (seg_start == 2 && seg.size() <= 6) {
        bool user = seg.size() == 4 && (seg[0] | 0x20) == 'u' && (seg[1] | 0x20) == 's' && (seg[2] | 0x20) == 'e' &&
                    (seg[3] | 0x20) == 'r';
        bool device = seg.size() == 6 && (seg[0] | 0x20) == 'd' && (seg[1] | 0x20) == 'e' && (seg[2] | 0x20) == 'v' &&
                      (seg[3] | 0x20) == 'i' && (seg[4] | 0x20) == 'c' && (seg[5] | 0x20) == 'e';
        if ((user && seg != "User") || (device && seg != "Device")) return false;
      }
      seg_start = i + 1;
      continue;
    }
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                 c == '.' || c == '~';
    if (plain) continue;
    // An escape of an ASCII byte decodes to valid UTF-8 whatever follows.
    if (c == '%' && i + 2 < v.size() && v[i + 1] >= '0' && v[i + 1] <= '7' && hex(v[i + 2])) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

void check(Context& ctx, const Frame& f, const Node* loc, bool is_target) {
  Text t;
  read_text(loc, t);
  if (t.has_elements || t.has_cdata || !t.plain) {
    ctx.report(loc, "locuri-text",
               t.has_elements ? "LocURI holds child elements"
               : t.has_cdata  ? "LocURI holds a CDATA section"
                              : "LocURI text is split (by a comment)",
               &f);
  }
  // Layout around the URI (Microsoft's documentation breaks and indents LocURIs) is not part of
  // it: the trimmed text is judged, and the padding gets one note per message.
  std::string_view value = trim(t.value);
  if (value.empty()) {
    ctx.report(loc, "locuri-empty", "LocURI is empty", &f);
    return;
  }
  if (value.size() != t.value.size() && !ctx.padding_noted) {
    ctx.padding_noted = true;
    ctx.report(loc, "locuri-whitespace",
               fmt::format("LocURI '{}' is padded with white space: judged without it; tools that compare URIs "
                           "verbatim see the padding (not repeated for the rest of this message)",
                           printable(value)),
               &f, {}, Severity::note, true);
  }
  // Most URIs are plain "./A/B%7BC%7D" paths that cannot have a problem: skip the full checker.
  if (obviously_clean(value)) {
    note_user_scope(ctx, f, loc, value);
    return;
  }
  uri::CheckOptions options;
  auto problems = uri::check(value, options);
  std::string_view reported[8];  // one finding per rule and LocURI: the first place is enough
  std::size_t n_reported = 0;
  for (const auto& p : problems) {
    std::string_view rule = rule_for(p.kind);
    if (rule.empty()) continue;
    if (std::find(reported, reported + n_reported, rule) != reported + n_reported) continue;
    if (n_reported < std::size(reported)) reported[n_reported++] = rule;
    std::string message = fmt::format("{}: '{}'", uri::describe(p.kind), printable(value));
    if (!p.suggestion.empty()) message += fmt::format(" (did you mean '{}'?)", printable(p.suggestion));
    std::optional<Severity> severity;
    if (p.severity == uri::Severity::warning) severity = Severity::warning;
    if (p.kind == uri::ProblemKind::no_prefix || p.kind == uri::ProblemKind::lowercase_scope) severity = Severity::warning;
    // A client names its own nodes as it stores them (Windows reports an MSI product code with its
    // braces in a 1224 alert): nobody can fix that spelling, so it is only noted.
    if (rule == "locuri-escape" && ctx.windows() && ctx.direction == Direction::client) {
      severity = Severity::note;
      message += " (as the client wrote it)";
    }
    ctx.report(loc, rule, std::move(message), &f, p.status, severity);
  }
  // What the URI layer cannot know: which commands take which queries.
  std::size_t q = value.find('?');
  if (q != std::string_view::npos && is_target) {
    std::string_view query = value.substr(q + 1);
    uri::QueryKind kind = query.starts_with("list=")   ? uri::QueryKind::list
                          : query.starts_with("prop=") ? uri::QueryKind::prop
                                                       : uri::QueryKind::other;
    std::string_view qvalue = kind == uri::QueryKind::other ? query : query.substr(5);
    if (!query_allowed(f.kind, kind, qvalue)) {
      ctx.report(loc, "locuri-query",
                 fmt::format("{} does not take '?{}' ('{}')", kind_name(f.kind), query, printable(value)), &f, 405);
    }
  }
  note_user_scope(ctx, f, loc, value);
}

}  // namespace syncmldm::validate::detail::locuri
