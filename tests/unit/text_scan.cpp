#include <doctest/doctest.h>

#include <string>

#include "util/text_scan.hpp"

using namespace syncmldm::detail;

// The 16-byte searches must agree with a byte-by-byte search wherever the byte sits: in the first
// byte (tested alone), across a block boundary, in the tail shorter than a block, and in a short
// run followed by more readable memory.
TEST_CASE("text scan: searches agree with a plain loop at every position") {
  for (std::size_t n = 0; n <= 70; ++n) {
    for (std::size_t at = 0; at <= n; ++at) {
      std::string s(n, 'x');
      if (at < n) s[at] = '<';
      for (std::size_t from = 0; from <= n; from += 7) {
        std::size_t want = at < n && at >= from ? at : n;
        CHECK(find_byte(s.data(), from, n, '<') == want);
        CHECK(find_first_of3(s.data(), from, n, '&', '<', '"') == want);
        // With readable memory past the run, full of the bytes searched for: only the run counts.
        std::string padded = s + std::string(20, '<');
        CHECK(find_first_of3(padded.data(), from, n, '&', '<', '"', padded.size()) == want);
      }
      if (at < n) s[at] = '\x01';
      CHECK(skip_xml_ascii(s.data(), 0, n) == (at < n ? at : n));
      if (at < n) s[at] = '\n';
      CHECK(skip_xml_ascii(s.data(), 0, n) == n);  // line breaks are XML characters
      if (at < n) s[at] = '\xC3';
      CHECK(skip_xml_ascii(s.data(), 0, n) == (at < n ? at : n));
    }
  }
}
