// Hex dumps back to bytes.
#include <optional>

#include <fmt/format.h>

#include "input/input_detail.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/input/input.hpp"

namespace syncmldm::input::detail {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

struct HexParser {
  std::string_view text;
  const std::string& source;
  std::string out;
  std::string last_line;   // bytes of the previous dump line (for hexdump's '*')
  bool repeat = false;
  bool dump_mode = false;  // lines carry offsets

  Error fail(std::size_t at, std::string message) const {
    return Error(ErrorKind::input, std::move(message), Location{source, at});
  }

  // Bytes of a dump line's data area: pairs/groups of hex digits separated by single spaces (a
  // double space after the 8th byte in hexdump -C); anything after is the ASCII column.
  void dump_data(std::string_view line, std::size_t base) {
    std::size_t i = 0, count = 0;
    last_line.clear();
    while (i < line.size()) {
      std::size_t run = i;
      while (i < line.size() && hex_value(line[i]) >= 0) ++i;
      std::size_t len = i - run;
      if (len == 0 || len % 2 != 0) {
        if (count == 0) throw fail(base + run, "dump line without hex bytes");
        break;  // the ASCII column
      }
      if (i < line.size() && line[i] != ' ' && line[i] != '\t') {
        if (count == 0) throw fail(base + i, fmt::format("unexpected character '{}' in a hex dump", line[i]));
        break;
      }
      for (std::size_t k = run; k < i; k += 2) {
        last_line.push_back(static_cast<char>(hex_value(line[k]) * 16 + hex_value(line[k + 1])));
      }
      count += len / 2;
      std::size_t spaces = 0;
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i, ++spaces;
      if (spaces == 1) continue;
      if (spaces == 2 && count == 8 && len == 2) continue;
      break;
    }
    out.append(last_line);
  }

  // Offset of a dump line; fills a '*' repeat up to it; checks that it follows on.
  void at_offset(std::uint64_t offset, std::size_t where) {
    if (repeat) {
      repeat = false;
      if (last_line.empty()) throw fail(where, "'*' repeat without a previous line");
      // Bound the whole output, not each repeat: many small repeats must not add up to more.
      if (offset < out.size() || offset > input::kMaxHexExpansion * (text.size() + 1024)) {
        throw fail(where, offset < out.size()
                              ? fmt::format("repeat up to offset 0x{:x} goes backwards", offset)
                              : fmt::format("repeat up to offset 0x{:x} would expand the dump more than {} times",
                                            offset, input::kMaxHexExpansion));
      }
      while (out.size() + last_line.size() <= offset) out.append(last_line);
      if (out.size() != offset) throw fail(where, fmt::format("repeat does not end at offset 0x{:x}", offset));
    }
    if (offset != out.size()) {
      throw fail(where, fmt::format("dump offset 0x{:x} does not follow on (expected 0x{:x})", offset, out.size()));
    }
  }

  // "0x02, 0xa4 01:6a" -> bytes.
  void plain(std::string_view line, std::size_t base) {
    std::size_t i = 0;
    int pending = -1;
    while (i < line.size()) {
      char c = line[i];
      if (c == ' ' || c == '\t' || c == ',' || c == ':' || c == '\r') {
        if (pending >= 0 && (c == ',' || c == ':')) {
          out.push_back(static_cast<char>(pending));  // "0x2," is one byte
          pending = -1;
        }
        ++i;
        continue;
      }
      if ((c == '0') && i + 1 < line.size() && (line[i + 1] == 'x' || line[i + 1] == 'X') && pending < 0) {
        i += 2;
        continue;
      }
      int v = hex_value(c);
      if (v < 0) throw fail(base + i, fmt::format("'{}' is not a hex digit", c));
      if (pending < 0) {
        pending = v;
      } else {
        out.push_back(static_cast<char>(pending * 16 + v));
        pending = -1;
      }
      ++i;
    }
    if (pending >= 0) throw fail(base + line.size(), "odd number of hex digits");
  }

