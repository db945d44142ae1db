// Input sniffing and unwrapping: decides what a file holds and peels hex, Base64 and HTTP
// layers off until XML or WBXML remains.
#include "syncmldm/input/input.hpp"

#include <cctype>

#include <fmt/format.h>

#include "input/input_detail.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/base64.hpp"
#include "syncmldm/wbxml/wbxml.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::input {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::size_t first_non_blank(std::string_view d) {
  std::size_t i = d.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < d.size() && is_blank(d[i])) ++i;
  return i;
}

bool looks_like_xml(std::string_view d) {
  std::size_t i = first_non_blank(d);
  return i < d.size() && d[i] == '<';
}


// Text that is meant as hex, even if it does not parse: a dump line with an offset, or almost
// only hex digits and separators. Its parse error is then the useful message.
bool hexish(std::string_view d) {
  std::size_t i = first_non_blank(d), digits = 0;
  while (i + digits < d.size() && std::isxdigit(static_cast<unsigned char>(d[i + digits]))) ++digits;
  if (digits >= 4 && i + digits + 1 < d.size() &&
      (d[i + digits] == ':' || (d[i + digits] == ' ' && d[i + digits + 1] == ' '))) {
    return true;
  }
  // Whitespace/comma separated tokens, mostly hex numbers.
  std::size_t tokens = 0, hex_tokens = 0;
  for (std::size_t k = 0; k < d.size();) {
    while (k < d.size() && (is_blank(d[k]) || d[k] == ',')) ++k;
    std::size_t start = k;
    while (k < d.size() && !is_blank(d[k]) && d[k] != ',') ++k;
    if (k == start) break;
    std::string_view t = d.substr(start, k - start);
    if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) t.remove_prefix(2);
    ++tokens;
    bool ok = !t.empty();
    for (char c : t) ok = ok && (std::isxdigit(static_cast<unsigned char>(c)) || c == ':');
    if (ok) ++hex_tokens;
  }
  return tokens >= 2 && hex_tokens * 4 >= tokens * 3;
}

bool decodes_to_message(std::string_view b64) {
  auto bytes = base64::decode(b64);
  if (!bytes || bytes->empty()) return false;
  return looks_like_xml(*bytes) || wbxml::looks_like_wbxml(*bytes) || detail::looks_like_http(*bytes);
}

// An inner layer (inside hex or Base64): XML, WBXML or HTTP; WBXML when unsure, so that the
// decoder can say what is wrong with it.
Format inner_format(std::string_view bytes) {
  if (looks_like_xml(bytes)) return Format::xml;
  if (detail::looks_like_http(bytes)) return Format::http;
  return Format::wbxml;
}

Payload finish(std::string bytes, Format payload, Format container) {
  Payload p;
  p.bytes = std::move(bytes);
  p.payload = payload;
  p.container = container;
  return p;
}

Payload unwrap_at(std::string data, const std::string& source, Format forced, int level);

// What follows an HTTP message's body in a capture: another message (a capture of a session),
// or bytes its Content-Length left out.
std::vector<std::string> after_http_message(std::string_view data, const detail::HttpMessage& m) {
  if (!m.framed || m.end >= data.size()) return {};
  std::size_t next = m.end;
  while (next < data.size() && is_blank(data[next])) ++next;
  if (next == data.size()) return {};
  if (detail::looks_like_http(data.substr(next))) {
    return {fmt::format("offset {}: the capture holds more than one HTTP message; only the first is read "
                        "(dm-trace reads a whole session)",
                        next)};
  }
  if (!m.by_length) return {};
  return {fmt::format("offset {}: the body was cut at its Content-Length ({} bytes); {} more bytes follow it",
                      m.end, m.body.size(), data.size() - m.end)};
}

// An XML payload: UTF-16 converted, anything else that is not UTF-8 refused.
Payload xml_payload(std::string bytes, const std::string& source, Format container) {
  TextEncoding was = to_utf8(bytes, source);
  check_xml_encoding(bytes, source);
  Payload p = finish(std::move(bytes), Format::xml, container);
  p.encoding = was;
  return p;
}

