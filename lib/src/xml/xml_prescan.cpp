#include "xml/xml_prescan.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "util/text_scan.hpp"

namespace syncmldm::xml::detail {

namespace {
template <class Offset>
void collect_line_starts(std::string_view text, std::vector<Offset>& starts) {
  starts.assign(1, 0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* p = begin; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (!nl) break;
    p = static_cast<const char*>(nl) + 1;
    starts.push_back(static_cast<Offset>(p - begin));
  }
}
}  // namespace

void line_starts(std::string_view text, std::vector<std::uint32_t>& narrow, std::vector<std::uint64_t>& wide) {
  narrow.clear();
  wide.clear();
  if (text.size() <= UINT32_MAX) collect_line_starts(text, narrow);
  else collect_line_starts(text, wide);
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
constexpr bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
}  // namespace

std::size_t comment_end(std::string_view text, std::size_t i, PrescanProblem& problem) {
  // The first "--" after the opening must be the one of "-->".
  std::size_t dashes = text.find("--", i + 4);
  if (dashes == std::string_view::npos) {
    problem = {i, "unterminated comment"};
    return std::string_view::npos;
  }
  if (dashes + 2 >= text.size()) {
    problem = {i, "unterminated comment"};
    return std::string_view::npos;
  }
  if (text[dashes + 2] != '>') {
    problem = {dashes, "'--' not allowed inside a comment"};
    return std::string_view::npos;
  }
  return dashes + 3;
}

std::size_t pi_end(std::string_view text, std::size_t i, std::size_t document_start, PrescanProblem& problem) {
  std::size_t j = i + 2;
  if (j >= text.size() || !kTagName.first[static_cast<unsigned char>(text[j])]) {
    problem = {i, "processing instruction without a target name"};
    return std::string_view::npos;
  }
  while (j < text.size() && kTagName.rest[static_cast<unsigned char>(text[j])]) ++j;
  std::string_view target = text.substr(i + 2, j - i - 2);
  if (j < text.size() && !is_ws(text[j]) && text.compare(j, 2, "?>") != 0) {
    problem = {j, std::string("'") + text[j] + "' is not allowed in a processing instruction's target name"};
    return std::string_view::npos;
  }
  std::size_t close = text.find("?>", j);
  if (close == std::string_view::npos) {
    problem = {i, "unterminated processing instruction"};
    return std::string_view::npos;
  }
  if (target.size() == 3 && (target[0] | 0x20) == 'x' && (target[1] | 0x20) == 'm' && (target[2] | 0x20) == 'l') {
    if (target != "xml") {
      problem = {i, "processing instruction target '" + std::string(target) + "' is reserved"};
      return std::string_view::npos;
    }
    if (i != document_start) {
      problem = {i, "XML declaration allowed only at the very start of the document"};
      return std::string_view::npos;
    }
  }
  return close + 2;
}

std::size_t doctype_end(std::string_view text, std::size_t i, PrescanProblem& problem) {
  // The internal subset in (nested) brackets may hold '>'. This mirrors RapidXML's own
  // skipping exactly, so that both agree on where markup resumes.
  const std::size_t n = text.size();
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
  if (j >= n) {
    problem = {i, "unterminated DOCTYPE declaration"};
    return std::string_view::npos;
  }
  return j + 1;
}

PrescanProblem declaration_problem(std::string_view text, std::size_t i) {
  std::string_view rest = text.substr(i);
  if (rest.starts_with("<![")) return {i, "conditional section (<![IGNORE[, <![INCLUDE[) allowed only in a DTD"};
  // Look-alikes of a comment, seen in published samples: "<!-" + one dash, "<!" + a typographic
  // dash (U+2010 to U+2015: hyphen, en dash, em dash...).
  if (rest.starts_with("<!-") || (rest.size() >= 5 && rest.substr(2, 2) == "\xE2\x80" &&
                                  static_cast<unsigned char>(rest[4]) >= 0x90 && static_cast<unsigned char>(rest[4]) <= 0x95)) {
    return {i, "not a comment: a comment starts with '<!--'"};
  }
  return {i, "'<!' must start a comment (<!--), a CDATA section (<![CDATA[) or the DOCTYPE declaration"};
}

std::size_t cdata_end_in_text(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t at = text.substr(from, to - from).find("]]>");
  return at == std::string_view::npos ? at : from + at;
}

namespace {

// The markup check, resumable: scan(limit) goes on from where the last call stopped until it has
// passed `limit` (a construct that starts before it is read whole); finish() checks the end.
class MarkupScan {
 public:
  MarkupScan(std::string_view text, std::size_t max_depth) : text(text), n(text.size()), max_depth(max_depth) {
    open.reserve(64);
  }
  bool scan(std::size_t limit);
  bool finish();
  const PrescanProblem& problem() const { return problem_; }

