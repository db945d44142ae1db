// XML -> WBXML without building a tree: the XML layer's character check (UTF-8, characters XML
// forbids) passes over the text, then a small tokenizer walks the elements, checking their
// markup as the pre-scan would (names, references, terminators, depth), and writes tokens
// straight into one preallocated buffer. Decisions that
// need to look ahead are made by patching: the content bit of a tag byte is cleared when the
// element turns out empty, and a nested-document Type gets its +wbxml form when its Data does
// hold a nested document. The string table is collected on the side.
#include <array>
#include <bit>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "util/utf8_append.hpp"
#include "util/byte_buffer.hpp"
#include "util/huge_pages.hpp"
#include "util/text_scan.hpp"
#include "syncmldm/util/base64.hpp"
#include "syncmldm/codec/codec.hpp"
#include "syncmldm/util/text.hpp"
#include "xml/xml_names.hpp"
#include "xml/xml_prescan.hpp"

namespace syncmldm::codec {

namespace {

using wbxml::Language;

constexpr std::uint8_t kData = 0x0F, kMeta = 0x1A;  // page 0
constexpr std::uint8_t kFormat = 0x07, kType = 0x13;  // page 1
constexpr std::size_t kShareMinLength = 4;

// One comparison for the common case (a printable byte is never space but for ' ').
bool is_space(char c) {
  auto u = static_cast<unsigned char>(c);
  return u <= ' ' && (u == ' ' || u == '\t' || u == '\n' || u == '\r');
}

// Bytes that end a name, as a table (names are most of the bytes inside tags).
struct NameStops {
  bool stop[256] = {};
  constexpr NameStops() {
    for (unsigned char c : std::string_view(" \t\n\r/>=<\"'")) stop[c] = true;
  }
};
constexpr NameStops kNameStops{};

// End of the name that starts at d[i] (the first byte kNameStops stops at, or n); `colon` gets the
// index of its first ':' (npos if none). 16 bytes a step: a byte that might stop the name (up to
// '\'', '/', '<' to '>') is then looked up in the table.
[[gnu::always_inline]] inline std::size_t scan_name(const char* d, std::size_t i, std::size_t n, std::size_t& colon) {
  colon = std::string_view::npos;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('\''), slash = _mm_set1_epi8('/'), lt = _mm_set1_epi8('<'),
                two = _mm_set1_epi8(2), colons = _mm_set1_epi8(':');
  while (i + 16 <= n) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, quote), v);         // <= '\''
    __m128i off = _mm_sub_epi8(v, lt);
    __m128i angle = _mm_cmpeq_epi8(_mm_min_epu8(off, two), off);     // '<', '=', '>'
    auto maybe = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(low, angle), _mm_cmpeq_epi8(v, slash))));
    auto colon_bits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, colons)));
    unsigned k = maybe ? static_cast<unsigned>(__builtin_ctz(maybe)) : 16;
    colon_bits &= (1u << k) - 1;
    if (colon_bits && colon == std::string_view::npos) colon = i + static_cast<std::size_t>(__builtin_ctz(colon_bits));
    if (k == 16) {
      i += 16;
      continue;
    }
    if (kNameStops.stop[static_cast<unsigned char>(d[i + k])]) return i + k;
    i += k + 1;  // a name byte after all ('!', '#', ...)
  }
#endif
  for (; i < n && !kNameStops.stop[static_cast<unsigned char>(d[i])]; ++i) {
    if (d[i] == ':' && colon == std::string_view::npos) colon = i;
  }
  return i;
}

// Layout between elements: a line break and a few spaces, 16 bytes a test. `readable_end`: how
// far memory may be read (the input's end for a view of it), so that a short run is one load.
bool whitespace_only(std::string_view s, const char* readable_end) {
  const char* d = s.data();
  std::size_t n = s.size(), i = 0;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  auto spaces = [&](const char* at) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, lf)),
                             _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, cr)));
    return static_cast<unsigned>(_mm_movemask_epi8(m));
  };
  if (n < 16 && readable_end - d >= 16) {
    unsigned want = (1u << n) - 1;
    return (spaces(d) & want) == want;
  }
  for (; i + 16 <= n; i += 16) {
    if (spaces(d + i) != 0xFFFFu) return false;
  }
#endif
  for (; i < n; ++i) {
    if (!is_space(d[i])) return false;
  }
  return true;
}

bool is_syncml(const Language* l) {
  return l == &wbxml::syncml10() || l == &wbxml::syncml11() || l == &wbxml::syncml12() || l == &wbxml::metinf12();
}

// Names are short: a plain loop beats a call to memchr.
std::size_t colon_of(std::string_view qname) {
  for (std::size_t i = 0; i < qname.size(); ++i) {
    if (qname[i] == ':') return i;
  }
  return std::string_view::npos;
}
std::string_view local_part(std::string_view qname) {
  std::size_t colon = colon_of(qname);
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}
std::string_view prefix_part(std::string_view qname) {
  std::size_t colon = colon_of(qname);
  return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

// Language of a document whose root is `name` in namespace `ns`.
const Language* language_of_root(std::string_view name, std::string_view ns) {
  if (!ns.empty()) {
    if (iequals(ns, "SYNCML:SYNCML1.2")) return &wbxml::syncml12();
    if (iequals(ns, "SYNCML:SYNCML1.1")) return &wbxml::syncml11();
    if (iequals(ns, "SYNCML:SYNCML1.0")) return &wbxml::syncml10();
    if (iequals(ns, "syncml:metinf")) return &wbxml::metinf12();
    if (iequals(ns, "syncml:devinf")) return &wbxml::devinf12();
    if (iequals(ns, "syncml:dmddf1.2")) return &wbxml::dmddf12();
  }
  std::string_view local = local_part(name);
  if (local == "SyncML") return &wbxml::syncml12();
  if (local == "DevInf") return &wbxml::devinf12();
  if (local == "MgmtTree") return &wbxml::dmddf12();
  if (local == "MetInf") return &wbxml::metinf12();
  if (local == "wap-provisioningdoc") return &wbxml::prov10();
  return nullptr;
}


// Character data with its references replaced. Each is checked as the pre-scan would: false at
// the first it does not accept (see Encoder::run).
bool decode_entities(std::string_view s, std::string& out) {
  out.clear();
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, amp - i));
    std::size_t length = xml::detail::entity_length(s, amp);
    if (length == 0) return false;
    std::size_t semi = amp + length - 1;
    std::string_view ref = s.substr(amp + 1, semi - amp - 1);
    if (ref == "amp") out.push_back('&');
    else if (ref == "lt") out.push_back('<');
    else if (ref == "gt") out.push_back('>');
    else if (ref == "quot") out.push_back('"');
    else if (ref == "apos") out.push_back('\'');
    else {
      bool hex = ref.size() > 1 && ref[1] == 'x';
      std::uint32_t v = 0;
      for (char c : ref.substr(hex ? 2 : 1)) {
        v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
      }
      detail::append_utf8(out, v);
    }
    i = semi + 1;
  }
  return true;
}