Payload unwrap_inner(std::string bytes, const std::string& source, Format container, int level) {
  to_utf8(bytes, source);  // a hex dump of UTF-16 text
  Format inner = inner_format(bytes);
  if (inner == Format::http && level < 2) {
    Payload p = unwrap_at(std::move(bytes), source, Format::http, level + 1);
    p.container = container;
    return p;
  }
  if (inner != Format::wbxml) return xml_payload(std::move(bytes), source, container);
  return finish(std::move(bytes), Format::wbxml, container);
}

Payload unwrap_at(std::string data, const std::string& source, Format forced, int level) {
  if (data.empty()) throw Error(ErrorKind::input, "empty input", Location{source, 0});
  Format f = forced == Format::automatic ? sniff(data) : forced;
  switch (f) {
    case Format::xml:
      return xml_payload(std::move(data), source, Format::xml);
    case Format::wbxml:
      return finish(std::move(data), Format::wbxml, Format::wbxml);
    case Format::hex: {
      std::string bytes = detail::parse_hex(data, source);
      if (bytes.empty()) throw Error(ErrorKind::input, "hex input holds no bytes", Location{source, 0});
      return unwrap_inner(std::move(bytes), source, Format::hex, level);
    }
    case Format::base64: {
      auto bytes = base64::decode(data);
      if (!bytes) throw Error(ErrorKind::input, "not valid Base64", Location{source, 0});
      if (bytes->empty()) throw Error(ErrorKind::input, "Base64 input holds no bytes", Location{source, 0});
      return unwrap_inner(std::move(*bytes), source, Format::base64, level);
    }
    case Format::http: {
      detail::HttpMessage m = detail::parse_http(data, source);
      Format body = format_of_content_type(m.content_type);
      if (body == Format::automatic) {
        body = looks_like_xml(m.body) || converted(to_utf8(m.body, source)) ? Format::xml : Format::wbxml;
      }
      std::vector<std::string> notes = level == 0 ? after_http_message(data, m) : std::vector<std::string>{};
      Payload p = body == Format::xml ? xml_payload(std::move(m.body), source, Format::http)
                                      : finish(std::move(m.body), body, Format::http);
      p.notes = std::move(notes);
      p.content_type = std::move(m.content_type);
      p.start_line = std::move(m.start_line);
      return p;
    }
    case Format::automatic:
      break;
  }
  if (first_non_blank(data) == data.size()) throw Error(ErrorKind::input, "empty input (only white space)", Location{source, 0});
  auto b = static_cast<unsigned char>(data[0]);
  // A version byte: WBXML with a bad header; let the decoder say what is wrong.
  if (b <= 0x03) return finish(std::move(data), Format::wbxml, Format::wbxml);
  throw Error(ErrorKind::input,
              fmt::format("input is not XML, WBXML, hex, Base64 or an HTTP message (first byte 0x{:02X})", b),
              Location{source, 0});
}

}  // namespace

std::string_view format_name(Format format) {
  switch (format) {
    case Format::automatic: return "auto";
    case Format::xml: return "xml";
    case Format::wbxml: return "wbxml";
    case Format::hex: return "hex";
    case Format::base64: return "base64";
    case Format::http: return "http";
  }
  return "auto";
}

Format parse_format(std::string_view name) {
  for (Format f : {Format::automatic, Format::xml, Format::wbxml, Format::hex, Format::base64, Format::http}) {
    if (format_name(f) == name) return f;
  }
  throw Error(ErrorKind::usage, fmt::format("unknown input format '{}' (auto, xml, wbxml, hex, base64, http)", name));
}

Format sniff(std::string_view data) {
  if (data.empty()) return Format::automatic;
  if (looks_like_xml(data)) return Format::xml;
  if (wbxml::looks_like_wbxml(data)) return Format::wbxml;
  if (detail::looks_like_http(data)) return Format::http;
  if (detail::looks_like_hex(data)) return Format::hex;
  bool b64 = detail::looks_like_base64(data);
  if (b64 && decodes_to_message(data)) return Format::base64;
  if (hexish(data)) return Format::hex;  // so that the hex error is reported
  if (b64) return Format::base64;
  return Format::automatic;
}

