// WBXML -> XML, streaming: tokens are written to the output buffer as they are read; the only
// state kept is one small frame per open element (for namespaces and for Meta Format/Type, which
// decide how a Data's OPAQUE is shown).
#include <algorithm>
#include <deque>

#include <fmt/format.h>

#include "util/utf8_append.hpp"
#include "syncmldm/util/base64.hpp"
#include "syncmldm/codec/codec.hpp"
#include "util/huge_pages.hpp"
#include "xml/xml_names.hpp"
#include "xml/xml_writer.hpp"

namespace syncmldm::codec {

namespace {

using wbxml::Event;
using wbxml::EventType;

// SyncML tokens the decoder gives meaning to (page, token).
constexpr std::uint8_t kData = 0x0F, kMeta = 0x1A;         // page 0
constexpr std::uint8_t kFormat = 0x07, kType = 0x13;       // page 1

// Nested documents inside nested documents are refused beyond this.
constexpr int kMaxNesting = 4;

struct Frame {
  std::string_view ns;        // namespace in force (declared on this element or inherited)
  std::uint8_t page = 0;
  std::uint8_t token = 0;     // 0 for literal elements
  std::int8_t format_bin = -1;  // Meta Format in this scope: -1 unknown, 0 other, 1 bin
  std::int8_t nested = -1;      // Meta Type announces a nested document: -1 unknown, 0 no, 1 yes
  bool capture = false;         // Format/Type inside Meta: text collected into `captured`
  bool base64_marked = false;   // holds binary OPAQUE as marked Base64: nothing may follow it
  // The tag page whose leaf children (one inline string each) are written as they are read
  // (Decoder::leaf_element), or -1: their namespace is this element's own, none of them is a Meta
  // Format/Type to capture, and nothing refuses content here.
  std::int16_t leaf_page = -1;
};

bool is_syncml(const wbxml::Language* l) {
  return l == &wbxml::syncml10() || l == &wbxml::syncml11() || l == &wbxml::syncml12() || l == &wbxml::metinf12();
}


// Root names an encoder recognises a document type by (as literals, in a foreign namespace).
bool names_document_type(std::string_view qname) {
  std::string_view local = qname.substr(qname.find(':') + 1);
  return local == "SyncML" || local == "DevInf" || local == "MgmtTree" || local == "MetInf" ||
         local == "wap-provisioningdoc";
}

std::string shown_name(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 40)) {
    auto b = static_cast<unsigned char>(c);
    out += (b >= 0x20 && b < 0x7F) ? std::string(1, c) : fmt::format("\\x{:02X}", b);
  }
  return s.size() > 40 ? out + "..." : out;
}

class Decoder {
 public:
  Decoder(detail::XmlWriter& w, const DecodeOptions& options, std::uint64_t base, int nesting,
          wbxml::TableBudget* budget = nullptr)
      : w_(w), options_(options), base_(base), nesting_(nesting), budget_(budget) {}

  // With a sink, the outermost decoder hands the output over between events once it holds a
  // chunk (never inside a nested document, whose output may still be rewound).
  void run(std::string_view bytes, const std::string& source,
           const std::function<void(std::string_view)>* sink = nullptr) {
    wbxml::ReadOptions ro;
    ro.language = nesting_ == 0 ? options_.language : nullptr;
    ro.max_depth = options_.max_depth;
    ro.budget = budget_;
    input_begin_ = bytes.data();
    input_end_ = bytes.data() + bytes.size();
    wbxml::Reader reader(bytes, source, ro);
    reader_ = &reader;
    language_ = reader.header().language;
    syncml_ = is_syncml(language_);
    Event e;
    std::uint64_t* document_end = nesting_ == 0 ? options_.document_end : nullptr;
    if (document_end) *document_end = bytes.size();
    // Leaf elements are looked for where they mostly are: after a start tag (a first child), a
    // page switch (the next element), or another leaf (a sibling); after an END, usually not.
    bool try_leaf = false;
    for (;;) {
      if (!try_leaf || !leaf_element(reader)) {
        if (!reader.next(e)) break;
        try_leaf = e.type == EventType::start || e.type == EventType::switch_page;
        if (!leaf(reader, e)) handle(e);
        if (document_end && reader.root_done()) {
          *document_end = reader.position();
          break;
        }
      }
      if (sink && w_.size() >= kDecodeChunk) {
        (*sink)(w_.written());
        w_.clear();
      }
    }
  }