struct Attribute {
  std::string_view name;
  std::string_view raw;  // value as written (entities not yet replaced)
  std::size_t offset;
};

// The bytes of a document being written: a large one in huge pages (see huge_pages.hpp).
using Bytes = detail::ByteBuffer;

// A document being written: the outer message, or a nested DevInf/DDF document.
struct Output {
  const Language* language = nullptr;
  bool syncml = false;
  bool string_id = false;
  std::uint32_t id_index = 0;
  std::uint8_t page = 0;
  std::uint8_t attribute_page = 0;  // attributes have a code page of their own
  std::size_t header_size = 0;
  Bytes body;
  std::string strtbl;
  std::unordered_map<std::string, std::uint32_t> table_index;
  // Texts seen once in this document (share mode): the second sighting goes to the table. Each
  // document counts its own, as it is decoded and encoded again on its own.
  std::unordered_set<std::string> seen;
};

// 64 bytes: one cache line, and indexing is a shift.
struct Frame {
  std::string_view qname;
  std::size_t tag_pos = 0;        // where the tag byte is (its content bit may be cleared)
  std::size_t content_start = 0;  // body size after the tag and its attributes
  std::size_t type_fix = 0;       // position after a "...+xml" Type string to turn into "+wbxml" (0: none)
  std::uint32_t decl_mark = 0;    // decls_.size() before its own declarations
  std::uint32_t output = 0;       // index of the Output it was written to
  std::uint8_t page = 0, token = 0;
  bool tokenized = false;         // false: literal or unknown
  bool has_elements = false;      // it has child elements: whitespace-only text is layout
  bool collect = false;           // text gathered for Base64 decoding (opaque marker, Format bin)
  bool opaque_marker = false;
  bool nested_root = false;       // this element is the root of a nested document
  bool holds_nested = false;      // a nested document (now OPAQUE) ended inside this Data
  bool capture = false;           // Format/Type inside Meta
  std::int8_t format_bin = -1;    // Meta Format in this element's scope
  std::int8_t nested = -1;        // Meta Type announcing a nested document
  // Its collected text (collect, capture) is Encoder::collected_[depth]: kept out of the frame,
  // which is copied for every element.
};
static_assert(sizeof(Frame) == 64);
static_assert(std::is_trivially_destructible_v<Frame>);

// The open elements, innermost last, in one block sized for the deepest nesting the encoder
// takes: a push never moves a frame, and the innermost one is a pointer away (a vector's size and
// capacity arithmetic was a tenth of the encoder's instructions). Pages of the block that deep
// nesting never reaches are never touched.
class FrameStack {
 public:
  explicit FrameStack(std::size_t capacity)
      : data_(static_cast<Frame*>(::operator new(capacity * sizeof(Frame)))), end_(data_), limit_(data_ + capacity) {}
  FrameStack(const FrameStack&) = delete;
  FrameStack& operator=(const FrameStack&) = delete;
  ~FrameStack() { ::operator delete(data_); }

  std::size_t size() const { return static_cast<std::size_t>(end_ - data_); }
  bool empty() const { return end_ == data_; }
  Frame& back() { return end_[-1]; }
  const Frame& back() const { return end_[-1]; }
  Frame& operator[](std::size_t i) { return data_[i]; }
  const Frame& operator[](std::size_t i) const { return data_[i]; }
  Frame* begin() { return data_; }
  Frame* end() { return end_; }
  // A new innermost frame, all fields at their defaults. The callers' depth limit keeps below
  // the capacity; the check here only guards against a mistake there.
  Frame& push() {
    if (end_ == limit_) throw std::length_error("element stack full");
    return *new (end_++) Frame{};
  }
  void pop() { --end_; }

 private:
  Frame* data_;
  Frame* end_;    // past the innermost frame
  Frame* limit_;  // past the last frame there is room for
};

class Encoder {
 public:
  Encoder(std::string_view text, const std::string& source, const EncodeOptions& options, std::span<char> workspace)
      : text_(text), source_(source), options_(options), workspace_(workspace) {}

  // Encodes the whole text; emit() then hands over the result.
  void run(const Language* forced) {
    std::size_t bom = text_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    std::string_view body = text_.substr(bom);
    if (whitespace_only(body, body.data() + body.size())) throw fail(0, "empty document: no root element");
    xml::detail::PrescanProblem problem;
    if (!xml::detail::check_characters(body, problem)) throw fail(problem.offset + bom, problem.message);
    // The markup is checked on the way, as the pre-scan would, saving a pass over the text. At
    // the first thing the encoder cannot take, the pre-scan runs after all: a markup problem
    // anywhere is reported before what the encoder found, as when the pre-scan runs first.
    try {
      encode(forced, bom);
    } catch (...) {
      if (!xml::detail::prescan(body, kMaxDepth, problem)) throw fail(problem.offset + bom, problem.message);
      throw;
    }
  }

  // The document in one or two pieces (header and string table, then the body), without
  // copying the body.
  void emit(const std::function<void(std::string_view)>& sink) const { pieces(outputs_[0], sink); }

 private:
  static constexpr std::size_t kMaxDepth = xml::ParseOptions{}.max_depth;  // the XML layer's limit

  void encode(const Language* forced, std::size_t bom) {
    pos_ = bom;
    document_start_ = bom;
    std::string_view fpi = prolog();
    const Language* language = forced;
    if (!language && !fpi.empty()) language = wbxml::language_by_fpi(fpi);
    // The root's namespace needs its attributes: read the start tag, then decide.
    std::size_t root_at = pos_;
    std::string_view qname;
    read_start_tag(qname);
    if (!language) {
      std::string_view ns;
      for (const auto& a : attrs_) {
        if (a.name == (prefix_part(qname).empty() ? std::string_view("xmlns") : std::string_view{})) ns = a.raw;
        if (!prefix_part(qname).empty() && a.name.starts_with("xmlns:") && a.name.substr(6) == prefix_part(qname)) ns = a.raw;
      }
      language = language_of_root(qname, ns);
    }
    if (!language) {
      throw fail(root_at, fmt::format("unknown document type: root <{}> is not SyncML, DevInf, MetInf, MgmtTree "
                                      "or wap-provisioningdoc "
                                      "(force one with --language)",
                                      qname));
    }
    // WBXML is rarely larger than its XML: reserving that much costs nothing until written,
    // and growing (a copy) is avoided. About half of it is written for an indented message:
    // those pages are faulted in at once (if the caller's workspace is used, mostly already).
    begin_output(language, text_.size() + 64, workspace_);
    detail::prefault(outputs_[0].body.data(), text_.size() / 2);
    start_element(qname, root_at);
    content();
    epilog();
  }

