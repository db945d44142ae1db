// Builds the compact tree of dom.hpp over text the pre-scan passed. One pass, no recursion; the
// block grows as nodes are appended, and everything in it is placed by distances, so a move
// changes nothing.

#include "xml/xml_dom.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

#include "util/text_scan.hpp"

namespace syncmldm::xml::detail {

namespace {

constexpr std::size_t kMapFrom = 1u << 20;    // blocks from 1 MiB on are mappings of their own
constexpr std::size_t kHugePage = 2u << 20;   // advised for transparent huge pages: fewer faults
constexpr std::size_t kMaxBlock = UINT32_MAX;  // distances are 32-bit

bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
// RapidXML's node_name_pred and attribute_name_pred, as in xml_pull.cpp; the first as a table
// (it runs for every byte of every element name).
struct NameEnds {
  bool at[256] = {};
  constexpr NameEnds() {
    for (unsigned char c : {' ', '\n', '\r', '\t', '/', '>', '?'}) at[c] = true;
  }
};
constexpr NameEnds kNameEnds;
bool ends_name(char c) { return kNameEnds.at[static_cast<unsigned char>(c)]; }
bool in_attribute_name(char c) {
  return !is_ws(c) && c != '/' && c != '<' && c != '>' && c != '=' && c != '?' && c != '!';
}

std::size_t round_up(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

// Writes code point `cp` as UTF-8 at `w`; returns the end.
char* put_utf8(char* w, std::uint32_t cp) {
  if (cp < 0x80) {
    *w++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *w++ = static_cast<char>(0xC0 | (cp >> 6));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *w++ = static_cast<char>(0xE0 | (cp >> 12));
    *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *w++ = static_cast<char>(0xF0 | (cp >> 18));
    *w++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return w;
}

// The code point of "#N" or "#xH" (the body of a character reference), or UINT32_MAX.
std::uint32_t char_ref(std::string_view body) {
  if (body.size() < 2 || body[0] != '#') return UINT32_MAX;
  bool hex = body[1] == 'x';
  std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty()) return UINT32_MAX;
  std::uint32_t code = 0;
  for (char c : digits) {
    int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0 || code > 0x10FFFF) return UINT32_MAX;
    code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
  }
  return code == 0 || code > 0x10FFFF ? UINT32_MAX : code;
}

// Replaces the entity references in t[from, to) where they stand (the result is never longer);
// returns the new length. A '&' that starts no reference stays (the pre-scan lets none through).
std::size_t expand_in_place(char* t, std::size_t from, std::size_t to) {
  char* r = t + from;
  char* end = t + to;
  char* amp = static_cast<char*>(std::memchr(r, '&', to - from));
  if (!amp) return to - from;
  char* w = amp;
  r = amp;
  while (r < end) {
    if (*r != '&') {
      *w++ = *r++;
      continue;
    }
    char* semi = static_cast<char*>(std::memchr(r, ';', static_cast<std::size_t>(end - r)));
    std::string_view body = semi ? std::string_view(r + 1, static_cast<std::size_t>(semi - r - 1)) : std::string_view();
    char c = body == "amp" ? '&' : body == "lt" ? '<' : body == "gt" ? '>' : body == "quot" ? '"' : body == "apos" ? '\'' : 0;
    std::uint32_t code = c || !semi ? UINT32_MAX : char_ref(body);
    if (c) {
      *w++ = c;
    } else if (code != UINT32_MAX) {
      w = put_utf8(w, code);
    } else {
      *w++ = *r++;
      continue;
    }
    r = semi + 1;
  }
  return static_cast<std::size_t>(w - (t + from));
}

}  // namespace

class DomBuilder {
 public:
  explicit DomBuilder(DomDocument& d) : d_(d), n_(d.text_size_) {}

