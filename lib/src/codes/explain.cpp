// explain(): a token read as a SyncML status or an HRESULT, looked up in the one table.
#include "syncmldm/codes/explain.hpp"

#include <charconv>
#include <climits>
#include <cstdio>

#include "syncmldm/codes/status.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm::codes {
namespace {

constexpr std::string_view kRepPro = "SyncML RepPro 1.2, status codes";
constexpr std::string_view kIntuneWrap = "Windows MDM SyncML error codes as Intune reports them (0x87D10000 + status)";
constexpr std::uint32_t kIntuneStatusBase = 0x87D10000;

std::string hex_code(std::uint32_t value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(value));
  return buf;
}

std::int64_t signed_form(std::uint32_t value) { return static_cast<std::int32_t>(value); }

// The class of a status nobody defined.
std::string status_class(int code) {
  if (code >= 100 && code <= 199) return "1xx: informational";
  if (code >= 200 && code <= 299) return "2xx: success";
  if (code >= 300 && code <= 399) return "3xx: redirection";
  if (code >= 400 && code <= 499) return "4xx: originator error (the request was wrong)";
  if (code >= 500 && code <= 599) return "5xx: recipient error (the recipient failed to carry out a valid request)";
  if (code >= 600 && code <= 639) return "600-639: Windows Health Attestation CSP status";
  if (code >= 1000 && code <= 1999) return "1000-1999: application-specific";
  return "outside every SyncML status range";
}

// The class of an HRESULT nobody in the table defined: severity and facility.
std::string hresult_class(std::uint32_t v, Kind& kind) {
  const bool failure = (v & 0x80000000u) != 0;
  const unsigned facility = (v >> 16) & 0x7FF;
  const unsigned code = v & 0xFFFF;
  std::string what = failure ? "failure" : "success";
  switch (facility) {
    case 7: return what + " HRESULT of Win32 error " + std::to_string(code);
    case 24: kind = Kind::enrollment; return what + " HRESULT of facility 24 (device enrolment, MENROLL_*)";
    case 25: kind = Kind::enrollment; return what + " HRESULT of facility 25 (Windows 8.1 MDM registration, MREGISTER_*)";
    case 0x600: return what + " HRESULT of the Windows DM client's configuration manager (0x86000000 family)";
    case 0x7D1: return what + " HRESULT of facility 2001 (Configuration Manager and Intune, 0x87D1xxxx)";
    default: return what + " HRESULT of facility " + std::to_string(facility);
  }
}

[[noreturn]] void bad_token(std::string_view token) {
  throw Error(ErrorKind::usage,
              "'" + std::string(token) +
                  "' is not a code: give a SyncML status (404), an HRESULT as 0x86000002, 86000002 or "
                  "-2046820350, or its unsigned decimal");
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool all_hex(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

template <class T>
bool parse(std::string_view s, T& out, int base) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out, base);
  return ec == std::errc() && end == s.data() + s.size();
}

Explanation explain_hresult(std::uint32_t v) {
  Explanation e;
  e.code = hex_code(v);
  e.decimal = signed_form(v);
  e.kind = Kind::hresult;
  if (auto h = find_hresult(v)) {
    e.known = true;
    e.kind = h->kind;
    e.name = h->name;
    e.meaning = h->meaning;
    e.source = h->source;
    return e;
  }
  // Intune's form of a SyncML status: 0x87D10000 + the status.
  if ((v & 0xFFFF0000u) == kIntuneStatusBase) {
    int status = static_cast<int>(v & 0xFFFF);
    if (status >= 100 && status <= 1999) {
      Explanation s = explain_status(status);
      s.decimal = e.decimal;
      s.note = "Intune's " + e.code + " (" + std::to_string(*e.decimal) + ") is SyncML status " +
               std::to_string(status);
      if (s.known) s.source = std::string(s.source) + "; " + std::string(kIntuneWrap);
      return s;
    }
  }
  Kind kind = Kind::hresult;
  e.meaning = "unknown: " + hresult_class(v, kind);
  e.kind = kind;
  return e;
}

}  // namespace

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::syncml_status: return "syncml-status";
    case Kind::hresult: return "hresult";
    case Kind::enrollment: return "enrollment";
  }
  return "";
}

Explanation explain_status(int code) {
  Explanation e;
  e.code = std::to_string(code);
  e.kind = Kind::syncml_status;
  if (auto s = find_status(code)) {
    e.known = true;
    e.name = s->name;
    e.meaning = s->meaning;
    e.source = kRepPro;
  } else {
    e.meaning = "unknown: " + status_class(code);
  }
  return e;
}

std::string status_label(int code) {
  Explanation e = explain_status(code);
  return e.known ? e.code + " " + e.name : e.code + " (" + e.meaning + ")";
}

Explanation explain(std::string_view token) {
  std::string_view t = token;
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  if (t.empty() || t.size() > 24) bad_token(token);
  Explanation e;
  if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
    std::string_view digits = t.substr(2);
    std::uint32_t v = 0;
    if (digits.size() > 8 || !all_hex(digits) || !parse(digits, v, 16)) bad_token(token);
    e = explain_hresult(v);
  } else if (t[0] == '-') {
    std::int64_t v = 0;
    if (!all_digits(t.substr(1)) || !parse(t, v, 10) || v < INT32_MIN || v >= 0) bad_token(token);
    e = explain_hresult(static_cast<std::uint32_t>(v + 0x100000000LL));
    if (e.note.empty()) e.note = "Intune's negative decimal " + std::string(t) + " is " + hex_code(static_cast<std::uint32_t>(v + 0x100000000LL));
  } else if (all_digits(t) && t.size() <= 4) {
    int v = 0;
    parse(t, v, 10);
    e = explain_status(v);
  } else if (t.size() == 8 && all_hex(t)) {
    // Eight digits are an HRESULT without its 0x (MS-MDE2 and event logs write them so).
    std::uint32_t v = 0;
    parse(t, v, 16);
    e = explain_hresult(v);
  } else if (all_digits(t)) {
    std::uint64_t v = 0;
    if (!parse(t, v, 10) || v > 0xFFFFFFFFull) bad_token(token);
    e = explain_hresult(static_cast<std::uint32_t>(v));
  } else if (t.size() < 8 && all_hex(t)) {
    std::uint32_t v = 0;
    parse(t, v, 16);
    e = explain_hresult(v);
  } else {
    bad_token(token);
  }
  e.token = std::string(token);
  return e;
}

}  // namespace syncmldm::codes
