// WBXML: the reader walks the tokens; a secret's inline string, string-table string or opaque
// bytes are overwritten where they are, an entity's code point becomes 'X' in as many bytes, so
// the token structure (and every length and offset) stays as it was. Text is judged as in XML;
// so are the attributes of a provisioning document's <parm> (its value, by its name).
#include <algorithm>
#include <string>

#include "redact/judge.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/wbxml/wbxml.hpp"

namespace syncmldm::redact {
namespace {

// Offset of `piece` in `in`, or npos when it does not point into it (a value the reader built).
std::size_t offset_in(std::string_view in, std::string_view piece) {
  auto b = reinterpret_cast<std::uintptr_t>(in.data());
  auto p = reinterpret_cast<std::uintptr_t>(piece.data());
  if (piece.empty() || p < b || p + piece.size() > b + in.size()) return std::string_view::npos;
  return static_cast<std::size_t>(p - b);
}

// ENTITY's mb_u_int32 after the token at `offset`: the same number of bytes, value 'X'.
bool mark_entity(std::string& out, std::size_t offset) {
  std::size_t p = offset + 1, end = p;
  while (end < out.size() && (static_cast<unsigned char>(out[end]) & 0x80)) ++end;
  if (end >= out.size()) return false;
  for (std::size_t i = p; i < end; ++i) out[i] = static_cast<char>(0x80);
  out[end] = 'X';
  return true;
}

// The value tokens of an attribute, bytes [from, to) of `in` (read once already by the reader,
// so well formed). A secret value: its inline strings, string-table strings and opaque bytes are
// marked, an entity becomes 'X'. Otherwise the strings are searched for embedded secrets (a
// Wi-Fi profile's keyMaterial). A token that stands for a fixed piece of a value ("http://",
// ".com") stays: it says nothing secret, and another token would change the value's structure.
// Returns how many values were marked.
std::size_t mark_value_tokens(std::string& out, std::string_view in, std::size_t from, std::size_t to,
                              const wbxml::Header& header, bool secret) {
  std::size_t marked = 0;
  auto piece = [&](std::size_t at, std::size_t n) {
    if (secret) marked += detail::mark(out, at, n) ? 1 : 0;
    else marked += detail::mark_embedded(out, at, n);
  };
  std::string none;
  to = std::min(to, in.size());
  for (std::size_t p = from; p < to;) {
    auto t = static_cast<std::uint8_t>(in[p]);
    if (t == wbxml::tok::kSwitchPage) {
      p += 2;
    } else if (t == wbxml::tok::kStrI) {
      std::size_t nul = std::min(in.find('\0', p + 1), to);
      piece(p + 1, nul - p - 1);
      p = nul + 1;
    } else if (t == wbxml::tok::kStrT) {
      ++p;
      std::uint32_t index = wbxml::read_mb_u_int32(in, p, none);
      std::string_view table = header.string_table;
      if (index < table.size()) {
        std::size_t end = std::min(table.find('\0', index), table.size());
        piece(header.string_table_offset + index, end - index);
      }
    } else if (t == wbxml::tok::kEntity) {
      if (secret) marked += mark_entity(out, p) ? 1 : 0;
      ++p;
      wbxml::read_mb_u_int32(in, p, none);
    } else if (t == wbxml::tok::kOpaque) {
      ++p;
      std::uint32_t length = wbxml::read_mb_u_int32(in, p, none);
      std::size_t n = std::min<std::size_t>(length, to - std::min(p, to));
      piece(p, n);
      p += n;
    } else {
      ++p;
    }
  }
  // A secret split over several tokens is one value.
  return secret ? std::min<std::size_t>(marked, 1) : marked;
}

// The length of the attribute start token at `at` (a LITERAL name has its index after it).
std::size_t attribute_start_length(std::string_view in, std::size_t at) {
  if (static_cast<std::uint8_t>(in[at]) != wbxml::tok::kLiteral) return 1;
  std::size_t p = at + 1;
  wbxml::read_mb_u_int32(in, p, std::string());
  return p - at;
}

// A <parm> whose attributes are being read: its name, and where its value's tokens are.
struct Parm {
  bool open = false;
  std::string name;
  std::size_t value_from = 0, value_to = 0;
  bool has_value = false;
};

}  // namespace

Result wbxml(std::string_view bytes, const Options& options, std::string_view source) {
  Result result;
  result.bytes = std::string(bytes);
  wbxml::Reader reader(bytes, std::string(source));
  detail::Judge judge(options);
  wbxml::Event e;
  detail::Judge::Verdict current = detail::Judge::Verdict::keep;
  Parm parm;
  while (reader.next(e)) {
    // A <parm>'s attributes end at the first event that is not one: its value is judged then,
    // whatever the order of name and value.
    if (parm.open && e.type != wbxml::EventType::attribute && !(e.type == wbxml::EventType::switch_page && e.attribute)) {
      if (parm.has_value) {
        result.redacted += mark_value_tokens(result.bytes, bytes, parm.value_from, parm.value_to, reader.header(),
                                             detail::is_secret_parm(parm.name));
      }
      parm = Parm{};
    }
    switch (e.type) {
      case wbxml::EventType::start:
        judge.start(e.name);
        if (e.name == "parm" && e.has_attributes) parm.open = true;
        break;
      case wbxml::EventType::attribute:
        if (!parm.open) break;
        if (e.name == "name") {
          parm.name = e.data;
        } else if (e.name == "value") {
          parm.value_from = e.offset + attribute_start_length(bytes, e.offset);
          parm.value_to = reader.position();
          parm.has_value = true;
        }
        break;
      case wbxml::EventType::end:  // also the synthetic end of an element without content
        judge.end();
        break;
      case wbxml::EventType::text:
      case wbxml::EventType::opaque: {
        current = judge.verdict(e.data);
        if (current != detail::Judge::Verdict::keep && !e.data.empty()) {
          std::size_t at = offset_in(bytes, e.data);
          if (at == std::string_view::npos) throw reader.error(e.offset, "cannot redact this value in place");
          std::size_t n = current == detail::Judge::Verdict::secret
                              ? (detail::mark(result.bytes, at, e.data.size()) ? 1 : 0)
                              : detail::mark_embedded(result.bytes, at, e.data.size());
          result.redacted += n;
        }
        judge.text(e.data);
        break;
      }
      case wbxml::EventType::entity:
        if (judge.verdict({}) == detail::Judge::Verdict::secret && mark_entity(result.bytes, e.offset))
          ++result.redacted;
        break;
      default: break;
    }
  }
  return result;
}

}  // namespace syncmldm::redact
