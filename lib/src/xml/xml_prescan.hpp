#pragma once
// A fast pass over raw XML before the DOM is built (xml_dom.cpp): the builder, like RapidXML
// before it, trusts the markup it reads (stray '&', bad UTF-8, duplicate attributes, any
// "<!...>" skipped). The pre-scan is where every reader of the project (the DOM, the pull reader, the
// encoder) gets its verdict on well-formedness, so that all accept and refuse the same documents
// with the same message.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/util/error.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace syncmldm::xml::detail {

// Byte offsets where each line starts (the first is 0): 32-bit ones in `narrow` when the text
// fits in 4 GiB (a line per element makes the index a third of the input at 64 bits), else
// 64-bit ones in `wide`. The other vector is left empty.
void line_starts(std::string_view text, std::vector<std::uint32_t>& narrow, std::vector<std::uint64_t>& wide);

// The first problem: invalid UTF-8 or a character XML forbids anywhere (reported first), else
// the first markup XML 1.0 does not allow (references, tags and attributes, comments, PIs,
// declarations, "]]>" in text, anything outside the root but markup, end tags that do not
// match, nesting deeper than max_depth), else the end of the input (an element not closed, no
// root). The offset is turned into line:column by the caller.
struct PrescanProblem {
  std::uint64_t offset;
  std::string message;
};
// Returns true when the text passed; otherwise fills `problem`.
bool prescan(std::string_view text, std::size_t max_depth, PrescanProblem& problem);

// Its parts, for a reader that checks the markup itself as it goes (the WBXML encoder) and runs
// prescan() only to name the first problem once it has met one.
// The characters alone: UTF-8 and what XML allows.
bool check_characters(std::string_view text, PrescanProblem& problem);
// Length of the entity reference at text[i] == '&' (to its ';'), or 0 when it is not one prescan()
// accepts.
std::size_t entity_length(std::string_view text, std::size_t i);
// Does prescan() take `name` as a start tag's name followed by `after`? (`name` holds no byte of
// " \t\n\r/>=<\"'", and its characters have passed check_characters.)
bool tag_name_ok(std::string_view name, char after);
// The markup other than tags, checked alike by every reader (the pre-scan, and the encoder as it
// goes). Each returns the offset just past the construct that starts at text[i], or npos with
// `problem` filled when XML 1.0 does not allow it there.
// "<!--": a comment, which may not hold "--" (nor end in '-').
std::size_t comment_end(std::string_view text, std::size_t i, PrescanProblem& problem);
// "<?": a processing instruction with a target name; the XML declaration ("<?xml") only at
// `document_start` (0, or 3 after a byte order mark), other targets "xml" in any case never.
std::size_t pi_end(std::string_view text, std::size_t i, std::size_t document_start, PrescanProblem& problem);
// "<!DOCTYPE" and white space: skipped with its internal subset (brackets nested).
std::size_t doctype_end(std::string_view text, std::size_t i, PrescanProblem& problem);
// Any other "<!" where a comment, CDATA or DOCTYPE could not be read: the problem to report
// (conditional sections, and markup that only looks like a comment, "<!-" or "<!" + a dash).
PrescanProblem declaration_problem(std::string_view text, std::size_t i);
// "]]>" in character data: the offset of its first ']' in text[from, to), or npos.
std::size_t cdata_end_in_text(std::string_view text, std::size_t from, std::size_t to);

// The same, 16 bytes at once when memory up to `readable_end` allows (one call per element).
inline bool tag_name_ok(std::string_view name, char after, const char* readable_end) {
#if defined(__SSE2__)
  // Name bytes: ASCII letters and digits, '_', '.', ':', '-', or any byte of a multi-byte character.
  if (!name.empty() && name.size() <= 16 && readable_end - name.data() >= 16 && after != '=' && after != '<' &&
      after != '"' && after != '\'') {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(name.data()));
    auto within = [](__m128i x, char low, char span) {  // low <= x <= low + span, unsigned
      __m128i t = _mm_sub_epi8(x, _mm_set1_epi8(low));
      return _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(span)), t);
    };
    __m128i ok = _mm_or_si128(_mm_cmplt_epi8(v, _mm_setzero_si128()), within(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 25));
    ok = _mm_or_si128(ok, within(v, '0', 9));
    ok = _mm_or_si128(ok, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')), _mm_cmpeq_epi8(v, _mm_set1_epi8(':'))));
    ok = _mm_or_si128(ok, within(v, '-', 1));  // '-' and '.'
    unsigned want = (1u << name.size()) - 1;
    char first = name[0];
    return (static_cast<unsigned>(_mm_movemask_epi8(ok)) & want) == want && first != '-' && first != '.' &&
           !(first >= '0' && first <= '9');
  }
#endif
  return tag_name_ok(name, after);
}

}  // namespace syncmldm::xml::detail