  // ---- errors and positions ----
  Error fail(std::size_t offset, std::string message) const {
    std::uint32_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text_.size(); ++i) {
      if (text_[i] == '\n') line++, column = 1;
      else if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    }
    return Error(ErrorKind::input, std::move(message), Location{source_, offset, line, column});
  }

  // ---- tokenizer ----
  bool at(std::string_view s) const { return text_.compare(pos_, s.size(), s) == 0; }
  // Past a comment or PI that starts at pos_, checked by the pre-scan's own rules ("--" inside a
  // comment, a PI's target, the XML declaration only at the start).
  void skip_comment() {
    xml::detail::PrescanProblem problem;
    std::size_t end = xml::detail::comment_end(text_, pos_, problem);
    if (end == std::string_view::npos) throw fail(problem.offset, problem.message);
    pos_ = end;
  }
  void skip_pi() {
    xml::detail::PrescanProblem problem;
    std::size_t end = xml::detail::pi_end(text_, pos_, document_start_, problem);
    if (end == std::string_view::npos) throw fail(problem.offset, problem.message);
    pos_ = end;
  }
  // Any other "<!": refused where it stands (conditional sections, look-alikes of comments).
  [[noreturn]] void bad_declaration() const {
    xml::detail::PrescanProblem problem = xml::detail::declaration_problem(text_, pos_);
    throw fail(problem.offset, problem.message);
  }
  // Past a terminator that find() looked for; the encoder checks markup as it goes (see run), so
  // a missing one is an error here.
  std::size_t after(std::size_t found, std::size_t length) const {
    if (found == std::string_view::npos) throw fail(pos_, "unterminated markup");
    return found + length;
  }
  void skip_space() {
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
  }

  // Before the root: declarations, comments, PIs, DOCTYPE (its FPI returned).
  std::string_view prolog() {
    std::string_view fpi;
    bool doctype_seen = false;
    for (;;) {
      skip_space();
      if (pos_ >= text_.size()) throw fail(pos_, "no root element");
      if (text_[pos_] != '<') throw fail(pos_, "text before the root element");
      if (at("<?")) {
        skip_pi();
      } else if (at("<!--")) {
        skip_comment();
      } else if (at("<!DOCTYPE") && pos_ + 9 < text_.size() && is_space(text_[pos_ + 9])) {
        if (doctype_seen) throw fail(pos_, "DOCTYPE declaration allowed only once, before the root element");
        doctype_seen = true;
        std::size_t end = text_.find('>', pos_);
        std::size_t open = text_.find('[', pos_);
        std::string_view decl = text_.substr(pos_, (open < end ? open : end) - pos_);
        std::size_t pub = decl.find("PUBLIC");
        if (pub != std::string_view::npos) {
          std::size_t q1 = decl.find_first_of("\"'", pub);
          if (q1 != std::string_view::npos) {
            std::size_t q2 = decl.find(decl[q1], q1 + 1);
            if (q2 != std::string_view::npos) fpi = decl.substr(q1 + 1, q2 - q1 - 1);
          }
        }
        // Skipped as the pre-scan does (brackets of an internal subset).
        xml::detail::PrescanProblem problem;
        std::size_t past = xml::detail::doctype_end(text_, pos_, problem);
        if (past == std::string_view::npos) throw fail(problem.offset, problem.message);
        pos_ = past;
      } else if (at("<!")) {
        bad_declaration();
      } else {
        return fpi;
      }
    }
  }

  // After the root: only white space, comments and PIs.
  void epilog() {
    for (;;) {
      skip_space();
      if (pos_ >= text_.size()) return;
      if (at("<?")) skip_pi();
      else if (at("<!--")) skip_comment();
      else if (text_[pos_] == '<' && pos_ + 1 < text_.size() && text_[pos_ + 1] != '/' && text_[pos_ + 1] != '!')
        throw fail(pos_, "more than one root element");
      else throw fail(pos_, "content after the root element");
    }
  }

  // At '<' of a start tag: reads the name and attributes into attrs_; returns with pos_ after
  // '>' and empty_ telling whether it was "/>".
  [[gnu::always_inline]] void read_start_tag(std::string_view& qname) {
    std::size_t start = pos_;
    // Locals, not pos_: a store through a char pointer could alias the member, so the compiler
    // would keep it in memory. The first ':' is noted on the way for start_element.
    const char* d = text_.data();
    const std::size_t n = text_.size();
    std::size_t n0 = start + 1, colon;
    std::size_t p = scan_name(d, n0, n, colon);
    qname = std::string_view(d + n0, p - n0);
    qname_colon_ = colon == std::string_view::npos ? colon : colon - n0;
    pos_ = p;
    if (qname.empty()) throw fail(start, "element without a name");
    // The name's characters are checked by start_element, which can skip that for a name of
    // the code pages; here only what follows it ('>', white space, "/>", the input's end).
    attrs_.clear();
    if (p < n && d[p] == '>') {  // no attributes, no white space: most tags
      pos_ = p + 1;
      empty_ = false;
      return;
    }
    if (p < n && !is_space(d[p]) && d[p] != '/') throw fail(start, "not a tag name");
    for (;;) {
      const std::size_t space = pos_;
      skip_space();
      if (pos_ >= text_.size()) throw fail(start, "unterminated start tag");
      char c = text_[pos_];
      if (c == '>') {
        ++pos_;
        empty_ = false;
        return;
      }
      if (c == '/') {
        if (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '>') throw fail(pos_, "expected '>' after '/'");
        pos_ += 2;
        empty_ = true;
        return;
      }
      if (pos_ == space) throw fail(pos_, "white space required before an attribute");
      std::size_t a0 = pos_;
      pos_ = scan_name(text_.data(), pos_, text_.size(), colon);  // an attribute's ':' is not needed
      if (pos_ == a0) throw fail(pos_, fmt::format("unexpected '{}' in a start tag", c));
      std::string_view name = text_.substr(a0, pos_ - a0);
      if (!xml::detail::tag_name_ok(name, ' ', text_.data() + text_.size())) throw fail(a0, "not an attribute name");
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != '=') {
        throw fail(pos_, fmt::format("attribute '{}' without '=' and a value", name));
      }
      ++pos_;
      skip_space();
      char q = pos_ < text_.size() ? text_[pos_] : '\0';
      if (q != '"' && q != '\'') throw fail(pos_, "attribute value without quotes");
      std::size_t v0 = ++pos_;
      pos_ = detail::find_byte(text_.data(), v0, text_.size(), q);
      if (pos_ == text_.size()) throw fail(start, "unterminated start tag");
      check_value(v0, pos_);
      if (attribute_seen(name, start)) throw fail(a0, fmt::format("attribute '{}' given twice", name));
      attrs_.push_back({name, text_.substr(v0, pos_ - v0), a0});
      ++pos_;
    }
  }

  // Whether a start tag already has an attribute `name` (attrs_ holds those before it): the few
  // usual ones compared in turn, many in a set (100,000 attributes must not take quadratic time).
  bool attribute_seen(std::string_view name, std::size_t tag_start) {
    constexpr std::size_t kLinear = 16;
    if (attrs_.size() < kLinear) {
      for (const auto& a : attrs_) {
        if (a.name == name) return true;
      }
      return false;
    }
    if (attr_names_tag_ != tag_start) {  // the set still holds another tag's names
      // A fresh set: clear() would zero every bucket that the largest tag so far needed.
      std::unordered_set<std::string_view>(attrs_.size() * 2).swap(attr_names_);
      for (const auto& a : attrs_) attr_names_.insert(a.name);
      attr_names_tag_ = tag_start;
    }
    return !attr_names_.insert(name).second;
  }

  // An attribute value as the pre-scan checks it: no '<', and references it accepts.
  // Most values are short (a namespace name): the input going on past them, one 16-byte test.
  void check_value(std::size_t i, std::size_t end) const {
    for (;;) {
      i = detail::find_first_of3(text_.data(), i, end, '<', '&', '&', text_.size());
      if (i == end) return;
      std::size_t length = text_[i] == '&' ? xml::detail::entity_length(text_, i) : 0;
      if (length == 0) throw fail(i, "bad attribute value");
      i += length;
    }
  }

  // Does the element whose content starts at pos_ hold a child element?
  bool has_child_elements() {
    std::size_t p = pos_;
    for (bool first = true;; first = false) {
      if (first) {
        // content() looks for the same '<' next, and text() for an '&' or '>' before it: both are
        // noted on this one pass over the text.
        p = detail::find_first_of3(text_.data(), p, text_.size(), '<', '&', '>');
        next_amp_ = p < text_.size() && text_[p] != '<';
        if (next_amp_) p = detail::find_byte(text_.data(), p + 1, text_.size(), '<');
      } else {
        p = detail::find_byte(text_.data(), p, text_.size(), '<');
      }
      if (p == text_.size()) p = std::string_view::npos;
      if (first) {
        next_lt_from_ = pos_;
        next_lt_ = p;
      }
      if (p == std::string_view::npos || p + 1 >= text_.size()) return false;
      char c = text_[p + 1];
      if (c == '/') return false;
      if (c == '?') {
        p = after(text_.find("?>", p + 2), 2);
      } else if (c == '!') {
        if (text_.compare(p, 9, "<![CDATA[") == 0) p = after(text_.find("]]>", p + 9), 3);
        else if (text_.compare(p, 4, "<!--") == 0) p = after(text_.find("-->", p + 4), 3);
        else p = after(text_.find('>', p + 2), 1);
      } else {
        return true;
      }
    }
  }

  // Element content until the root ends: an explicit loop (no recursion).
  void content() {
    while (!frames_.empty()) {
      const bool seen = pos_ == next_lt_from_;  // has_child_elements looked at this text
      std::size_t lt = seen ? next_lt_ : detail::find_byte(text_.data(), pos_, text_.size(), '<');
      if (lt >= text_.size()) throw fail(pos_, "unterminated element");
      if (lt > pos_) {
        std::string_view raw(text_.data() + pos_, lt - pos_);
        // Most texts are short: the search for '&' and '>' is then one 16-byte test.
        bool special = seen ? next_amp_ : detail::find_first_of3(text_.data(), pos_, lt, '&', '>', '&', text_.size()) != lt;
        text(raw, special);
      }
      pos_ = lt;
      char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
      if (next != '/' && next != '!' && next != '?') {
        std::size_t start = pos_;
        std::string_view qname;
        read_start_tag(qname);
        start_element(qname, start);
      } else if (next == '/') {
        std::size_t n0 = pos_ + 2;
        std::string_view open = frames_.back().qname;
        std::size_t gt = n0 + open.size();
        // Usually "</name>" right away; otherwise find its end (white space may precede '>').
        bool plain = gt < text_.size() && text_[gt] == '>' && same_name(text_.data() + n0, open);
        if (!plain) {
          gt = text_.find('>', n0);
          if (gt == std::string_view::npos) throw fail(pos_, "unterminated end tag");
          std::string_view name = text_.substr(n0, gt - n0);
          while (!name.empty() && is_space(name.back())) name.remove_suffix(1);
          if (name != open) {
            throw fail(pos_, fmt::format("end tag </{}> does not match <{}>", name, frames_.back().qname));
          }
        }
        pos_ = gt + 1;
        end_element();
      } else if (at("<![CDATA[")) {
        std::size_t close = text_.find("]]>", pos_ + 9);
        if (close == std::string_view::npos) throw fail(pos_, "unterminated CDATA section");
        cdata(text_.substr(pos_ + 9, close - pos_ - 9));
        pos_ = close + 3;
      } else if (at("<!--")) {
        skip_comment();
      } else if (at("<?")) {
        skip_pi();
      } else if (at("<!DOCTYPE")) {
        throw fail(pos_, "DOCTYPE declaration allowed only once, before the root element");
      } else if (at("<!")) {
        bad_declaration();
      } else {
        std::size_t start = pos_;
        std::string_view qname;
        read_start_tag(qname);
        start_element(qname, start);
      }
    }
  }

  // ---- writing ----
  Output& out() { return *out_; }
  [[gnu::always_inline]] void put(std::uint8_t b) { out().body.push_back(static_cast<char>(b)); }
  void put_mb(std::uint32_t v) { wbxml::append_mb_u_int32(out().body, v); }

  void begin_output(const Language* language, std::size_t reserve, std::span<char> storage = {}) {
    Output& o = outputs_.emplace_back();
    out_ = &o;
    out_index_ = static_cast<std::uint32_t>(outputs_.size() - 1);
    o.language = language;
    o.syncml = is_syncml(language);
    o.string_id = options_.public_id == PublicIdForm::string || language->public_id == 0;
    if (o.string_id && options_.string_table != StringTableMode::none) o.id_index = add_string(language->fpi, 0);
    if (storage.size() >= reserve) o.body.use(storage.data(), storage.size());
    else o.body.reserve(reserve);
    write_header(o, o.body, {});
    o.header_size = o.body.size();
  }

  template <class Buffer>
  void write_header(const Output& o, Buffer& dst, std::string_view strtbl) const {
    bool table = options_.string_table != StringTableMode::none;
    dst.push_back(static_cast<char>(options_.version));
    if (o.string_id && table) {
      dst.push_back(0);
      wbxml::append_mb_u_int32(dst, o.id_index);
    } else {
      wbxml::append_mb_u_int32(dst, o.string_id ? 1 : o.language->public_id);  // 1: unknown, no table for the FPI
    }
    wbxml::append_mb_u_int32(dst, wbxml::kCharsetUtf8);
    wbxml::append_mb_u_int32(dst, static_cast<std::uint32_t>(strtbl.size()));
    dst.append(strtbl);
  }

  // The body was written after a header as if the table stayed empty: the whole body when it
  // did, else a header with the table and then the body after the first header.
  template <class Sink>
  void pieces(const Output& o, Sink&& sink) const {
    std::string_view body = o.body;
    if (o.strtbl.empty()) {
      sink(body);
      return;
    }
    std::string header;
    write_header(o, header, o.strtbl);
    sink(std::string_view(header));
    sink(body.substr(o.header_size));
  }

  // The nested document being written, whole; the one around it is written again.
  std::string end_output() {
    std::string doc = finish_output(*out_);
    outputs_.pop_back();
    out_ = &outputs_.back();
    out_index_ = static_cast<std::uint32_t>(outputs_.size() - 1);
    return doc;
  }

  std::string finish_output(const Output& o) const {
    std::string doc;
    doc.reserve(o.body.size() + o.strtbl.size() + 16);
    pieces(o, [&](std::string_view piece) { doc.append(piece); });
    return doc;
  }

  std::uint32_t add_string(std::string_view s, std::size_t at) {
    if (options_.string_table == StringTableMode::none) {
      throw fail(at, fmt::format("\"{}\" needs the string table, which is turned off", s));
    }
    Output& o = out();
    auto it = o.table_index.find(std::string(s));
    if (it != o.table_index.end()) return it->second;
    auto offset = static_cast<std::uint32_t>(o.strtbl.size());
    o.strtbl.append(s);
    o.strtbl.push_back('\0');
    o.table_index.emplace(std::string(s), offset);
    return offset;
  }

  void switch_page(std::uint8_t page) {
    if (page == out().page) return;
    put(wbxml::tok::kSwitchPage);
    put(page);
    out().page = page;
  }

  // A string: STR_T when the table shares it (second sighting onwards), else STR_I.
  [[gnu::always_inline]] void string(std::string_view s, std::size_t at, bool shareable = true) {
    if (options_.string_table == StringTableMode::share && shareable && s.size() >= kShareMinLength) {
      if (!out().seen.emplace(s).second) {
        std::uint32_t index = add_string(s, at);
        put(wbxml::tok::kStrT);
        put_mb(index);
        return;
      }
    }
    // One reservation for the three parts: a store through a char pointer may alias the
    // buffer's own fields, so each put() of its own would load them again.
    char* w = out().body.extend(s.size() + 2);
    w[0] = static_cast<char>(wbxml::tok::kStrI);
    if (!s.empty()) std::memcpy(w + 1, s.data(), s.size());
    w[s.size() + 1] = '\0';
  }

  void opaque(std::string_view bytes) {
    put(wbxml::tok::kOpaque);
    put_mb(static_cast<std::uint32_t>(bytes.size()));
    out().body.append(bytes);
  }

  std::string_view lookup_ns(std::string_view prefix) const {
    for (std::size_t i = decls_.size(); i-- > 0;) {
      if (decls_[i].first == prefix) return decls_[i].second;
    }
    return {};
  }

  // Page of a namespace in the current language; the same namespace (the root's xmlns, or the
  // MetInf one written on every Format and Type) comes back for most elements, so the last
  // answer is kept and compared by content.
  [[gnu::always_inline]] std::optional<std::uint8_t> page_of_namespace(std::string_view ns) {
    const Language* l = out().language;
    for (const auto& c : ns_cache_) {
      // Mostly the very same declaration (the root's): its bytes need no comparing.
      // Else an equal one declared again (xmlns on every Format): both are in the input.
      if (c.language == l && c.ns.size() == ns.size() && (c.ns.data() == ns.data() || same_name(c.ns.data(), ns))) {
        return c.page;
      }
    }
    NamespaceAnswer& slot = ns_cache_[ns_cache_next_++ % ns_cache_.size()];
    slot = {ns, l, l->page_of_namespace(ns)};
    return slot.page;
  }

  // Language::token, remembered: the same few names come back for every element. The names
  // compared are both in the input, so 16 bytes of each can be read at once (near its end: a loop).
  [[gnu::always_inline]] std::optional<std::uint8_t> token(const Language* l, std::uint8_t page, std::string_view name) {
    std::size_t len = name.size();
    // Most names fit in 8 bytes: then the name itself, read as one integer, is the key.
    if (len != 0 && len <= 8 && text_.data() + text_.size() - name.data() >= 8) {
      std::uint64_t key;
      std::memcpy(&key, name.data(), 8);
      // Only the name's own bytes count: the first `len` in memory order.
      if constexpr (std::endian::native == std::endian::little) key &= ~std::uint64_t{0} >> (64 - 8 * len);
      else key >>= 64 - 8 * len;
      std::size_t h = static_cast<std::size_t>(((key ^ page) * 0x9E3779B97F4A7C15ull) >> 57);  // 7 bits
      ShortTokenAnswer& slot = short_token_cache_[h];
      if (slot.key == key && slot.length == len && slot.page == page && slot.language == l) return slot.token;
      slot = {key, l, page, static_cast<std::uint8_t>(len), l->token(page, name)};
      return slot.token;
    }
    if (len == 0 || len > 16) return l->token(page, name);
    auto u = [](char c) { return static_cast<unsigned>(static_cast<unsigned char>(c)); };
    std::size_t h = len * 13 + u(name[0]) * 13 + u(name[len - 1]) * 3 + u(name[len / 2]) * 5 + page * 29u;
    TokenAnswer& slot = token_cache_[h % token_cache_.size()];
    if (slot.language == l && slot.page == page && slot.name.size() == len && same_name(slot.name.data(), name)) {
      return slot.token;
    }
    slot = {name, l, page, l->token(page, name)};
    return slot.token;
  }
  // Whether the name at `a` starts with the bytes of `b`; both in the input.
  [[gnu::always_inline]] bool same_name(const char* a, std::string_view b) const {
#if defined(__SSE2__)
    const char* end = text_.data() + text_.size();
    if (b.size() <= 16 && end - a >= 16 && end - b.data() >= 16) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a));
      __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data()));
      auto equal = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, y)));
      unsigned want = (1u << b.size()) - 1;  // b.size() <= 16
      return (equal & want) == want;
    }
