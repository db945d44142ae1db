// Reading a provisioning document: XML through the XML layer, WBXML through the token reader,
// both into one builder that knows the structure ProvCont allows.
#include <fmt/format.h>

#include "syncmldm/prov/prov.hpp"
#include "syncmldm/wbxml/wbxml.hpp"
#include "syncmldm/xml/xml.hpp"
#include "xml/dom.hpp"

namespace syncmldm::prov {

namespace {

constexpr std::string_view kRoot = "wap-provisioningdoc";

bool blank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

struct Attr {
  std::string_view name;
  std::string_view value;
  Location where;
};

// Builds the model from start/text/end calls, whichever format they come from.
class Builder {
 public:
  Builder(Document& doc, const ReadOptions& options, std::vector<Problem>* problems)
      : doc_(doc), options_(options), problems_(problems) {}

  void start(std::string_view name, const std::vector<Attr>& attrs, const Location& where) {
    if (++elements_ > options_.max_elements) {
      throw Error(ErrorKind::input, fmt::format("more than {} elements", options_.max_elements), where);
    }
    if (skip_ > 0) {
      ++skip_;
      return;
    }
    if (!root_seen_) {
      root_seen_ = true;
      if (name != kRoot) {
        throw Error(ErrorKind::input, fmt::format("not a provisioning document: the root is <{}>, not <{}>", name, kRoot),
                    where);
      }
      doc_.where = where;
      for (const auto& a : attrs) {
        if (a.name == "version") doc_.version = std::string(a.value);
        else if (a.name != "xmlns") problem(fmt::format("unknown attribute '{}' on <{}>", a.name, kRoot), a.where);
      }
      stack_.push_back({Kind::root, nullptr});
      return;
    }
    Frame& parent = stack_.back();
    if (parent.kind == Kind::parm) {
      problem(fmt::format("<{}> inside a <parm>: a parm holds no elements", name), where);
      ++skip_;
      return;
    }
    if (name == "characteristic") {
      if (stack_.size() > options_.max_depth) {
        throw Error(ErrorKind::input, fmt::format("characteristics nested deeper than {}", options_.max_depth), where);
      }
      Characteristic c;
      c.where = where;
      bool typed = false;
      for (const auto& a : attrs) {
        if (a.name == "type") c.type = std::string(a.value), typed = true;
        else problem(fmt::format("unknown attribute '{}' on <characteristic>", a.name), a.where);
      }
      if (!typed || c.type.empty()) problem("<characteristic> without a type", where);
      auto& list = parent.kind == Kind::root ? doc_.characteristics : parent.c->children;
      if (parent.kind == Kind::characteristic) {
        parent.c->order.push_back({false, static_cast<std::uint32_t>(list.size())});
      }
      list.push_back(std::move(c));
      stack_.push_back({Kind::characteristic, &list.back()});
      return;
    }
    if (name == "parm") {
      if (parent.kind != Kind::characteristic) {
        problem("<parm> outside a characteristic", where);
        ++skip_;
        return;
      }
      Parm p;
      p.where = where;
      bool named = false;
      for (const auto& a : attrs) {
        if (a.name == "name") p.name = std::string(a.value), named = true;
        else if (a.name == "value") p.value = std::string(a.value);
        else if (a.name == "datatype") p.datatype = std::string(a.value);
        else problem(fmt::format("unknown attribute '{}' on <parm>", a.name), a.where);
      }
      if (!named || p.name.empty()) problem("<parm> without a name", where);
      parent.c->order.push_back({true, static_cast<std::uint32_t>(parent.c->parms.size())});
      parent.c->parms.push_back(std::move(p));
      stack_.push_back({Kind::parm, nullptr});
      return;
    }
    problem(fmt::format("unknown element <{}> (a provisioning document holds characteristic and parm)", name), where);
    ++skip_;
  }

  void text(std::string_view data, const Location& where) {
    if (skip_ > 0 || blank(data)) return;
    problem("text content: provisioning elements carry their values in attributes", where);
  }

  void end() {
    if (skip_ > 0) {
      --skip_;
      return;
    }
    stack_.pop_back();
  }

 private:
  enum class Kind { root, characteristic, parm };
  struct Frame {
    Kind kind;
    Characteristic* c;  // stays valid: a parent's list grows only while it is innermost
  };

  void problem(std::string message, const Location& where) {
    if (!problems_) throw Error(ErrorKind::input, std::move(message), where);
    problems_->push_back({std::move(message), where});
  }

  Document& doc_;
  const ReadOptions& options_;
  std::vector<Problem>* problems_;
  std::vector<Frame> stack_;
  std::size_t skip_ = 0;  // depth inside an element that is stepped over
  std::size_t elements_ = 0;
  bool root_seen_ = false;
};

// Places in document order: the column is counted on from the previous place when it is on the
// same line, so that a document on one long line stays linear.
class Placer {
 public:
  explicit Placer(const xml::Document& doc) : doc_(doc) {}
  Location at(std::uint64_t off) {
    std::uint32_t line = doc_.line_of(off);
    std::uint64_t from = doc_.line_start(line);
    std::uint32_t column = 1;
    if (line == line_ && off >= offset_) from = offset_, column = column_;
    std::string_view text = doc_.buffer();
    for (std::uint64_t i = from; i < off && i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    }
    line_ = line, offset_ = off, column_ = column;
    return Location{doc_.source_name(), off, line, column};
  }

