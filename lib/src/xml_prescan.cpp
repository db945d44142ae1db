#include "xml_prescan.hpp"

#include <algorithm>
#include <cstring>

#include "text_scan.hpp"

namespace syncmldm::xml::detail {

std::vector<std::uint64_t> line_starts(std::string_view text) {
  std::vector<std::uint64_t> starts{0};
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* p = begin; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (!nl) break;
    p = static_cast<const char*>(nl) + 1;
    starts.push_back(static_cast<std::uint64_t>(p - begin));
  }
  return starts;
}

namespace {

// Length of the UTF-8 sequence at p (1-4), or 0 when it is invalid (overlong, surrogate,
// beyond U+10FFFF, truncated) or a character XML 1.0 forbids.
std::size_t utf8_char(const unsigned char* p, const unsigned char* end) {
  unsigned c = p[0];
  if (c < 0x80) return (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') ? 1 : 0;
  std::size_t n;
  unsigned cp;
  if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
  else return 0;
  if (static_cast<std::size_t>(end - p) < n) return 0;
  for (std::size_t i = 1; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  static constexpr unsigned kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) return 0;
  return n;
}

// Checks the characters from `pos` up to at least `limit` (a sequence that starts before it is
// checked whole); `pos` is left where the next call goes on.
bool check_utf8(std::string_view text, std::size_t& pos, std::size_t limit, PrescanProblem& problem) {
  auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  auto* end = begin + text.size();
  const unsigned char* p = begin + pos;
  const unsigned char* stop = begin + limit;
  while (p < stop) {
    p = begin + syncmldm::detail::skip_xml_ascii(text.data(), static_cast<std::size_t>(p - begin), limit);
    if (p >= stop) break;
    std::size_t n = utf8_char(p, end);
    if (n == 0) {
      problem = {static_cast<std::uint64_t>(p - begin),
                 *p < 0x80 ? "control character not allowed in XML" : "invalid UTF-8"};
      return false;
    }
    p += n;
  }
  pos = static_cast<std::size_t>(p - begin);
  return true;
}

constexpr bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == ':';
}

// The byte classes of a start tag's name, as tables (one load a byte instead of a chain of tests).
struct TagNameBytes {
  bool first[256] = {};  // may start a name: a name character but a digit, '-' or '.'; or non-ASCII
  bool rest[256] = {};   // may continue it: a name character or non-ASCII
  bool after[256] = {};  // may follow it (NUL too: strchr found its terminator in the old test)
  constexpr TagNameBytes() {
    for (int c = 0; c < 256; ++c) {
      char ch = static_cast<char>(c);
      bool name = is_name_char(ch) || c >= 0x80;
      rest[c] = name;
      first[c] = name && ch != '-' && ch != '.' && !(ch >= '0' && ch <= '9');
    }
    for (unsigned char c : {' ', '\t', '\r', '\n', '/', '>', '\0'}) after[c] = true;
  }
};
constexpr TagNameBytes kTagName{};

}  // namespace

std::size_t entity_length(std::string_view text, std::size_t i) {
  std::size_t semi = text.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  std::string_view body = text.substr(i + 1, semi - i - 1);
  if (body == "amp" || body == "lt" || body == "gt" || body == "quot" || body == "apos") return semi - i + 1;
  if (body.size() < 2 || body[0] != '#') return 0;
  unsigned long value = 0;
  bool hex = body[1] == 'x';
  std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty()) return 0;
  for (char c : digits) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return 0;
    value = value * (hex ? 16 : 10) + static_cast<unsigned long>(d);
    if (value > 0x10FFFF) return 0;
  }
  bool allowed = value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value <= 0xD7FF) ||
                 (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000;
  return allowed ? semi - i + 1 : 0;
}

bool tag_name_ok(std::string_view name, char after) {
  if (name.empty() || !kTagName.first[static_cast<unsigned char>(name[0])]) return false;
  for (char c : name.substr(1)) {
    if (!kTagName.rest[static_cast<unsigned char>(c)]) return false;
  }
  return kTagName.after[static_cast<unsigned char>(after)];
}

bool check_characters(std::string_view text, PrescanProblem& problem) {
  std::size_t checked = 0;
  return check_utf8(text, checked, text.size(), problem);
}

namespace {

// The markup check, resumable: scan(limit) goes on from where the last call stopped until it has
// passed `limit` (a construct that starts before it is read whole).
class MarkupScan {
 public:
  MarkupScan(std::string_view text, std::size_t max_depth) : text(text), n(text.size()), max_depth(max_depth) {}
  bool scan(std::size_t limit);
  const PrescanProblem& problem() const { return problem_; }

 private:
  bool fail(std::size_t at, std::string message) {
    problem_ = {at, std::move(message)};
    return false;
  }

