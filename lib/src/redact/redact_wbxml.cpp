// WBXML: the reader walks the tokens; a secret's inline string, string-table string or opaque
// bytes are overwritten where they are, an entity's code point becomes 'X' in as many bytes, so
// the token structure (and every length and offset) stays as it was.
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

}  // namespace

Result wbxml(std::string_view bytes, const Options& options, std::string_view source) {
  Result result;
  result.bytes = std::string(bytes);
  wbxml::Reader reader(bytes, std::string(source));
  detail::Judge judge(options);
  wbxml::Event e;
  detail::Judge::Verdict current = detail::Judge::Verdict::keep;
  while (reader.next(e)) {
    switch (e.type) {
      case wbxml::EventType::start:
        judge.start(e.name);
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