  void run(std::size_t pos, std::size_t stop) {
    while (pos < stop) {
      std::size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos || eol > stop) eol = stop;
      std::string_view line = text.substr(pos, eol - pos);
      std::size_t base = pos;
      pos = eol + 1;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
      std::size_t lead = 0;
      while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t')) ++lead;
      line.remove_prefix(lead);
      base += lead;
      if (line.empty()) continue;
      if (line == "*") {
        repeat = true;
        continue;
      }
      std::size_t digits = 0;
      while (digits < line.size() && hex_value(line[digits]) >= 0) ++digits;
      std::uint64_t offset = 0;
      bool has_offset = false;
      std::size_t data_at = 0;
      if (digits >= 4 && digits <= 16) {
        if (digits < line.size() && line[digits] == ':' && digits + 1 < line.size() && line[digits + 1] == ' ') {
          has_offset = true;  // xxd
          data_at = digits + 1;
        } else if (digits + 1 < line.size() && line[digits] == ' ' && line[digits + 1] == ' ') {
          has_offset = true;  // hexdump -C, Wireshark
          data_at = digits;
        } else if (digits == line.size() && dump_mode) {
          // hexdump's last line: the total length.
          for (std::size_t k = 0; k < digits; ++k) offset = offset * 16 + static_cast<unsigned>(hex_value(line[k]));
          at_offset(offset, base);
          continue;
        }
      }
      if (has_offset) {
        if (!dump_mode && !out.empty()) throw fail(base, "a dump line after plain hex");
        dump_mode = true;
        for (std::size_t k = 0; k < digits; ++k) offset = offset * 16 + static_cast<unsigned>(hex_value(line[k]));
        at_offset(offset, base);
        std::size_t d = data_at;
        while (d < line.size() && (line[d] == ' ' || line[d] == '\t')) ++d;
        dump_data(line.substr(d), base + d);
      } else {
        if (dump_mode) throw fail(base, "a line without an offset inside a hex dump");
        plain(line, base);
      }
    }
    if (repeat) throw fail(text.size(), "'*' repeat at the end of the dump without a final offset");
  }
};

bool is_ident(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// `xxd -i` output: "unsigned char NAME[] = {" hex bytes "};" and "unsigned int NAME_len = N;".
// The braces' inside (from, to) when `text` is such a C array.
struct CArray {
  std::size_t from = 0, to = 0;
  std::optional<std::uint64_t> length;  // NAME_len
  std::size_t length_at = 0;
};
std::optional<CArray> c_array(std::string_view text) {
  std::size_t open = text.find('{');
  if (open == std::string_view::npos || open > 512) return std::nullopt;
  std::string_view head = text.substr(0, open);
  std::size_t brackets = head.find("[]");
  if (brackets == std::string_view::npos || head.find('=', brackets) == std::string_view::npos) return std::nullopt;
  // The declaration: words (types, qualifiers, the name) before the brackets.
  for (char c : head.substr(0, brackets)) {
    if (!is_ident(c) && c != ' ' && c != '\t' && c != '\r' && c != '\n') return std::nullopt;
  }
  std::size_t close = text.find('}', open);
  if (close == std::string_view::npos) return std::nullopt;
  CArray a{open + 1, close, std::nullopt, 0};
  std::size_t len = text.find("_len", close);
  if (len != std::string_view::npos) {
    std::size_t eq = text.find('=', len);
    std::size_t k = eq == std::string_view::npos ? text.size() : eq + 1;
    while (k < text.size() && text[k] == ' ') ++k;
    std::uint64_t n = 0;
    std::size_t digits = 0;
    while (k < text.size() && text[k] >= '0' && text[k] <= '9' && digits < 15) n = n * 10 + (text[k++] - '0'), ++digits;
    if (digits > 0) a.length = n, a.length_at = len;
  }
  return a;
}

}  // namespace

std::string parse_hex(std::string_view text, const std::string& source) {
  HexParser p{text, source, {}, {}, false, false};
  p.out.reserve(text.size() / 2);
  if (auto a = c_array(text)) {
    p.run(a->from, a->to);
    if (a->length && *a->length != p.out.size()) {
      throw p.fail(a->length_at, fmt::format("the C array holds {} bytes but its _len says {}", p.out.size(), *a->length));
    }
    return std::move(p.out);
  }
  p.run(0, text.size());
  return std::move(p.out);
}

bool looks_like_hex(std::string_view text) {
  // Cheap character check first, then a real parse.
  bool digit = false;
  for (char c : text) {
    if (hex_value(c) >= 0) digit = true;
  }
  if (!digit) return false;
  try {
    static const std::string none;
    return !parse_hex(text, none).empty();
  } catch (const Error&) {
    return false;
  }
}

}  // namespace syncmldm::input::detail