#endif
    return detail::same_bytes(a, b);
  }

  std::optional<std::pair<std::uint8_t, std::uint8_t>> resolve(std::string_view local, std::string_view ns) {
    const Language* l = out().language;
    if (!ns.empty()) {
      if (auto page = page_of_namespace(ns)) {
        if (auto t = token(l, *page, local)) return std::pair{*page, *t};
      } else if (!language_of_root("", ns)) {
        return std::nullopt;  // a foreign namespace: keep the name as written
      }
    }
    // No namespace, or a SyncML one that lacks the name (<Format> without its xmlns): the
    // current page first, then the others, as decoders expect.
    for (auto p : l->name_pages) {
      if (p == out().page) {
        if (auto t = token(l, p, local)) return std::pair{p, *t};
      }
    }
    for (auto p : l->name_pages) {
      if (auto t = l->token(p, local)) return std::pair{p, *t};
    }
    return std::nullopt;
  }

  void flush_cdata() {
    if (!cdata_pending_) return;
    cdata_pending_ = false;
    opaque(cdata_);
  }

  // Most elements have no attributes, are in a code page and hold no nested document: what the
  // others need is kept out of line (start_attributes, begin_nested, put_literal_tag), so that
  // the common path stays short and its values stay in registers.
  void start_element(std::string_view qname, std::size_t at) {
    if (!empty_ && frames_.size() >= kMaxDepth) throw fail(at, "nested too deep");  // the pre-scan's limit
    flush_text();
    flush_cdata();
    Frame* parent = frames_.empty() ? nullptr : &frames_.back();
    if (parent && parent->holds_nested) throw fail(at, "an element after a nested document in <Data>");
    auto decl_mark = static_cast<std::uint32_t>(decls_.size());
    const bool attributes = !attrs_.empty();
    if (attributes) declare_namespaces();
    std::size_t colon = qname_colon_;
    std::string_view local = colon == std::string_view::npos ? qname : qname.substr(colon + 1);
    std::string_view ns = lookup_ns(colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon));

    // A DevInf or MgmtTree as the first content of a SyncML Data: a nested document.
    bool nested = false;
    if (parent && parent->token == kData && parent->page == 0 && parent->tokenized &&
        outputs_[parent->output].syncml && out().body.size() == parent->content_start && !cdata_pending_) {
      nested = begin_nested(qname, ns);
    }

    Frame& f = frames_.push();
    f.qname = qname;
    f.decl_mark = decl_mark;
    f.output = out_index_;
    f.nested_root = nested;
    std::optional<std::pair<std::uint8_t, std::uint8_t>> tag;
    kept_.clear();
    if (attributes) tag = start_attributes(f, qname, at);  // an <unknown> gives its tag
    if (!tag) {
      tag = resolve(local, ns);
      if (tag) f.tokenized = true;
    }
    if (tag) {
      f.page = tag->first;
      f.token = tag->second;
    }
    // A name without a prefix found in a code page is a name the pre-scan takes (a unit test
    // holds every table to that); any other is checked as the pre-scan would.
    if (!(f.tokenized && colon == std::string_view::npos) &&
        !xml::detail::tag_name_ok(qname, '>', text_.data() + text_.size())) {
      throw fail(at, "not a tag name");
    }
    bool has_attrs = !kept_.empty();
    std::uint8_t flags = (empty_ ? 0 : wbxml::tok::kHasContent) | (has_attrs ? wbxml::tok::kHasAttributes : 0);
    if (tag) {
      switch_page(tag->first);
      f.tag_pos = out().body.size();
      put(static_cast<std::uint8_t>(tag->second | flags));
    } else {
      put_literal_tag(f, qname, flags, at);
    }
    if (has_attrs) put_attributes();
    f.content_start = out().body.size();
    bool syncml = out().syncml;
    if (syncml && f.tokenized && f.page == 1 && (f.token == kFormat || f.token == kType) && parent &&
        parent->tokenized && parent->page == 0 && parent->token == kMeta) {
      f.capture = true;
    }
    if (!empty_) {
      f.has_elements = has_child_elements();
      bool is_data = syncml && f.tokenized && f.page == 0 && f.token == kData;
      if (is_data && !f.has_elements && format_bin() == 1) f.collect = true;
      if (f.opaque_marker) f.collect = true;
    }
    if (collected_.size() < frames_.size()) collected_.emplace_back();
    if (f.collect || f.capture) collected_[frames_.size() - 1].clear();
    if (empty_) end_element();
  }

  // The namespace declarations among attrs_, in scope until the element ends.
  [[gnu::noinline]] void declare_namespaces() {
    for (const auto& a : attrs_) {
      if (a.name == "xmlns") decls_.push_back({"", a.raw});
      else if (a.name.starts_with("xmlns:")) decls_.push_back({a.name.substr(6), a.raw});
    }
  }

  // A nested document begins when `qname` (in `ns`) is a DevInf or MgmtTree root; true if it did.
  [[gnu::noinline]] bool begin_nested(std::string_view qname, std::string_view ns) {
    const Language* l = language_of_root(qname, ns);
    if (l != &wbxml::devinf12() && l != &wbxml::dmddf12()) return false;
    if (l == &wbxml::devinf12() && out().language == &wbxml::syncml11()) l = &wbxml::devinf11();
    apply_type_fix();
    begin_output(l, 1024);
    return true;
  }

  // Sorts attrs_: the ones that travel go to kept_ (all but namespace declarations of code
  // pages and our markers). Returns the tag an <unknown page= token=> names.
  [[gnu::noinline]] std::optional<std::pair<std::uint8_t, std::uint8_t>> start_attributes(Frame& f, std::string_view qname,
                                                                                          std::size_t at) {
    std::string_view unknown_page, unknown_token;
    for (const auto& a : attrs_) {
      // A foreign default namespace travels with its (literal) element; known ones are the code pages.
      if (a.name == "xmlns" && (a.raw.empty() || page_of_namespace(a.raw) || language_of_root("", a.raw))) continue;
      if (a.name.starts_with("xmlns:") && (page_of_namespace(a.raw) || language_of_root("", a.raw))) {
        continue;
      }
      if (a.name == "opaque" && a.raw == "base64") {
        f.opaque_marker = true;
        continue;
      }
      if (qname == "unknown" && a.name == "page") {
        unknown_page = a.raw;
        continue;
      }
      if (qname == "unknown" && a.name == "token") {
        unknown_token = a.raw;
        continue;
      }
      kept_.push_back(a);
    }
    if (unknown_page.empty() || unknown_token.empty()) return std::nullopt;
    unsigned page = 0, token = 0;
    if (std::sscanf(std::string(unknown_page).c_str(), "%u", &page) != 1 || page > 255 ||
        std::sscanf(std::string(unknown_token).c_str(), "%x", &token) != 1 || token < 5 || token > 0x3F) {
      throw fail(at, "<unknown> needs page=\"0-255\" and token=\"0x05-0x3F\"");
    }
    return std::pair{static_cast<std::uint8_t>(page), static_cast<std::uint8_t>(token)};
  }

  // An element no code page has: LITERAL and its name in the string table.
  [[gnu::noinline]] void put_literal_tag(Frame& f, std::string_view qname, std::uint8_t flags, std::size_t at) {
    if (!detail::is_xml_name(qname)) throw fail(at, fmt::format("'{}' is not an XML name", qname));
    std::uint32_t index = add_string(qname, at);
    f.tag_pos = out().body.size();
    put(static_cast<std::uint8_t>(wbxml::tok::kLiteral | flags));
    put_mb(index);
  }

  // The attributes in kept_ and the END after them: as tokens where the language has them
  // (PROV), else literal.
  [[gnu::noinline]] void put_attributes() {
    for (const auto& a : kept_) {
      if (!detail::is_xml_name(a.name)) throw fail(a.offset, fmt::format("'{}' is not an XML name", a.name));
      if (!out().language->attribute_starts.empty()) {
        decode_entities(a.raw, scratch_);
        if (put_attribute_tokens(a.name, scratch_, a.offset)) continue;
      }
      put(wbxml::tok::kLiteral);
      put_mb(add_string(a.name, a.offset));
      decode_entities(a.raw, scratch_);  // checked by read_start_tag
      string(scratch_, a.offset, false);
    }
    put(wbxml::tok::kEnd);
  }

  // An attribute as its start token (the longest value prefix; on a tie the page in force)
  // and the rest of its value as one value token or a string. False when no start token names it.
  bool put_attribute_tokens(std::string_view name, std::string_view value, std::size_t at) {
    const Language* l = out().language;
    const wbxml::AttributeStart* best = nullptr;
    for (const auto& s : l->attribute_starts) {
      if (s.name != name || !value.starts_with(s.prefix)) continue;
      if (!best || s.prefix.size() > best->prefix.size() ||
          (s.prefix.size() == best->prefix.size() && s.page == out().attribute_page)) {
        best = &s;
      }
    }
    if (!best) return false;
    if (best->page != out().attribute_page) {
      put(wbxml::tok::kSwitchPage);
      put(best->page);
      out().attribute_page = best->page;
    }
    put(best->token);
    std::string_view rest = value.substr(best->prefix.size());
    if (rest.empty()) return true;
    for (const auto& v : l->attribute_values) {
      if (v.page == best->page && v.value == rest) {
        put(v.token);
        return true;
      }
    }
    string(rest, at, false);
    return true;
  }

  std::int8_t format_bin() const {
    for (std::size_t i = frames_.size(); i-- > 0;) {
      if (frames_[i].format_bin >= 0) return frames_[i].format_bin;
    }
    return -1;
  }

  // The nearest pending Type (in the current output) becomes "+wbxml": two bytes go in, and
  // every open element written after it moves along.
  void apply_type_fix() {
    for (std::size_t i = frames_.size(); i-- > 0;) {
      Frame& f = frames_[i];
      // The nearest scope with a Type decides, as in decoding: one further out stays as it is.
      if (f.output != out_index_ || f.nested < 0) continue;
      if (f.type_fix == 0) return;
      std::size_t at = f.type_fix - 3;  // before "xml", in the case of its 'x' (decoding drops the two)
      out().body.insert(at, out().body[at] == 'X' ? "WB" : "wb");
      for (auto& g : frames_) {
        if (g.output != f.output) continue;
        if (g.tag_pos >= at) g.tag_pos += 2;
        if (g.content_start >= at) g.content_start += 2;
      }
      f.type_fix = 0;
      return;
    }
  }

  // Character data `raw` (as written), `special` telling whether it may hold an '&' or a '>'
  // (which ends "]]>", not allowed in text).
  void text(std::string_view raw, bool special) {
    Frame& f = frames_.back();
    if (f.has_elements && whitespace_only(raw, text_.data() + text_.size())) return;  // layout
    // The nested document becomes the whole OPAQUE content of its Data: nothing may follow it.
    if (f.holds_nested) throw fail(pos_, "text after a nested document in <Data>");
    if (text_pending_ && !f.collect && pending_.data() != joined_.data()) {
      joined_.assign(pending_);  // before scratch_, which pending_ may view, is reused
      pending_ = joined_;
    }
    std::string_view s = raw;
    if (special && raw.find("]]>") != std::string_view::npos) throw fail(pos_, "']]>' in text");
    if (special && raw.find('&') != std::string_view::npos) {
      if (!decode_entities(raw, scratch_)) throw fail(pos_, "bad entity reference");
      s = scratch_;
      // White space written as references (&#9;) is layout too: decoding writes it back as is.
      if (f.has_elements && whitespace_only(s, s.data() + s.size())) return;
    }
    if (f.collect || f.capture) collected_[frames_.size() - 1].append(s);
    if (f.collect) return;
    flush_cdata();
    // Held back until something other than a comment or PI follows: text split by one is written
    // as one string, the way decoding will read it back.
    if (text_pending_) {
      joined_.append(s);
      pending_ = joined_;
    } else {
      pending_ = s;
      pending_at_ = pos_;
      text_pending_ = true;
    }
  }

  // Writes the text held back, if any (most elements start right after a tag: none).
  [[gnu::always_inline]] void flush_text() {
    if (text_pending_) write_pending_text();
  }
  void write_pending_text() {
    text_pending_ = false;
    const Frame& f = frames_.back();
    if (f.capture && f.token == kType && !wbxml::nested_type_to_wbxml(pending_).empty()) {
      // Kept inline (never shared) so that it can become "+wbxml" if its Data holds a document.
      string(pending_, pending_at_, false);
      type_end_ = out().body.size() - 1;
      return;
    }
    string(pending_, pending_at_);
  }

  void cdata(std::string_view s) {
    Frame& f = frames_.back();
    if (f.holds_nested) throw fail(pos_, "CDATA after a nested document in <Data>");
    flush_text();
    if (f.collect) {
      collected_[frames_.size() - 1].append(s);
      return;
    }
    // Adjacent sections (one split at "]]>") make one OPAQUE.
    if (!cdata_pending_) cdata_.clear();
    cdata_.append(s);
    cdata_pending_ = true;
  }

  [[gnu::always_inline]] void end_element() {
    flush_text();
    flush_cdata();
    // Popped at the end, not copied first: nothing below adds frames.
    const std::size_t depth = frames_.size() - 1;  // f's index; the frames left open after it
    const Frame& f = frames_.back();
    // Stays valid below: only a later element at this depth reuses it.
    const std::string& collected = collected_[depth];
    if (f.collect) {
      auto bytes = base64::decode(collected);
      if (bytes) {
        opaque(*bytes);
      } else if (f.opaque_marker) {
        throw fail(pos_, "element marked opaque=\"base64\" does not hold valid Base64");
      } else if (!collected.empty()) {
        string(collected, pos_);  // Format bin but not Base64: keep the text as it is
      }
    }
    Output& o = outputs_[f.output];
    if (o.body.size() == f.content_start) {
      o.body[f.tag_pos] = static_cast<char>(o.body[f.tag_pos] & ~wbxml::tok::kHasContent);
    } else {
      put(wbxml::tok::kEnd);
    }
    if (decls_.size() != f.decl_mark) decls_.resize(f.decl_mark);
    if (f.capture && depth >= 2) {
      Frame& scope = frames_[depth - 2];  // the Meta's parent
      if (f.token == kFormat) {
        scope.format_bin = collected == "bin" ? 1 : 0;
      } else {
        bool nested_type = !wbxml::nested_type_to_wbxml(collected).empty();
        scope.nested = nested_type || !wbxml::nested_type_to_xml(collected).empty() ? 1 : 0;
        // Only a Type written inline as one string in this output can be patched.
        scope.type_fix = nested_type && type_end_ > f.content_start && f.output == out_index_ ? type_end_ : 0;
      }
    }
    if (f.nested_root) {
      opaque(end_output());
      frames_[depth - 1].holds_nested = true;
    }
    frames_.pop();
  }

  std::string_view text_;
  const std::string& source_;
  const EncodeOptions& options_;
  std::span<char> workspace_;  // for the outer document's output, if large enough
  std::size_t pos_ = 0;
  bool empty_ = false;
  std::size_t qname_colon_ = std::string_view::npos;  // first ':' in the name read_start_tag returned
  std::vector<Attribute> attrs_, kept_;
  std::unordered_set<std::string_view> attr_names_;  // attrs_' names, for a tag with many (attribute_seen)
  std::size_t attr_names_tag_ = std::string_view::npos;  // the offset of that tag
  std::size_t document_start_ = 0;                   // where an XML declaration may stand
  std::vector<std::pair<std::string_view, std::string_view>> decls_;
  FrameStack frames_{kMaxDepth + 1};  // an empty element may open one past the limit
  std::size_t next_lt_from_ = std::string_view::npos, next_lt_ = 0;  // see has_child_elements
  bool next_amp_ = false;                                             // likewise
  std::vector<std::string> collected_;  // per depth, see Frame
  std::vector<Output> outputs_;
  Output* out_ = nullptr;  // outputs_.back(), the one being written (asked for at every token)
  std::uint32_t out_index_ = 0;  // its index
  std::string scratch_;
  std::string cdata_;
  bool cdata_pending_ = false;
  std::string_view pending_;  // text not yet written: a view of the input, scratch_ or joined_
  std::string joined_;        // text runs split by comments or PIs, joined
  std::size_t pending_at_ = 0;
  bool text_pending_ = false;
  std::size_t type_end_ = 0;
  // Recent answers of page_of_namespace (documents alternate between two or three namespaces).
  struct NamespaceAnswer {
    std::string_view ns;
    const Language* language = nullptr;
    std::optional<std::uint8_t> page;
  };
  std::array<NamespaceAnswer, 4> ns_cache_{};
  struct TokenAnswer {
    std::string_view name;  // in the input
    const Language* language = nullptr;
    std::uint8_t page = 0;
    std::optional<std::uint8_t> token;
  };
  std::array<TokenAnswer, 128> token_cache_{};
  struct ShortTokenAnswer {  // a name of up to 8 bytes, as an integer (bytes past it zero)
    std::uint64_t key = 0;
    const Language* language = nullptr;
    std::uint8_t page = 0;
    std::uint8_t length = 0;
    std::optional<std::uint8_t> token;
  };
  std::array<ShortTokenAnswer, 128> short_token_cache_{};
  std::size_t ns_cache_next_ = 0;
};

}  // namespace

