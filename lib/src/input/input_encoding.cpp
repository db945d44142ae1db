// Text encodings of input: UTF-16 converted to UTF-8, other encodings refused with the iconv
// command that converts them (encoding.hpp).
#include "syncmldm/input/encoding.hpp"

#include <fmt/format.h>

#include "syncmldm/util/error.hpp"
#include "syncmldm/util/text.hpp"
#include "util/text_scan.hpp"
#include "util/utf8_append.hpp"

namespace syncmldm::input {

namespace {

bool is_utf16(TextEncoding e) { return e != TextEncoding::utf8 && e != TextEncoding::utf8_bom; }
bool big_endian(TextEncoding e) { return e == TextEncoding::utf16be_bom || e == TextEncoding::utf16be; }
bool has_bom(TextEncoding e) { return e == TextEncoding::utf16le_bom || e == TextEncoding::utf16be_bom; }

}  // namespace

TextEncoding detect_encoding(std::string_view d) {
  if (d.starts_with("\xEF\xBB\xBF")) return TextEncoding::utf8_bom;
  if (d.starts_with("\xFF\xFE")) return TextEncoding::utf16le_bom;
  if (d.starts_with("\xFE\xFF")) return TextEncoding::utf16be_bom;
  // "<?" in UTF-16 without a BOM (XML 1.0 appendix F).
  if (d.starts_with(std::string_view("<\0?\0", 4))) return TextEncoding::utf16le;
  if (d.starts_with(std::string_view("\0<\0?", 4))) return TextEncoding::utf16be;
  return TextEncoding::utf8;
}

namespace {

// A file name as a shell word, for the commands we suggest; standard input becomes FILE.
std::string shell_word(const std::string& path) {
  if (path.empty() || path == "-") return "FILE";
  bool plain = true;
  for (char c : path) {
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                      c == '_' || c == '-' || c == '/' || c == '+' || c == ',' || c == '=' || c == ':');
  }
  if (plain) return path;
  std::string out = "'";
  for (char c : path) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// in.xml -> in.utf8.xml: where the suggested command writes the converted copy.
std::string converted_name(const std::string& path) {
  if (path.empty() || path == "-") return "FILE.utf8";
  std::size_t slash = path.rfind('/');
  std::size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == 0 ||
      (slash != std::string::npos && dot == slash + 1)) {
    return path + ".utf8";
  }
  return path.substr(0, dot) + ".utf8" + path.substr(dot);
}

// "iconv -f FROM -t UTF-8 in.xml > in.utf8.xml", with a sed step when the declaration must be
// corrected too.
std::string iconv_line(std::string_view from, const std::string& source, std::string_view declared) {
  std::string line = fmt::format("iconv -f {} -t UTF-8 {}", from, shell_word(source));
  if (!declared.empty() && !iequals(declared, "UTF-8")) line += fmt::format(" | sed '1s/{}/UTF-8/'", declared);
  return line + " > " + shell_word(converted_name(source));
}

// The declaration's encoding value: where it starts (offset) and the name; empty when there is no
// declaration or it names none.
struct Declared {
  std::size_t offset = 0;
  std::string_view name;
};
Declared declared_encoding(std::string_view text) {
  std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  if (text.substr(start, 5) != "<?xml") return {};
  std::size_t end = text.find("?>", start);
  if (end == std::string_view::npos || end > start + 1024) return {};
  std::string_view decl = text.substr(0, end);
  std::size_t at = decl.find("encoding", start);
  if (at == std::string_view::npos) return {};
  std::size_t i = at + 8;
  while (i < decl.size() && (decl[i] == ' ' || decl[i] == '\t' || decl[i] == '\r' || decl[i] == '\n')) ++i;
  if (i >= decl.size() || decl[i] != '=') return {};
  ++i;
  while (i < decl.size() && (decl[i] == ' ' || decl[i] == '\t' || decl[i] == '\r' || decl[i] == '\n')) ++i;
  if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return {};
  char quote = decl[i++];
  std::size_t close = decl.find(quote, i);
  if (close == std::string_view::npos) return {};
  return {i, decl.substr(i, close - i)};
}

bool names_utf8(std::string_view name) { return iequals(name, "UTF-8") || iequals(name, "UTF8"); }
bool names_wide(std::string_view name) {
  std::string lower = ascii_lower(name);
  return lower.starts_with("utf-16") || lower.starts_with("utf16") || lower.starts_with("utf-32") ||
         lower.starts_with("utf32") || lower.starts_with("ucs-") || lower.starts_with("ucs2") ||
         lower.starts_with("ucs4") || lower.starts_with("unicode");
}

// 1-based line and column (in characters) of `offset`.
Location place(std::string_view text, const std::string& source, std::size_t offset) {
  std::uint32_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return Location{source, offset, line, column};
}

// Offset of the first byte that does not begin a valid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view text) {
  const char* d = text.data();
  std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    // Line breaks and indentation do not end the run: ASCII is valid UTF-8 whatever it is.
    i = detail::skip_xml_ascii(d, i, n);
    if (i >= n) break;
    auto c = static_cast<unsigned char>(d[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || n - i < len) return i;
    std::uint32_t cp = c & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
      auto b = static_cast<unsigned char>(d[i + k]);
      if ((b & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr std::uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool all_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::string_view encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::utf8: return "UTF-8";
    case TextEncoding::utf8_bom: return "UTF-8 with BOM";
    case TextEncoding::utf16le_bom: return "UTF-16LE with BOM";
    case TextEncoding::utf16be_bom: return "UTF-16BE with BOM";
    case TextEncoding::utf16le: return "UTF-16LE without BOM";
    case TextEncoding::utf16be: return "UTF-16BE without BOM";
  }
  return "UTF-8";
}

bool converted(TextEncoding encoding) { return is_utf16(encoding); }

TextEncoding to_utf8(std::string& data, const std::string& source) {
  TextEncoding was = detect_encoding(data);
  if (!is_utf16(was)) return was;
  const bool be = big_endian(was);
  const std::size_t start = has_bom(was) ? 2 : 0;
  auto fail = [&](std::size_t at, std::string message) {
    return Error(ErrorKind::input, fmt::format("{} (the input is {})", message, encoding_name(was)), Location{source, at});
  };
  if (data.size() % 2 != 0) throw fail(data.size() - 1, "odd number of bytes in UTF-16 text");
  auto unit = [&](std::size_t i) -> std::uint32_t {
    auto a = static_cast<unsigned char>(data[i]), b = static_cast<unsigned char>(data[i + 1]);
    return be ? (a << 8 | b) : (b << 8 | a);
  };
  std::string out;
  out.reserve((data.size() - start) / 2 * 3 / 2 + 16);  // ASCII halves, CJK grows by half
  for (std::size_t i = start; i < data.size(); i += 2) {
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 4 > data.size()) throw fail(i, "unpaired UTF-16 surrogate");
      std::uint32_t low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) throw fail(i, "unpaired UTF-16 surrogate");
      u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      throw fail(i, "unpaired UTF-16 surrogate");
    }
    detail::append_utf8(out, u);
  }
  // The declaration must agree with the bytes; a UTF-16 name becomes UTF-8 in the same room.
  Declared d = declared_encoding(out);
  if (!d.name.empty()) {
    if (!names_wide(d.name) || ascii_lower(d.name).find("32") != std::string::npos) {
      throw Error(ErrorKind::input,
                  fmt::format("the XML declaration says encoding '{}' but the text is {}; convert it with: {}", d.name,
                              encoding_name(was), iconv_line(be ? "UTF-16BE" : "UTF-16LE", source, "")),
                  Location{source, original_offset(out, d.offset, was), 1,
                           static_cast<std::uint32_t>(d.offset + 1)});
    }
    // The closing quote moves left, spaces after it.
    std::string replacement = "UTF-8";
    replacement += out[d.offset + d.name.size()];
    if (replacement.size() < d.name.size() + 1) replacement.resize(d.name.size() + 1, ' ');
    out.replace(d.offset, d.name.size() + 1, replacement);
  }
  data = std::move(out);
  return was;
}