 private:
  Error fail(std::uint64_t offset, std::string message) const { return reader_->error(offset + base_, std::move(message)); }

  // Marked Base64 must be the whole content of its element, or the encoder could not restore it.
  void refuse_after_base64(const Event& e) const {
    if (!frames_.empty() && frames_.back().base64_marked)
      throw fail(e.offset, "content after binary OPAQUE data in the same element cannot be written as XML");
  }

  [[noreturn]] void refuse_text(std::uint64_t offset, std::string_view s, std::size_t bad) const {
    auto b = static_cast<unsigned char>(s[bad]);
    if (b < 0x20) throw fail(offset, fmt::format("control character 0x{:02X} in a string cannot be written as XML", b));
    throw fail(offset, fmt::format("invalid UTF-8 in a string (byte 0x{:02X} at index {})", b, bad));
  }

  void write_text(const Event& e, std::string_view s, bool cdata) {
    refuse_after_base64(e);
    std::size_t bad = cdata ? w_.cdata(s) : w_.text(s);
    if (bad != std::string_view::npos) refuse_text(e.offset, s, bad);
  }

  // The namespace of a page's elements (a page that has the token named: it exists), looked up
  // once while the page stays the same.
  std::string_view page_namespace(std::uint8_t page) {
    if (page != ns_page_ || !ns_known_) {
      ns_page_ = page;
      ns_ = language_->page(page)->xml_namespace;
      ns_known_ = true;
    }
    return ns_;
  }

  // An element of the code pages whose content is one inline string (most elements of a dense
  // message: CmdID, MsgRef, Data): start(), text() and end() in one step, when none of them
  // would do more than write it (no xmlns to declare, no Meta Format/Type to capture, nothing
  // to refuse). False, with nothing read, when it is not such an element.
  bool leaf(wbxml::Reader& reader, const Event& e) {
    if (e.type != EventType::start || !e.has_content || e.has_attributes || e.literal || e.name.empty() ||
        frames_.empty() || root_ns_pending_) {
      return false;
    }
    const Frame& parent = frames_.back();
    if (parent.base64_marked) return false;
    std::string_view ns = page_namespace(e.page);
    if (ns.data() != parent.ns.data() || ns.size() != parent.ns.size()) return false;
    std::uint8_t token = e.token & 0x3F;
    if (syncml_ && e.page == 1 && (token == kFormat || token == kType) && parent.page == 0 && parent.token == kMeta) {
      return false;
    }
    std::string_view s;
    std::uint64_t at = 0;
    if (!reader.leaf_text(s, at)) return false;
    std::size_t bad = w_.leaf(e.name, s, input_end_);
    if (bad != std::string_view::npos) refuse_text(at, s, bad);
    return true;
  }

  // A leaf element next in the innermost element, on its leaf_page: read and written as next()
  // and leaf() would, without an event for its start (most of a dense message is such elements).
  // False, with nothing read, for anything else.
  [[gnu::always_inline]] bool leaf_element(wbxml::Reader& reader) {
    std::string_view name, s;
    std::uint64_t at = 0;
    if (frames_.empty() || frames_.back().leaf_page != reader.tag_page() || !reader.leaf_element(name, s, at)) {
      return false;
    }
    std::size_t bad = w_.leaf_static(name, s, input_end_);  // a name of the code page tables
    if (bad != std::string_view::npos) refuse_text(at, s, bad);
    return true;
  }

