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

Payload unwrap_inner(std::string bytes, const std::string& source, Format container, int level) {
  Format inner = inner_format(bytes);
  if (inner == Format::http && level < 2) {
    Payload p = unwrap_at(std::move(bytes), source, Format::http, level + 1);
    p.container = container;
    return p;
  }
  return finish(std::move(bytes), inner == Format::http ? Format::xml : inner, container);
}

Payload unwrap_at(std::string data, const std::string& source, Format forced, int level) {
  if (data.empty()) throw Error(ErrorKind::input, "empty input", Location{source, 0});
  Format f = forced == Format::automatic ? sniff(data) : forced;
  switch (f) {
    case Format::xml:
      return finish(std::move(data), Format::xml, Format::xml);
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
      if (body == Format::automatic) body = looks_like_xml(m.body) ? Format::xml : Format::wbxml;
      Payload p = finish(std::move(m.body), body, Format::http);
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
  return unwrap_at(std::move(data), source_name, forced, 0);
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

Loaded load_mapped(const std::string& path, Format forced) {
  Loaded result;
  // read_file's limit applies to mapped files too.
  if (auto mapped = MappedFile::open(path, kMapMinBytes, std::size_t{1} << 31)) {
    Format f = forced == Format::automatic ? sniff(mapped->bytes()) : forced;
    if (f == Format::xml || f == Format::wbxml) {
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