  void run(std::size_t i) {
    for (;;) {
      at_ = i;
      if (open_.empty()) {
        // Outside the root element only markup that is skipped may appear.
        i = skip_ws(i);
        if (i >= n_) return;
        if (t()[i] != '<') problem(i, "text outside the root element");
        if (std::size_t e = skip_markup(i)) {
          i = e;
          continue;
        }
        if (c(i + 1) == '!' || c(i + 1) == '/') problem(i, "markup outside the root element");
        if (have_top_) problem(i, "more than one root element");
        i = start_tag(i);
        continue;
      }
      const std::size_t contents = i;
      i = skip_ws(i);
      if (i >= n_) problem(i, "element not closed");
      if (t()[i] == '<') {
        if (c(i + 1) == '/') {
          i = end_tag(i);
          continue;
        }
        if (c(i + 1) == '!' && n_ - i >= 9 && std::memcmp(t() + i, "<![CDATA[", 9) == 0) {
          std::size_t close = find(i + 9, "]]>");
          add_text(dom::node_cdata, i + 9, close - i - 9);
          i = close + 3;
          continue;
        }
        if (std::size_t e = skip_markup(i)) {
          i = e;
          continue;
        }
        i = start_tag(i);
        continue;
      }
      // Character data runs from the end of the last markup (leading white space included);
      // entity references are replaced only when there is one.
      std::size_t end = syncmldm::detail::find_first_of3(t(), i, n_, '<', '&', '<');
      std::size_t size = end - contents;
      if (end < n_ && t()[end] == '&') {
        const void* lt = std::memchr(t() + end, '<', n_ - end);
        end = lt ? static_cast<std::size_t>(static_cast<const char*>(lt) - t()) : n_;
        size = expand_in_place(t(), contents, end);
      }
      if (end >= n_) problem(i, "element not closed");
      add_text(dom::node_data, contents, size);
      i = end;
    }
  }

 private:
  struct Open {
    std::size_t pos;        // the element's node
    std::size_t last = 0;   // its last child so far
    bool has_last = false;
    bool last_short = false;
  };
  using Node = dom::Node;
  using Attribute = dom::Attribute;

  DomDocument& d_;
  const std::size_t n_;
  std::vector<Open> open_;
  std::size_t top_last_ = 0;
  bool have_top_ = false;
  std::size_t at_ = 0;  // where the construct being read starts (for problems)

  char* t() const { return d_.data_; }
  char c(std::size_t k) const { return k < n_ ? t()[k] : '\0'; }
  template <class T>
  T* at(std::size_t pos) const { return reinterpret_cast<T*>(d_.data_ + pos); }

  [[noreturn]] void problem(std::size_t offset, std::string message) const {
    throw DomProblem{offset, std::move(message)};
  }
  std::size_t find(std::size_t from, std::string_view what) const {
    std::size_t k = std::string_view(t(), n_).find(what, from);
    if (k == std::string_view::npos) problem(at_, "markup not closed");
    return k;
  }

  // `bytes` more at the end of the block (the caller sets every field); its position.
  std::size_t append(std::size_t bytes) {
    std::size_t pos = d_.size_;
    if (pos + bytes > d_.capacity_) [[unlikely]] {
      if (pos + bytes > kMaxBlock) problem(at_, "document too large for its tree (4 GiB with the text)");
      d_.reserve(pos + bytes);
    }
    d_.size_ += bytes;
    return pos;
  }

  std::uint32_t distance(std::size_t from, std::size_t to) const { return static_cast<std::uint32_t>(from - to); }

  std::size_t add_node(dom::NodeType type, std::size_t text_pos, std::size_t size, bool may_be_short) {
    Open* p = open_.empty() ? nullptr : &open_.back();
    if (p && p->has_last && p->last_short) {
      // The sole text child gets a sibling: it becomes a full node (it is the last record).
      std::size_t extra = append(8);
      if (extra != p->last + 8) problem(at_, "internal: text node not last");
      Node* s = at<Node>(p->last);
      s->bits_ &= ~Node::kShort;
      s->parent_ = distance(p->last, p->pos);
      s->next_ = 0;
      p->last_short = false;
    }
    bool shorten = may_be_short && p && !p->has_last && !(at<Node>(p->pos)->bits_ & Node::kAttributes);
    std::size_t pos = append(shorten ? 8 : Node::kLong);
    Node* node = at<Node>(pos);
    node->back_ = distance(pos, text_pos);
    node->bits_ = static_cast<std::uint32_t>(size) | (static_cast<std::uint32_t>(type) << Node::kTypeShift) |
                  (shorten ? Node::kShort : 0);
    if (!shorten) {
      node->parent_ = p ? distance(pos, p->pos) : 0;
      node->next_ = 0;
    }
    if (p) {
      if (p->has_last) at<Node>(p->last)->next_ = distance(pos, p->last);
      else at<Node>(p->pos)->bits_ |= Node::kChildren;
      p->last = pos;
      p->has_last = true;
      p->last_short = shorten;
    } else {
      if (have_top_) at<Node>(top_last_)->next_ = distance(pos, top_last_);
      top_last_ = pos;
      have_top_ = true;
    }
    return pos;
  }