 private:
  const xml::Document& doc_;
  std::uint32_t line_ = 0, column_ = 1;
  std::uint64_t offset_ = 0;
};

void walk_xml(const xml::Document& doc, const xml::dom::Node* node, Builder& b, Placer& placer) {
  Location where = placer.at(xml::offset_of(doc, node));
  std::vector<Attr> attrs;
  for (const xml::dom::Attribute* a = node->first_attribute(); a; a = a->next_attribute()) {
    attrs.push_back({{a->name(), a->name_size()}, {a->value(), a->value_size()}, placer.at(xml::offset_of(doc, a))});
  }
  b.start({node->name(), node->name_size()}, attrs, where);
  for (const xml::dom::Node* c = node->first_node(); c; c = c->next_sibling()) {
    if (c->type() == xml::dom::node_element) walk_xml(doc, c, b, placer);
    else if (c->type() == xml::dom::node_data || c->type() == xml::dom::node_cdata)
      b.text({c->value(), c->value_size()}, placer.at(xml::offset_of(doc, c)));
  }
  b.end();
}

Location at_offset(const std::string& source, std::uint64_t offset) { return Location{source, offset, 0, 0}; }

// One element and its content from the token stream (`e` is its start event).
void walk_wbxml(wbxml::Reader& r, wbxml::Event& e, Builder& b, const std::string& source) {
  if (e.name.empty()) {
    throw Error(ErrorKind::input, fmt::format("unknown tag token 0x{:02X} on code page {}", e.token & 0x3F, e.page),
                at_offset(source, e.offset));
  }
  std::string name(e.name);
  Location where = at_offset(source, e.offset);
  std::vector<std::pair<std::string, std::string>> values;  // the reader's views last one event
  std::vector<Attr> attrs;
  std::vector<Location> places;
  bool has_content = e.has_content;
  bool has_attributes = e.has_attributes;
  if (has_attributes) {
    while (r.next(e) && e.type != wbxml::EventType::start && e.type != wbxml::EventType::end &&
           (e.type == wbxml::EventType::attribute || (e.type == wbxml::EventType::switch_page && e.attribute))) {
      if (e.type == wbxml::EventType::attribute) {
        values.emplace_back(std::string(e.name), std::string(e.data));
        places.push_back(at_offset(source, e.offset));
      }
    }
  } else if (!r.next(e)) {
    throw Error(ErrorKind::input, "truncated", at_offset(source, e.offset));
  }
  for (std::size_t i = 0; i < values.size(); ++i) attrs.push_back({values[i].first, values[i].second, places[i]});
  b.start(name, attrs, where);
  // `e` now holds the first event after the start tag and its attributes.
  (void)has_content;
  for (;;) {
    switch (e.type) {
      case wbxml::EventType::end:
        b.end();
        return;
      case wbxml::EventType::start:
        walk_wbxml(r, e, b, source);
        break;
      case wbxml::EventType::text:
        b.text(e.data, at_offset(source, e.offset));
        break;
      case wbxml::EventType::entity:
      case wbxml::EventType::opaque:
      case wbxml::EventType::extension:
        b.text("x", at_offset(source, e.offset));
        break;
      default:
        break;  // page switches, processing instructions
    }
    if (!r.next(e)) throw Error(ErrorKind::input, "truncated: the document ends inside an element", at_offset(source, e.offset));
  }
}

}  // namespace

const Parm* Characteristic::parm(std::string_view name) const {
  for (const auto& p : parms) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const std::string* Characteristic::value_of(std::string_view name) const {
  const Parm* p = parm(name);
  return p && p->value ? &*p->value : nullptr;
}

bool is_provisioning(std::string_view bytes) {
  if (wbxml::looks_like_wbxml(bytes)) {
    try {
      wbxml::Reader r(bytes, "-");
      return r.header().language == &wbxml::prov10();
    } catch (const Error&) {
      return false;
    }
  }
  std::size_t i = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::size_t limit = std::min<std::size_t>(bytes.size(), 64 * 1024);
  while (i < limit) {
    char c = bytes[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (c != '<') return false;
    std::string_view rest = bytes.substr(i);
    std::string_view close;
    if (rest.starts_with("<?")) close = "?>";
    else if (rest.starts_with("<!--")) close = "-->";
    else if (rest.starts_with("<!")) close = ">";  // a DOCTYPE without an internal subset
    else {
      rest.remove_prefix(1);
      if (!rest.starts_with(kRoot)) return false;
      rest.remove_prefix(kRoot.size());
      return rest.empty() || rest[0] == '>' || rest[0] == '/' || rest[0] == ' ' || rest[0] == '\t' ||
             rest[0] == '\n' || rest[0] == '\r';
    }
    std::size_t end = rest.find(close, 2);
    if (end == std::string_view::npos) return false;
    i += end + close.size();
  }
  return false;
}

Document read(std::string_view bytes, const std::string& source_name, const ReadOptions& options,
              std::vector<Problem>* problems) {
  Document doc;
  Builder b(doc, options, problems);
  if (wbxml::looks_like_wbxml(bytes)) {
    doc.wbxml = true;
    wbxml::Reader r(bytes, source_name);
    if (r.header().language != &wbxml::prov10()) {
      throw Error(ErrorKind::input,
                  fmt::format("not a provisioning document: WBXML of {} (PROV has public id 0x0B)", r.header().language->name),
                  Location{source_name, 0, 0, 0});
    }
    wbxml::Event e;
    while (r.next(e)) {
      if (e.type == wbxml::EventType::start) walk_wbxml(r, e, b, source_name);
    }
    return doc;
  }
  xml::Document x = xml::Document::parse(bytes, source_name);
  Placer placer(x);
  walk_xml(x, xml::dom::root(x), b, placer);
  return doc;
}

}  // namespace syncmldm::prov
