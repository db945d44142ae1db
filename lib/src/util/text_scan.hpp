#pragma once
// Internal: skipping runs of ordinary bytes 16 at a time. Most of a message is plain ASCII text
// between a few bytes that matter (markup, escapes, line breaks, non-ASCII); testing one byte at
// a time made these loops the hottest part of the codec. Each function returns the index of the
// first byte at or after `i` that the caller must look at (or `n`); the caller's own byte-wise
// code then decides about that byte, so these only change the speed, never the result.

#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace syncmldm::detail {

// Skips bytes 0x20-0x7F: stops at control characters (TAB, LF and CR included) and at bytes of
// multi-byte UTF-8 sequences.
inline std::size_t skip_printable_ascii(const char* d, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20);
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    // Signed compare: bytes >= 0x80 are negative, so they count as below 0x20 too.
    int bits = _mm_movemask_epi8(_mm_cmplt_epi8(v, space));
    if (bits) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
  }
#endif
  for (; i < n; ++i) {
    auto c = static_cast<unsigned char>(d[i]);
    if (c < 0x20 || c >= 0x80) return i;
  }
  return n;
}

// Like skip_printable_ascii, and also stops at '<', '>' and '&' (what XML text escapes).
inline std::size_t skip_plain_text(const char* d, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'),
                amp = _mm_set1_epi8('&');
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, lt)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, amp)));
    int bits = _mm_movemask_epi8(special);
    if (bits) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
  }
#endif
  for (; i < n; ++i) {
    auto c = static_cast<unsigned char>(d[i]);
    if (c < 0x20 || c >= 0x80 || c == '<' || c == '>' || c == '&') return i;
  }
  return n;
}

// Skips ' ' (indentation).
inline std::size_t skip_spaces(const char* d, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    unsigned bits = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, space))) & 0xFFFFu;
    if (bits) return i + static_cast<std::size_t>(__builtin_ctz(bits));
  }
#endif
  for (; i < n; ++i) {
    if (d[i] != ' ') return i;
  }
  return n;
}

// Skips the characters XML allows in ASCII: 0x20-0x7F and TAB, LF, CR (line breaks of indented
// text do not stop the run); stops at other control characters and at non-ASCII bytes.
inline std::size_t skip_xml_ascii(const char* d, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'),
                cr = _mm_set1_epi8('\r');
  // Bytes below 0x20 or from 0x80 on (signed compare) that are not TAB, LF or CR.
  auto stops = [&](__m128i v, __m128i low) {
    __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)), _mm_cmpeq_epi8(v, cr));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(allowed, low)));
  };
  // 32 bytes a step; the finer test only for a block that has a line break or non-ASCII at all.
  for (; i + 32 <= n; i += 32) {
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i + 16));
    __m128i low_a = _mm_cmplt_epi8(a, space), low_b = _mm_cmplt_epi8(b, space);
    if (_mm_movemask_epi8(_mm_or_si128(low_a, low_b)) == 0) continue;
    unsigned bits = stops(a, low_a) | stops(b, low_b) << 16;
    if (bits) return i + static_cast<std::size_t>(__builtin_ctz(bits));
  }
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    if (unsigned bits = stops(v, _mm_cmplt_epi8(v, space))) return i + static_cast<std::size_t>(__builtin_ctz(bits));
  }
#endif
  for (; i < n; ++i) {
    auto c = static_cast<unsigned char>(d[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c >= 0x80) return i;
  }
  return n;
}

// Index of the first byte equal to a, b or c at or after i, or n. Always inlined, its first
// byte tested alone (markup often follows markup): the runs searched (text between tags,
// attribute values, end tags) are too short for a call to memchr to pay.
[[gnu::always_inline]] inline std::size_t find_first_of3(const char* d, std::size_t i, std::size_t n, char a, char b,
                                                         char c) {
  if (i < n && (d[i] == a || d[i] == b || d[i] == c)) return i;
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
  auto match = [&](std::size_t at) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + at));
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)), _mm_cmpeq_epi8(v, vc));
    return static_cast<unsigned>(_mm_movemask_epi8(m));
  };
  for (; i + 16 <= n; i += 16) {
    if (unsigned bits = match(i)) return i + static_cast<std::size_t>(__builtin_ctz(bits));
  }
#endif
  for (; i < n; ++i) {
    if (d[i] == a || d[i] == b || d[i] == c) return i;
  }
  return n;
}

// The same for a short run with more readable memory after it (d[0] up to d[readable - 1], as
// when the run lies inside a larger text): a run of at most 16 bytes is one load, not a byte loop.
[[gnu::always_inline]] inline std::size_t find_first_of3(const char* d, std::size_t i, std::size_t n, char a, char b,
                                                         char c, std::size_t readable) {
#if defined(__SSE2__)
  if (n - i <= 16 && readable - i >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(a)), _mm_cmpeq_epi8(v, _mm_set1_epi8(b))),
                             _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
    unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(m)) & ((1u << (n - i)) - 1);
    return bits ? i + static_cast<std::size_t>(__builtin_ctz(bits)) : n;
  }
#endif
  (void)readable;
  return find_first_of3(d, i, n, a, b, c);
}

[[gnu::always_inline]] inline std::size_t find_byte(const char* d, std::size_t i, std::size_t n, char a) {
  return find_first_of3(d, i, n, a, a, a);
}

// Whether `a` starts with the bytes of `b` (a has at least b.size() bytes). For names, which
// are short: a loop is cheaper than a call to memcmp.
inline bool same_bytes(const char* a, std::string_view b) {
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace syncmldm::detail