  // Text and CDATA; runs longer than a node holds become several nodes.
  void add_text(dom::NodeType type, std::size_t pos, std::size_t size) {
    do {
      std::size_t piece = std::min<std::size_t>(size, Node::kSizeMask);
      add_node(type, pos, piece, true);
      pos += piece;
      size -= piece;
    } while (size > 0);
  }

  // White space: indentation is runs of spaces after a line break, skipped 16 bytes at a time.
  std::size_t skip_ws(std::size_t s) const {
    const char* d = t();
    for (;;) {
      s = syncmldm::detail::skip_spaces(d, s, n_);
      if (s >= n_ || !is_ws(d[s])) return s;
      ++s;
    }
  }

  // Comments, processing instructions, DOCTYPE and other "<!...>" at t[i] == '<': the offset
  // past them, or 0 when t[i] starts an element, an end tag or CDATA.
  std::size_t skip_markup(std::size_t i) const {
    if (c(i + 1) == '?') return find(i + 2, "?>") + 2;
    if (c(i + 1) != '!') return 0;
    if (c(i + 2) == '-' && c(i + 3) == '-') return find(i + 4, "-->") + 3;
    std::string_view rest(t() + i, std::min<std::size_t>(9, n_ - i));
    if (rest == "<![CDATA[") return 0;
    if (rest == "<!DOCTYPE" && is_ws(c(i + 9))) {
      std::size_t s = i + 10;
      while (s < n_ && t()[s] != '>') {
        if (t()[s] == '[') {
          int depth = 1;
          for (++s; depth > 0; ++s) {
            if (s >= n_) problem(i, "DOCTYPE not closed");
            if (t()[s] == '[') ++depth;
            else if (t()[s] == ']') --depth;
          }
        } else {
          ++s;
        }
      }
      if (s >= n_) problem(i, "DOCTYPE not closed");
      return s + 1;
    }
    return find(i + 2, ">") + 1;
  }

  std::size_t start_tag(std::size_t i) {
    std::size_t s = i + 1;
    for (const char* d = t(); s < n_ && !ends_name(d[s]);) ++s;
    if (s == i + 1) problem(i, "'<' must start a tag");
    if (s - i - 1 > Node::kSizeMask) problem(i, "element name too long");
    const std::size_t element = add_node(dom::node_element, i + 1, s - i - 1, false);
    s = skip_ws(s);
    std::size_t last_attribute = 0;
    while (s < n_ && in_attribute_name(t()[s])) {
      const std::size_t name = s++;
      while (s < n_ && in_attribute_name(t()[s])) ++s;
      const std::size_t name_size = s - name;
      s = skip_ws(s);
      if (c(s) != '=') problem(s, "'=' expected after an attribute name");
      s = skip_ws(s + 1);
      char quote = c(s);
      if (quote != '"' && quote != '\'') problem(s, "attribute value must be quoted");
      const void* close = std::memchr(t() + s + 1, quote, n_ - (s + 1));
      if (!close) problem(s, "attribute value not closed");
      const std::size_t value = s + 1;
      const std::size_t end = static_cast<std::size_t>(static_cast<const char*>(close) - t());
      const std::size_t value_size = expand_in_place(t(), value, end);
      if (name_size >= Attribute::kLast) problem(name, "attribute name too long");
      last_attribute = append(Node::kLong);
      Attribute* a = at<Attribute>(last_attribute);
      a->name_back_ = distance(last_attribute, name);
      a->name_size_ = static_cast<std::uint32_t>(name_size);
      a->value_back_ = distance(last_attribute, value);
      a->value_size_ = static_cast<std::uint32_t>(value_size);
      at<Node>(element)->bits_ |= Node::kAttributes;
      s = skip_ws(end + 1);
    }
    if (last_attribute) at<Attribute>(last_attribute)->name_size_ |= Attribute::kLast;
    if (c(s) == '>') {
      open_.push_back({element});
      return s + 1;
    }
    if (c(s) == '/' && c(s + 1) == '>') return s + 2;
    problem(s, "'>' expected to end a start tag");
  }