  void start(const Event& e) {
    refuse_after_base64(e);
    std::string_view name = e.name;
    std::string_view parent_ns = frames_.empty() ? std::string_view{} : frames_.back().ns;
    Frame f;
    f.ns = parent_ns;
    f.page = e.page;
    bool unknown = false;
    if (e.literal) {
      f.token = 0;
      if (!detail::is_xml_name(name)) throw fail(e.offset, fmt::format("literal tag name \"{}\" is not an XML name", shown_name(name)));
      if (frames_.empty()) {
        if (!names_document_type(name)) {
          throw fail(e.offset, fmt::format("the root is the literal <{}>, which names no document type", shown_name(name)));
        }
        // The public id says which document this is; the literal's name alone may say another
        // (<SyncML> in a MetInf document), so the root gets the language's namespace unless it
        // brings its own (an xmlns attribute, which follows as the next events).
        f.ns = language_->root_namespace;
        root_ns_pending_ = !f.ns.empty();
      }
    } else {
      f.token = e.token & 0x3F;
      if (name.empty()) {
        if (!options_.keep_unknown) {
          if (!language_->page(e.page)) {
            throw fail(e.offset, fmt::format("tag 0x{:02X} on code page {}, which {} does not have", e.token, e.page,
                                             language_->name));
          }
          throw fail(e.offset, fmt::format("unknown tag token 0x{:02X} on code page {} of {}", e.token, e.page,
                                           language_->name));
        }
        if (frames_.empty()) {
          // Nothing in the XML would tell an encoder which document type this is.
          throw fail(e.offset, fmt::format("the root is the unknown tag 0x{:02X} on code page {} of {}", e.token,
                                           e.page, language_->name));
        }
        unknown = true;
        name = "unknown";
      } else {
        f.ns = page_namespace(e.page);
      }
    }
    w_.start(name);
    tag_attributes_.clear();
    tag_is_unknown_ = name == "unknown";
    // Namespaces come from the code page tables: the same view, mostly, so pointers first.
    bool ns_changed = f.ns.size() != parent_ns.size() || (f.ns.data() != parent_ns.data() && f.ns != parent_ns);
    if (!unknown && (frames_.empty() || ns_changed) && !f.ns.empty() && !root_ns_pending_) {
      w_.attribute("xmlns", f.ns);
      tag_attributes_.push_back("xmlns");
    }
    if (unknown) {
      w_.attribute("page", fmt::format("{}", e.page));
      w_.attribute("token", fmt::format("0x{:02X}", e.token & 0x3F));
      tag_attributes_.insert(tag_attributes_.end(), {"page", "token"});
    }
    if (syncml_ && !e.literal && e.page == 1 && (f.token == kFormat || f.token == kType) && !frames_.empty() &&
        frames_.back().page == 0 && frames_.back().token == kMeta) {
      f.capture = true;
      captured_.clear();
    }
    // A token's children on its own page share its namespace (page_namespace); Meta's Format and
    // Type are captured, so Meta's children are not written as they are read.
    if (!e.literal && !unknown && !(syncml_ && e.page == 0 && f.token == kMeta)) f.leaf_page = e.page;
    frames_.push_back(f);
  }

  // Meta's parent is the scope a Format/Type applies to.
  void end(const Event&) {
    Frame f = frames_.back();
    frames_.pop_back();
    w_.end();
    if (f.capture && frames_.size() >= 2) {
      Frame& scope = frames_[frames_.size() - 2];
      if (f.token == kFormat) scope.format_bin = captured_ == "bin" ? 1 : 0;
      else scope.nested = !wbxml::nested_type_to_xml(captured_).empty() ? 1 : 0;
    }
  }

  bool in_data() const { return syncml_ && frames_.back().page == 0 && frames_.back().token == kData; }

  template <typename Field>
  std::int8_t in_scope(Field field) const {
    for (std::size_t i = frames_.size(); i-- > 0;) {
      if (frames_[i].*field >= 0) return frames_[i].*field;
    }
    return -1;
  }