std::uint64_t original_offset(std::string_view utf8, std::uint64_t offset, TextEncoding was) {
  if (!is_utf16(was)) return offset;
  std::uint64_t original = has_bom(was) ? 2 : 0;
  for (std::size_t i = 0; i < offset && i < utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8[i]);
    if ((c & 0xC0) == 0x80) continue;
    original += (c & 0xF8) == 0xF0 ? 4 : 2;  // four UTF-8 bytes: a surrogate pair
  }
  return original;
}

namespace {

// The declaration's part of check_xml_encoding: a name other than UTF-8 over text it does not
// describe.
void check_declared_encoding(std::string_view text, const std::string& source, const Declared& d) {
  if (d.name.empty() || names_utf8(d.name)) return;
  if (names_wide(d.name)) {
    throw Error(ErrorKind::input,
                fmt::format("the XML declaration says encoding '{}' but the text is 8-bit (no UTF-16 byte order "
                            "mark); if it is UTF-8, correct the declaration: sed -i '1s/{}/UTF-8/' {}",
                            d.name, d.name, shell_word(source)),
                place(text, source, d.offset));
  }
  // An ASCII-compatible name over ASCII text: the bytes mean the same in UTF-8.
  if (all_ascii(text)) return;
  std::size_t bad = first_invalid_utf8(text);
  std::size_t at = bad != std::string_view::npos ? bad : d.offset;
  throw Error(ErrorKind::input,
              fmt::format("the XML declaration says encoding '{}'; the tools read UTF-8 (and UTF-16 with a byte "
                          "order mark): convert it with: {}",
                          d.name, iconv_line(d.name, source, d.name)),
              place(text, source, at));
}

bool is_xml(std::string_view text) {
  std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  return start < text.size() && text[start] == '<';
}

}  // namespace

void check_xml_encoding(std::string_view text, const std::string& source) {
  if (!is_xml(text)) return;
  check_declared_encoding(text, source, declared_encoding(text));
  std::size_t bad = first_invalid_utf8(text);
  if (bad == std::string_view::npos) return;
  auto byte = static_cast<unsigned char>(text[bad]);
  throw Error(ErrorKind::input,
              fmt::format("not UTF-8 (byte 0x{:02X}); if the text is ISO-8859-1 or windows-1252, convert it with: {}",
                          byte, iconv_line("WINDOWS-1252", source, "")),
              place(text, source, bad));
}

void check_xml_declared_encoding(std::string_view text, const std::string& source) {
  if (is_xml(text)) check_declared_encoding(text, source, declared_encoding(text));
}

}  // namespace syncmldm::input