const wbxml::Language* detect_language(std::string_view xml_text) {
  // A light look at the prolog and the root start tag (no full parse).
  std::size_t pub = xml_text.find("<!DOCTYPE");
  std::size_t root = xml_text.find('<');
  while (root != std::string_view::npos && root + 1 < xml_text.size() &&
         (xml_text[root + 1] == '?' || xml_text[root + 1] == '!')) {
    if (root == pub) {
      std::size_t q1 = xml_text.find_first_of("\"'", xml_text.find("PUBLIC", pub));
      std::size_t gt = xml_text.find('>', pub);
      if (q1 != std::string_view::npos && q1 < gt) {
        std::size_t q2 = xml_text.find(xml_text[q1], q1 + 1);
        if (const Language* l = wbxml::language_by_fpi(xml_text.substr(q1 + 1, q2 - q1 - 1))) return l;
      }
    }
    root = xml_text.find('<', root + 1);
  }
  if (root == std::string_view::npos) return nullptr;
  std::size_t gt = xml_text.find('>', root);
  std::string_view tag = xml_text.substr(root + 1, gt == std::string_view::npos ? std::string_view::npos : gt - root - 1);
  std::size_t name_end = tag.find_first_of(" \t\r\n/>");
  std::string_view name = tag.substr(0, name_end);
  std::string_view ns;
  std::size_t x = tag.find("xmlns=");
  if (x != std::string_view::npos && x + 7 < tag.size()) {
    char q = tag[x + 6];
    std::size_t end = tag.find(q, x + 7);
    if (end != std::string_view::npos) ns = tag.substr(x + 7, end - x - 7);
  }
  return language_of_root(name, ns);
}

void xml_to_wbxml(std::string_view xml_text, const std::string& source_name, const EncodeOptions& options,
                  const std::function<void(std::string_view)>& sink, std::span<char> workspace) {
  if (options.version < 0x01 || options.version > 0x03) {
    throw Error(ErrorKind::usage, "WBXML version must be 1.1, 1.2 or 1.3");
  }
  Encoder e(xml_text, source_name, options, workspace);
  e.run(options.language);
  e.emit(sink);
}

std::string xml_to_wbxml(std::string_view xml_text, const std::string& source_name, const EncodeOptions& options) {
  std::string wbxml;
  xml_to_wbxml(xml_text, source_name, options, [&](std::string_view piece) { wbxml.append(piece); });
  return wbxml;
}

}  // namespace syncmldm::codec