  // The pre-scan matched end tags to start tags already.
  std::size_t end_tag(std::size_t i) {
    const void* close = std::memchr(t() + i, '>', n_ - i);
    if (!close) problem(i, "end tag not closed");
    open_.pop_back();
    return static_cast<std::size_t>(static_cast<const char*>(close) - t()) + 1;
  }
};

DomDocument::~DomDocument() {
  if (mapped_) ::munmap(data_, capacity_);
  else std::free(data_);
}

void DomDocument::reserve(std::size_t total) {
  if (total <= capacity_) return;
  std::size_t cap = std::max({total, capacity_ + capacity_ / 2, std::size_t{4096}});
  if (cap < kMapFrom) {
    void* p = std::realloc(data_, cap);
    if (!p) throw std::bad_alloc();
    data_ = static_cast<char*>(p);
  } else {
    cap = round_up(cap, kHugePage);
    void* p;
    if (mapped_) {
      p = ::mremap(data_, capacity_, cap, MREMAP_MAYMOVE);
    } else {
      p = ::mmap(nullptr, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }
    if (p == MAP_FAILED) throw std::bad_alloc();
    ::madvise(p, cap, MADV_HUGEPAGE);  // advice only: failure just means small pages
    if (!mapped_) {
      if (size_) std::memcpy(p, data_, size_);
      std::free(data_);
      mapped_ = true;
    }
    data_ = static_cast<char*>(p);
  }
  capacity_ = cap;
}

void DomDocument::copy(std::string_view text) {
  if (text.size() > kMaxBlock / 2) throw DomProblem{0, "document too large (2 GiB at most)"};
  text_size_ = text.size();
  nodes_ = round_up(text.size() + 1, 8);
  // A token-dense message needs about as many bytes of nodes as of text.
  reserve(nodes_ + text.size() + 256);
  if (!text.empty()) std::memcpy(data_, text.data(), text.size());
  std::memset(data_ + text.size(), 0, nodes_ - text.size());
  size_ = nodes_;
}

void DomDocument::build(std::size_t bom) { DomBuilder(*this).run(bom); }

dom::Node* DomDocument::root() const {
  return size_ > nodes_ ? reinterpret_cast<dom::Node*>(data_ + nodes_) : nullptr;
}

namespace {

void escape(std::string& out, const char* p, std::size_t n, char keep) {
  for (std::size_t k = 0; k < n; ++k) {
    char ch = p[k];
    if (ch == keep) {
      out.push_back(ch);
      continue;
    }
    switch (ch) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\'': out += "&apos;"; break;
      case '"': out += "&quot;"; break;
      case '&': out += "&amp;"; break;
      default: out.push_back(ch);
    }
  }
}

}  // namespace

}  // namespace syncmldm::xml::detail

namespace syncmldm::xml::dom {

void print(const Node* node, std::string& out) {
  switch (node->type()) {
    case node_data: detail::escape(out, node->value(), node->value_size(), '\0'); return;
    case node_cdata:
      out += "<![CDATA[";
      out.append(node->value(), node->value_size());
      out += "]]>";
      return;
    case node_element: break;
  }
  out.push_back('<');
  out.append(node->name(), node->name_size());
  for (const Attribute* a = node->first_attribute(); a; a = a->next_attribute()) {
    out.push_back(' ');
    out.append(a->name(), a->name_size());
    out.push_back('=');
    // Double quotes unless the value holds one; the other quote is then written as is.
    bool single = std::memchr(a->value(), '"', a->value_size()) != nullptr;
    out.push_back(single ? '\'' : '"');
    detail::escape(out, a->value(), a->value_size(), single ? '"' : '\'');
    out.push_back(single ? '\'' : '"');
  }
  const Node* child = node->first_node();
  if (!child) {
    out += "/>";
    return;
  }
  out.push_back('>');
  for (; child; child = child->next_sibling()) print(child, out);
  out += "</";
  out.append(node->name(), node->name_size());
  out.push_back('>');
}

}  // namespace syncmldm::xml::dom