Payload unwrap(std::string data, const std::string& source_name, Format forced) {
  // UTF-16 text (XML, or a hex dump PowerShell wrote) is read as UTF-8; a place known only by its
  // offset in the converted text is told as the offset in the file.
  TextEncoding was = forced == Format::wbxml ? TextEncoding::utf8 : to_utf8(data, source_name);
  if (!converted(was)) {
    Payload p = unwrap_at(std::move(data), source_name, forced, 0);
    if (p.encoding == TextEncoding::utf8) p.encoding = was;
    return p;
  }
  try {
    Payload p = unwrap_at(data, source_name, forced, 0);
    p.encoding = was;
    return p;
  } catch (const Error& e) {
    if (e.where().line != 0 || !e.where().offset) throw;
    Location at = e.where();
    at.offset = original_offset(data, *at.offset, was);
    throw Error(e.kind(), e.message(), at);
  }
}

Payload load(const std::string& path, Format forced) { return unwrap(read_file(path), path, forced); }

std::string read(const std::string& path) {
  try {
    return read_file(path);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::io) throw;
    // read_file says which step failed ("cannot open: ..."); a reader of many inputs names
    // every failure alike.
    std::string_view reason = e.message();
    if (auto colon = reason.find(": "); colon != std::string_view::npos && reason.substr(0, 7) == "cannot ")
      reason.remove_prefix(colon + 2);
    throw Error(ErrorKind::io, "cannot read: " + std::string(reason), e.where());
  }
}

std::string read_text(const std::string& path, TextEncoding* was) {
  std::string text = read(path);
  TextEncoding e = to_utf8(text, path);
  if (was) *was = e;
  return text;
}

Loaded load_mapped(const std::string& path, Format forced, Utf8Scan scan, MappedFile::Mode mode) {
  Loaded result;
  // read_file's limit applies to mapped files too.
  if (auto mapped = MappedFile::open(path, kMapMinBytes, std::size_t{1} << 31, mode)) {
    Format f = forced == Format::automatic ? sniff(mapped->bytes()) : forced;
    bool wide = converted(detect_encoding(mapped->bytes())) && f != Format::wbxml;  // UTF-16: converted below
    if (!wide && (f == Format::xml || f == Format::wbxml)) {
      if (f == Format::xml && scan == Utf8Scan::now) check_xml_encoding(mapped->bytes(), path);
      if (f == Format::xml && scan == Utf8Scan::by_caller) {
        check_xml_declared_encoding(mapped->bytes(), path);
        result.utf8_unchecked = true;
      }
      if (mapped->bytes().starts_with("\xEF\xBB\xBF")) result.payload.encoding = TextEncoding::utf8_bom;
      result.payload.payload = result.payload.container = f;
      result.mapped = std::move(mapped);
      return result;
    }
    // Hex, Base64 or HTTP: unwrapped into memory anyway.
    result.payload = unwrap(std::string(mapped->bytes()), path, forced);
    return result;
  }
  result.payload = load(path, forced);
  return result;
}

Format format_of_content_type(std::string_view ct) {
  std::size_t semi = ct.find(';');
  if (semi != std::string_view::npos) ct = ct.substr(0, semi);
  while (!ct.empty() && is_blank(ct.back())) ct.remove_suffix(1);
  while (!ct.empty() && is_blank(ct.front())) ct.remove_prefix(1);
  auto ends_with_ci = [&](std::string_view suffix) { return iends_with(ct, suffix); };
  if (ends_with_ci("+wbxml") || ends_with_ci("/wbxml") || ends_with_ci("wap.wbxml")) return Format::wbxml;
  if (ends_with_ci("+xml") || ends_with_ci("/xml")) return Format::xml;
  return Format::automatic;
}

// Base64 alphabet and white space only, a multiple of four characters: raw binary data with a
// digest first, or XML, almost never is.
bool detail::looks_like_base64(std::string_view d) {
  std::size_t chars = 0;
  for (char c : d) {
    if (is_blank(c)) continue;
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
              c == '=';
    if (!ok) return false;
    ++chars;
  }
  return chars > 0 && chars % 4 == 0;
}

}  // namespace syncmldm::input