  void text(const Event& e, std::string_view s) {
    Frame& f = frames_.back();
    if (f.capture) {
      captured_.append(s);
      if (f.token == kType && !wbxml::nested_type_to_xml(s).empty()) {
        // "...+wbxml" becomes "...+xml" with the rest as written: encoding restores the same bytes.
        std::string as_xml(s);
        as_xml.erase(as_xml.size() - 5, 2);
        write_text(e, as_xml, false);
        return;
      }
    }
    write_text(e, s, false);
  }

  void opaque(const Event& e) {
    std::string_view bytes = e.data;
    if (in_data()) {
      if (in_scope(&Frame::nested) == 1 && nesting_ < kMaxNesting && wbxml::looks_like_wbxml(bytes) &&
          w_.start_tag_open()) {
        auto mark = w_.mark();
        try {
          // The outer document's budget: what a nested one expands to counts against it, also
          // when the attempt fails and its bytes are shown as they are.
          Decoder nested(w_, options_, base_ + data_start(e), nesting_ + 1, &reader_->budget());
          nested.run(bytes, reader_->source_name());
          return;
        } catch (const Error& err) {
          // A document that expands too far is an error of the whole input, placed at its OPAQUE.
          if (reader_->budget().exceeded) throw fail(e.offset, err.message());
          // Not a decodable document after all: show the bytes as they are.
          w_.rewind(mark);
        }
      }
      if (in_scope(&Frame::format_bin) == 1) {
        write_text(e, base64::encode(bytes), false);
        return;
      }
    }
    if (detail::find_invalid_xml_text(bytes) == std::string_view::npos) {
      write_text(e, bytes, true);
      return;
    }
    // Binary: Base64, marked so that the encoder restores the OPAQUE.
    if (w_.start_tag_open()) {
      for (std::string_view seen : tag_attributes_)
        if (seen == "opaque") throw fail(e.offset, "binary data where a literal attribute \"opaque\" leaves no room for the Base64 marker");
      w_.attribute("opaque", "base64");
      write_text(e, base64::encode(bytes), false);
      frames_.back().base64_marked = true;
      frames_.back().leaf_page = -1;
      return;
    }
    write_text(e, base64::encode(bytes), false);
  }

  // XML allows an attribute once per tag, and the markers this decoder writes itself
  // (opaque="base64", page and token on <unknown>) would mean something else when encoded again.
  void check_attribute_name(const Event& e) const {
    if (!detail::is_xml_name(e.name))
      throw fail(e.offset, fmt::format("attribute name \"{}\" is not an XML name", shown_name(e.name)));
    for (std::string_view seen : tag_attributes_)
      if (seen == e.name) throw fail(e.offset, fmt::format("attribute \"{}\" given twice", shown_name(e.name)));
    bool reserved = (e.name == "opaque" && e.data == "base64") || (tag_is_unknown_ && (e.name == "page" || e.name == "token"));
    if (reserved) throw fail(e.offset, fmt::format("attribute name \"{}\" is reserved for the decoder's own markers", e.name));
  }

  std::uint64_t data_start(const Event& e) const {
    // The OPAQUE bytes follow the token and its length; offsets inside the nested document are
    // reported relative to the outer input.
    return static_cast<std::uint64_t>(e.data.data() - input_begin_);
  }