  std::string_view text;
  std::size_t n;
  std::size_t max_depth;
  PrescanProblem problem_{};
  std::size_t depth = 0;
  std::size_t i = 0;
};

bool MarkupScan::scan(std::size_t limit) {
  const char* d = text.data();
  while (i < limit && i < n) {
    // Character data: only '&' and '<' matter.
    i = syncmldm::detail::find_first_of3(d, i, n, '<', '&', '&');
    if (i >= n) break;
    if (text[i] == '&') {
      std::size_t len = entity_length(text, i);
      if (len == 0) return fail(i, "'&' must start an entity reference (&amp; &lt; &gt; &quot; &apos; &#N;)");
      i += len;
      continue;
    }
    char next = i + 1 < n ? text[i + 1] : '\0';
    if (next == '/') {
      std::size_t close = syncmldm::detail::find_byte(d, i + 2, n, '>');
      if (close >= n) return fail(i, "unterminated end tag");
      if (depth == 0) return fail(i, "end tag without a matching start tag");
      --depth;
      i = close + 1;
      continue;
    }
    if (next != '!' && next != '?') {
      // Start tag: scan to '>' outside quotes, checking entity references in attribute values.
      std::size_t j = i + 1;
      if (j >= n || !kTagName.first[static_cast<unsigned char>(text[j])]) {
        return fail(i, "'<' must start a tag (write &lt; for a literal '<')");
      }
      // The whole name: RapidXML would take other characters ('&', quotes) into it.
      while (j < n && kTagName.rest[static_cast<unsigned char>(text[j])]) ++j;
      if (j < n && !kTagName.after[static_cast<unsigned char>(text[j])]) {
        return fail(j, std::string("'") + text[j] + "' is not allowed in a tag name");
      }
      if (j < n && text[j] == '>') {
        // No attributes (most tags): what the loop below would conclude at once.
        if (++depth > max_depth) return fail(i, "elements nested deeper than " + std::to_string(max_depth) + " levels");
        i = j + 1;
        continue;
      }
      char quote = 0;
      char last = 0;  // the last character outside values, white space aside
      for (; j < n; ++j) {
        char c = text[j];
        if (quote) {
          // Inside a value only its quote, '<' and '&' matter.
          j = syncmldm::detail::find_first_of3(d, j, n, quote, '<', '&');
          if (j >= n) break;
          c = text[j];
          if (c == quote) quote = 0, last = c;
          else if (c == '<') return fail(j, "'<' not allowed in an attribute value");
          else {
            std::size_t len = entity_length(text, j);
            if (len == 0) return fail(j, "'&' must start an entity reference (&amp; &lt; &gt; &quot; &apos; &#N;)");
            j += len - 1;
          }
        } else if (c == '"' || c == '\'') {
          // Only a value opens a quote: RapidXML would take one elsewhere as part of a name.
          if (last != '=') return fail(j, "quote outside an attribute value (a value follows '=')");
          quote = c;
        } else if (c == '>' || c == '<') {
          break;
        } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
          last = c;
        }
      }
      if (j >= n || text[j] != '>') return fail(i, "unterminated start tag");
      if (text[j - 1] != '/') {
        if (++depth > max_depth) return fail(i, "elements nested deeper than " + std::to_string(max_depth) + " levels");
      }
      i = j + 1;
      continue;
    }
    std::string_view rest = text.substr(i);
    if (rest.starts_with("<!--")) {
      std::size_t close = text.find("-->", i + 4);
      if (close == std::string_view::npos) return fail(i, "unterminated comment");
      i = close + 3;
    } else if (rest.starts_with("<![CDATA[")) {
      std::size_t close = text.find("]]>", i + 9);
      if (close == std::string_view::npos) return fail(i, "unterminated CDATA section");
      i = close + 3;
    } else if (rest.starts_with("<?")) {
      std::size_t close = text.find("?>", i + 2);
      if (close == std::string_view::npos) return fail(i, "unterminated processing instruction");
      i = close + 2;
    } else if (rest.starts_with("<!DOCTYPE") && rest.size() > 9 && std::strchr(" \t\r\n", rest[9])) {
      // DOCTYPE, possibly with an internal subset in (nested) brackets. This mirrors RapidXML's
      // own skipping exactly, so that both agree on where markup resumes.
      std::size_t j = i + 9;
      for (; j < n && text[j] != '>'; ++j) {
        if (text[j] != '[') continue;
        int brackets = 1;
        for (++j; j < n && brackets > 0; ++j) {
          if (text[j] == '[') ++brackets;
          else if (text[j] == ']') --brackets;
        }
        if (brackets > 0) break;
        --j;
      }
      if (j >= n) return fail(i, "unterminated DOCTYPE declaration");
      i = j + 1;
    } else {
      // Any other declaration ("<!"): skipped to the first '>', as RapidXML does.
      std::size_t close = text.find('>', i + 2);
      if (close == std::string_view::npos) return fail(i, "unterminated declaration");
      i = close + 1;
    }
  }
  return true;
}

}  // namespace

bool prescan(std::string_view text, std::size_t max_depth, PrescanProblem& problem) {
  // Block by block: the characters of a block are checked, then its markup while the block is
  // still in the cache, so that the text is read from memory once instead of twice. A markup
  // problem waits until every character has passed: a bad character anywhere is reported first.
  constexpr std::size_t kBlock = std::size_t{64} << 10;
  const std::size_t n = text.size();
  MarkupScan markup(text, max_depth);
  bool markup_ok = true;
  std::size_t checked = 0;
  while (checked < n) {
    std::size_t limit = n - checked > kBlock ? checked + kBlock : n;
    if (!check_utf8(text, checked, limit, problem)) return false;
    if (markup_ok) markup_ok = markup.scan(checked);
  }
  if (!markup_ok) {
    problem = markup.problem();
    return false;
  }
  return true;
}

}  // namespace syncmldm::xml::detail