 private:
  bool fail(std::size_t at, std::string message) {
    problem_ = {at, std::move(message)};
    return false;
  }
  bool fail(const PrescanProblem& p) {
    problem_ = p;
    return false;
  }
  bool start_tag();
  bool end_tag();
  bool other_markup();
  bool open_element(std::size_t at, std::size_t name_end) {
    if (open.size() >= max_depth) return fail(at, "elements nested deeper than " + std::to_string(max_depth) + " levels");
    open.push_back(text.substr(at + 1, name_end - at - 1));
    root_seen = true;
    return true;
  }
  bool attribute_seen(std::string_view name);

  std::string_view text;
  std::size_t n;
  std::size_t max_depth;
  PrescanProblem problem_{};
  std::vector<std::string_view> open;  // names of the open elements, innermost last
  std::vector<std::string_view> attrs;  // names of the current start tag's attributes
  std::unordered_set<std::string_view> many_attrs;  // the same, when there are many
  bool root_seen = false;
  bool doctype_seen = false;
  std::size_t i = 0;
  std::size_t text_from = 0;  // where the current run of character data began
};

bool MarkupScan::attribute_seen(std::string_view name) {
  // A linear search for the usual few; a set past them, so that a tag with 100,000 attributes
  // is not checked in quadratic time.
  constexpr std::size_t kLinear = 16;
  if (attrs.size() < kLinear) {
    for (std::string_view a : attrs)
      if (a == name) return true;
    attrs.push_back(name);
    return false;
  }
  if (many_attrs.empty()) many_attrs.insert(attrs.begin(), attrs.end());
  return !many_attrs.insert(name).second;
}

bool MarkupScan::scan(std::size_t limit) {
  const char* d = text.data();
  while (i < limit && i < n) {
    if (open.empty()) {
      // Outside the root element: white space and markup only.
      while (i < n && is_ws(text[i])) ++i;
      if (i >= n) break;
      if (text[i] != '<') return fail(i, root_seen ? "text after the root element" : "text before the root element");
    } else {
      // Character data: only '&', '<' and a '>' that ends "]]>" matter.
      i = syncmldm::detail::find_first_of3(d, i, n, '<', '&', '>');
      if (i >= n) break;
      if (text[i] == '&') {
        std::size_t len = entity_length(text, i);
        if (len == 0) return fail(i, "'&' must start an entity reference (&amp; &lt; &gt; &quot; &apos; &#N;)");
        i += len;
        continue;
      }
      if (text[i] == '>') {
        if (i >= text_from + 2 && d[i - 1] == ']' && d[i - 2] == ']') return fail(i - 2, "']]>' not allowed in text (write ]]&gt;)");
        ++i;
        continue;
      }
    }
    char next = i + 1 < n ? text[i + 1] : '\0';
    bool ok = next == '/' ? end_tag() : next == '!' || next == '?' ? other_markup() : start_tag();
    if (!ok) return false;
    text_from = i;
  }
  return true;
}

bool MarkupScan::start_tag() {
  const char* d = text.data();
  const std::size_t at = i;
  if (root_seen && open.empty()) return fail(at, "more than one root element");
  std::size_t j = i + 1;
  if (j >= n || !kTagName.first[static_cast<unsigned char>(text[j])]) {
    return fail(at, "'<' must start a tag (write &lt; for a literal '<')");
  }
  // The whole name: RapidXML would take other characters ('&', quotes) into it.
  while (j < n && kTagName.rest[static_cast<unsigned char>(text[j])]) ++j;
  if (j < n && !kTagName.after[static_cast<unsigned char>(text[j])]) {
    return fail(j, std::string("'") + text[j] + "' is not allowed in a tag name");
  }
  const std::size_t name_end = j;
  if (j < n && text[j] == '>') {  // no attributes (most tags)
    i = j + 1;
    return open_element(at, name_end);
  }
  attrs.clear();
  // A fresh set, not clear(), which would zero every bucket that the largest tag so far needed.
  if (!many_attrs.empty()) std::unordered_set<std::string_view>().swap(many_attrs);
  auto unterminated = [&] { return fail(at, "unterminated start tag"); };
  for (;;) {
    const std::size_t space = j;
    while (j < n && is_ws(text[j])) ++j;
    if (j >= n) return unterminated();
    char c = text[j];
    if (c == '>') {
      i = j + 1;
      return open_element(at, name_end);
    }
    if (c == '/') {
      if (j + 1 >= n) return unterminated();
      if (text[j + 1] != '>') return fail(j, "expected '>' after '/'");
      i = j + 2;
      root_seen = true;
      return true;
    }
    if (c == '"' || c == '\'') return fail(j, "quote outside an attribute value (a value follows '=')");
    if (c == '<') return unterminated();
    if (j == space) return fail(j, "white space required before an attribute");
    if (!kTagName.first[static_cast<unsigned char>(c)]) return fail(j, std::string("'") + c + "' cannot start an attribute name");
    const std::size_t a0 = j;
    while (j < n && kTagName.rest[static_cast<unsigned char>(text[j])]) ++j;
    std::string_view name = text.substr(a0, j - a0);
    if (j < n && (text[j] == '"' || text[j] == '\'')) return fail(j, "quote outside an attribute value (a value follows '=')");
    if (j < n && !is_ws(text[j]) && text[j] != '=') return fail(j, std::string("'") + text[j] + "' is not allowed in an attribute name");
    while (j < n && is_ws(text[j])) ++j;
    if (j >= n) return unterminated();
    if (text[j] != '=') return fail(j, "attribute '" + std::string(name) + "' without '=' and a value");
    ++j;
    while (j < n && is_ws(text[j])) ++j;
    if (j >= n) return unterminated();
    const char quote = text[j];
    if (quote != '"' && quote != '\'') return fail(j, "attribute value without quotes");
    // Inside a value only its quote, '<' and '&' matter.
    for (++j;;) {
      j = syncmldm::detail::find_first_of3(d, j, n, quote, '<', '&');
      if (j >= n) return unterminated();
      if (text[j] == quote) break;
      if (text[j] == '<') return fail(j, "'<' not allowed in an attribute value");
      std::size_t len = entity_length(text, j);
      if (len == 0) return fail(j, "'&' must start an entity reference (&amp; &lt; &gt; &quot; &apos; &#N;)");
      j += len;
    }
    if (attribute_seen(name)) return fail(a0, "attribute '" + std::string(name) + "' given twice");
    ++j;
  }
}

bool MarkupScan::end_tag() {
  std::size_t close = syncmldm::detail::find_byte(text.data(), i + 2, n, '>');
  if (close >= n) return fail(i, "unterminated end tag");
  if (open.empty()) return fail(i, "end tag without a matching start tag");
  std::string_view name = text.substr(i + 2, close - i - 2);
  while (!name.empty() && is_ws(name.back())) name.remove_suffix(1);
  if (name != open.back()) {
    return fail(i, "end tag </" + std::string(name) + "> does not match <" + std::string(open.back()) + ">");
  }
  open.pop_back();
  i = close + 1;
  return true;
}

bool MarkupScan::other_markup() {
  std::string_view rest = text.substr(i);
  PrescanProblem p;
  std::size_t end;
  if (rest.starts_with("<!--")) {
    end = comment_end(text, i, p);
  } else if (rest.starts_with("<?")) {
    end = pi_end(text, i, 0, p);
  } else if (rest.starts_with("<![CDATA[")) {
    if (open.empty()) return fail(i, "CDATA section outside the root element");
    std::size_t close = text.find("]]>", i + 9);
    if (close == std::string_view::npos) return fail(i, "unterminated CDATA section");
    end = close + 3;
  } else if (rest.starts_with("<!DOCTYPE") && rest.size() > 9 && is_ws(rest[9])) {
    if (doctype_seen || root_seen) return fail(i, "DOCTYPE declaration allowed only once, before the root element");
    doctype_seen = true;
    end = doctype_end(text, i, p);
  } else {
    return fail(declaration_problem(text, i));
  }
  if (end == std::string_view::npos) return fail(p);
  i = end;
  return true;
}

bool MarkupScan::finish() {
  if (!open.empty()) {
    std::string_view innermost = open.back();
    auto at = static_cast<std::size_t>(innermost.data() - text.data()) - 1;
    return fail(at, "element <" + std::string(innermost) + "> is not closed");
  }
  if (!root_seen) return fail(n, "no root element");
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
  if (markup_ok) markup_ok = markup.finish();
  if (!markup_ok) {
    problem = markup.problem();
    return false;
  }
  return true;
}

}  // namespace syncmldm::xml::detail