  void handle(const Event& e) {
    if (root_ns_pending_ && !(e.type == EventType::attribute && e.name != "xmlns")) {
      root_ns_pending_ = false;
      if (e.type != EventType::attribute) {
        w_.attribute("xmlns", frames_.back().ns);
        tag_attributes_.push_back("xmlns");
      }
    }
    switch (e.type) {
      case EventType::start: start(e); break;
      case EventType::attribute:
        // Namespaces of tokens come from code pages (Nokia sends an xmlns attribute as well);
        // a literal element keeps its own.
        if (e.name == "xmlns" && frames_.back().token != 0) break;
        check_attribute_name(e);
        if (detail::find_invalid_xml_text(e.data) != std::string_view::npos) {
          throw fail(e.offset, "attribute value is not valid UTF-8 text");
        }
        w_.attribute(e.name, e.data);
        tag_attributes_.push_back(e.name);
        if (e.name == "xmlns") {
          // The literal's default namespace covers its children: a token inside it then needs
          // its own xmlns to encode back to the same token.
          while (literal_ns_.size() < frames_.size()) literal_ns_.emplace_back();
          literal_ns_[frames_.size() - 1].assign(e.data);
          frames_.back().ns = literal_ns_[frames_.size() - 1];
        }
        break;
      case EventType::end: end(e); break;
      case EventType::text: text(e, e.data); break;
      case EventType::entity: {
        if (e.value == 0) throw fail(e.offset, "entity U+0 cannot be written as XML");
        std::string s;
        detail::append_utf8(s, e.value);
        text(e, s);
        break;
      }
      case EventType::opaque: opaque(e); break;
      case EventType::extension:
        throw fail(e.offset, fmt::format("extension token 0x{:02X} is not used by {}", e.token, language_->name));
      case EventType::pi:
      case EventType::switch_page: break;
    }
  }

  detail::XmlWriter& w_;
  const DecodeOptions& options_;
  std::uint64_t base_;
  int nesting_;
  wbxml::TableBudget* budget_;  // nullptr: the reader's own
  wbxml::Reader* reader_ = nullptr;
  const wbxml::Language* language_ = nullptr;
  bool syncml_ = false;
  std::vector<Frame> frames_;
  std::vector<std::string_view> tag_attributes_;  // names written on the open start tag
  bool tag_is_unknown_ = false;                   // that tag is <unknown> (or a literal of that name)
  bool root_ns_pending_ = false;                  // a literal root's namespace, until its attributes are read
  std::string captured_;
  std::uint8_t ns_page_ = 0;  // page_namespace(): the last page asked for, and its namespace
  bool ns_known_ = false;
  std::string_view ns_;
  // Default namespaces declared on literal elements, per depth (a deque: views stay valid).
  std::deque<std::string> literal_ns_;
  const char* input_begin_ = nullptr;
  const char* input_end_ = nullptr;
};

}  // namespace

void wbxml_to_xml(std::string_view wbxml, const std::string& source_name, const DecodeOptions& options,
                  const std::function<void(std::string_view)>& sink) {
  std::string out;
  // Room for a chunk and the event that completes it (the XML is 2-3 times the WBXML, so a
  // small message gets a small buffer).
  out.reserve((std::min)(wbxml.size() * 4, 2 * kDecodeChunk) + 4096);
  // The buffer is reused chunk after chunk: its pages are faulted in once, together.
  detail::prefault(out.data(), (std::min)(out.capacity(), wbxml.size() * 2 + kDecodeChunk / 4));
  detail::XmlWriter w(out, options.indent);
  if (options.xml_declaration) w.declaration();
  Decoder d(w, options, 0, 0);
  d.run(wbxml, source_name, &sink);
  w.finish();
  if (!out.empty()) sink(out);
}

std::string wbxml_to_xml(std::string_view wbxml, const std::string& source_name, const DecodeOptions& options) {
  std::string out;
  // Decoded XML is 2-3 times the WBXML; untouched reserved pages cost nothing.
  out.reserve((wbxml.size() < (std::size_t{256} << 20) ? wbxml.size() * 4 : wbxml.size() * 2) + 4096);
  detail::advise_huge_pages(out.data(), out.capacity());
  detail::prefault(out.data(), wbxml.size() * 2);  // at least this much is written, mostly
  detail::XmlWriter w(out, options.indent);
  if (options.xml_declaration) w.declaration();
  Decoder d(w, options, 0, 0);
  d.run(wbxml, source_name);
  w.finish();
  return out;
}

}  // namespace syncmldm::codec
