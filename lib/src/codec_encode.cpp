// XML -> WBXML: one walk over the parsed document, writing tokens into a preallocated buffer.
// The string table is collected on the side and placed before the body at the end.
#include <cstring>
#include <unordered_map>

#include <fmt/format.h>

#include "syncmldm/base64.hpp"
#include "syncmldm/codec.hpp"

namespace syncmldm::codec {

namespace {

using xml::Node;
using wbxml::Language;

constexpr std::uint8_t kData = 0x0F, kMeta = 0x1A, kItem = 0x14;  // page 0
constexpr std::uint8_t kFormat = 0x07, kType = 0x13;              // page 1
constexpr std::size_t kShareMinLength = 4;

std::string_view name_of(const Node* n) { return {n->name(), n->name_size()}; }
std::string_view value_of(const Node* n) { return {n->value(), n->value_size()}; }
std::string_view name_of(const xml::Attribute* a) { return {a->name(), a->name_size()}; }
std::string_view value_of(const xml::Attribute* a) { return {a->value(), a->value_size()}; }

bool is_element(const Node* n) { return n->type() == rapidxml::node_element; }
bool is_text(const Node* n) { return n->type() == rapidxml::node_data || n->type() == rapidxml::node_cdata; }

bool whitespace_only(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

std::string_view local_part(std::string_view qname) {
  std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

bool is_syncml(const Language* l) {
  return l == &wbxml::syncml10() || l == &wbxml::syncml11() || l == &wbxml::syncml12() || l == &wbxml::metinf12();
}

// Language of a document rooted at `root` whose namespace is `ns`.
const Language* language_of_root(std::string_view name, std::string_view ns) {
  using xml::iequals;
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
  return nullptr;
}

// In-scope namespace declarations, innermost last.
struct Namespaces {
  struct Decl {
    std::string_view prefix;  // "" = default namespace
    std::string_view uri;
  };
  std::vector<Decl> decls;
  std::string_view lookup(std::string_view prefix) const {
    for (std::size_t i = decls.size(); i-- > 0;) {
      if (decls[i].prefix == prefix) return decls[i].uri;
    }
    return {};
  }
};

// Format/Type seen in a Meta: they apply to the Meta's parent and everything after it inside.
struct Scope {
  const Scope* parent = nullptr;
  std::int8_t format_bin = -1;
  std::int8_t nested = -1;
  std::int8_t get_format_bin() const {
    for (const Scope* s = this; s; s = s->parent) {
      if (s->format_bin >= 0) return s->format_bin;
    }
    return -1;
  }
};

class Encoder {
 public:
  Encoder(const EncodeOptions& options, const Language* language, const xml::Document& doc, const Encoder* outer)
      : options_(options), language_(language), doc_(doc), outer_(outer) {
    syncml_ = is_syncml(language_);
  }

  // The whole document: header, string table, body.
  std::string run(const Node* root, const Namespaces& inherited, std::size_t size_hint) {
    body_.reserve(size_hint);
    bool string_id = options_.public_id == PublicIdForm::string || language_->public_id == 0;
    bool table = options_.string_table != StringTableMode::none;
    std::uint32_t id_index = 0;
    if (string_id && table) id_index = add_string(language_->fpi, root);
    if (options_.string_table == StringTableMode::share) count_texts(root);
    // The header is written first as if the string table stayed empty (the usual case), so that
    // the body needs no copy; a table, when one appears, means one copy at the end.
    auto header = [&](std::string& out, std::string_view strtbl) {
      out.push_back(static_cast<char>(options_.version));
      if (string_id && table) {
        out.push_back(0);
        wbxml::put_mb_u_int32(out, id_index);
      } else {
        wbxml::put_mb_u_int32(out, string_id ? 1 : language_->public_id);  // 1: "unknown", no table for the FPI
      }
      if (options_.version != 0) wbxml::put_mb_u_int32(out, wbxml::kCharsetUtf8);
      wbxml::put_mb_u_int32(out, static_cast<std::uint32_t>(strtbl.size()));
      out.append(strtbl);
    };
    header(body_, {});
    std::size_t header_size = body_.size();
    Namespaces ns = inherited;
    Scope top;
    element(root, ns, top);
    if (strtbl_.empty()) return std::move(body_);
    std::string out;
    out.reserve(body_.size() + strtbl_.size() + 16);
    header(out, strtbl_);
    out.append(std::string_view(body_).substr(header_size));
    return out;
  }

 private:
  Error fail(const Node* at, std::string message) const {
    return Error(ErrorKind::input, std::move(message), doc_.location_of(at));
  }

  std::uint32_t add_string(std::string_view s, const Node* at) {
    if (options_.string_table == StringTableMode::none) {
      throw fail(at, fmt::format("\"{}\" needs the string table, which is turned off", s));
    }
    auto it = table_index_.find(std::string(s));
    if (it != table_index_.end()) return it->second;
    if (s.find('\0') != std::string_view::npos) throw fail(at, "a NUL character cannot be encoded");
    auto offset = static_cast<std::uint32_t>(strtbl_.size());
    strtbl_.append(s);
    strtbl_.push_back('\0');
    table_index_.emplace(std::string(s), offset);
    return offset;
  }

  void count_texts(const Node* n) {
    for (const Node* c = n->first_node(); c; c = c->next_sibling()) {
      if (is_element(c)) count_texts(c);
      else if (c->type() == rapidxml::node_data && c->value_size() >= kShareMinLength) ++text_count_[value_of(c)];
    }
  }

  void put(std::uint8_t b) { body_.push_back(static_cast<char>(b)); }
  void put_mb(std::uint32_t v) { wbxml::put_mb_u_int32(body_, v); }

  void switch_page(std::uint8_t page) {
    if (page == page_) return;
    put(wbxml::tok::kSwitchPage);
    put(page);
    page_ = page;
  }

  void str_i(std::string_view s, const Node* at) {
    if (std::memchr(s.data(), 0, s.size())) throw fail(at, "a NUL character cannot be encoded");
    if (options_.string_table == StringTableMode::share && s.size() >= kShareMinLength) {
      auto it = text_count_.find(s);
      if (it != text_count_.end() && it->second >= 2) {
        put(wbxml::tok::kStrT);
        put_mb(add_string(s, at));
        return;
      }
    }
    put(wbxml::tok::kStrI);
    body_.append(s);
    put(0);
  }

  void opaque(std::string_view bytes) {
    put(wbxml::tok::kOpaque);
    put_mb(static_cast<std::uint32_t>(bytes.size()));
    body_.append(bytes);
  }

  // The page and token for an element, or nullopt (then it is written as a literal).
  std::optional<std::pair<std::uint8_t, std::uint8_t>> resolve(std::string_view local, std::string_view ns) {
    if (!ns.empty()) {
      if (auto page = language_->page_of_namespace(ns)) {
        if (auto t = language_->token(*page, local)) return std::pair{*page, *t};
      } else if (!language_of_root("", ns)) {
        return std::nullopt;  // a foreign namespace: keep the name as it is
      }
    }
    // No namespace, or a SyncML namespace that lacks the name (<Format> without its xmlns):
    // current page first, then the others, as decoders expect.
    if (auto t = language_->token(page_, local)) {
      for (auto p : language_->name_pages) {
        if (p == page_) return std::pair{page_, *t};
      }
    }
    for (auto p : language_->name_pages) {
      if (auto t = language_->token(p, local)) return std::pair{p, *t};
    }
    return std::nullopt;
  }

  // Does the Data this Meta describes (a Data sibling, or in the sibling Items) hold elements?
  static bool data_holds_elements(const Node* meta_parent) {
    for (const Node* c = meta_parent->first_node(); c; c = c->next_sibling()) {
      if (!is_element(c)) continue;
      std::string_view local = local_part(name_of(c));
      const Node* data = nullptr;
      if (local == "Data") data = c;
      else if (local == "Item") data = xml::child(c, "Data");
      if (data && xml::has_child_elements(data)) return true;
    }
    return false;
  }

  void nested_document(const Node* root, const Language* nested, const Namespaces& ns) {
    if (nested == &wbxml::devinf12() && language_ == &wbxml::syncml11()) nested = &wbxml::devinf11();
    Encoder sub(options_, nested, doc_, this);
    opaque(sub.run(root, ns, 256));
  }

  void element(const Node* n, Namespaces& ns, Scope& scope) {
    // A nested-document Type written in its +wbxml form (set by meta_child for this element).
    std::string_view type_text = type_override_;
    type_override_ = {};
    std::size_t decl_mark = ns.decls.size();
    bool opaque_marker = false;
    std::string_view unknown_page, unknown_token;
    // Declarations first: they apply to the element itself.
    for (const xml::Attribute* a = n->first_attribute(); a; a = a->next_attribute()) {
      std::string_view an = name_of(a);
      if (an == "xmlns") ns.decls.push_back({"", value_of(a)});
      else if (an.starts_with("xmlns:")) ns.decls.push_back({an.substr(6), value_of(a)});
    }
    std::string_view qname = name_of(n);
    std::size_t colon = qname.find(':');
    std::string_view local = colon == std::string_view::npos ? qname : qname.substr(colon + 1);
    std::string_view element_ns = ns.lookup(colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon));

    // Attributes that travel: everything but namespace declarations of code pages and markers.
    const xml::Attribute* kept[16];
    std::size_t kept_count = 0;
    std::vector<const xml::Attribute*> more;
    for (const xml::Attribute* a = n->first_attribute(); a; a = a->next_attribute()) {
      std::string_view an = name_of(a);
      if (an == "xmlns") continue;
      if (an.starts_with("xmlns:") && (language_->page_of_namespace(value_of(a)) || language_of_root("", value_of(a)))) {
        continue;
      }
      if (an == "opaque" && value_of(a) == "base64") {
        opaque_marker = true;
        continue;
      }
      if (qname == "unknown" && an == "page") {
        unknown_page = value_of(a);
        continue;
      }
      if (qname == "unknown" && an == "token") {
        unknown_token = value_of(a);
        continue;
      }
      if (kept_count < 16) kept[kept_count++] = a;
      else more.push_back(a);
    }

    std::optional<std::pair<std::uint8_t, std::uint8_t>> tag;
    if (!unknown_page.empty() && !unknown_token.empty()) {
      unsigned page = 0, token = 0;
      if (std::sscanf(std::string(unknown_page).c_str(), "%u", &page) != 1 || page > 255 ||
          std::sscanf(std::string(unknown_token).c_str(), "%x", &token) != 1 || token < 5 || token > 0x3F) {
        throw fail(n, "<unknown> needs page=\"0-255\" and token=\"0x05-0x3F\"");
      }
      tag = std::pair{static_cast<std::uint8_t>(page), static_cast<std::uint8_t>(token)};
    } else {
      tag = resolve(local, element_ns);
    }

    // What goes inside.
    bool has_elements = false, has_text = false;
    for (const Node* c = n->first_node(); c; c = c->next_sibling()) {
      if (is_element(c)) has_elements = true;
      else if (is_text(c)) has_text = true;
    }
    bool is_data = syncml_ && tag && tag->first == 0 && tag->second == kData;
    const Node* nested_root = nullptr;
    const Language* nested_language = nullptr;
    if (is_data && has_elements) {
      // A single element child in a nested-document namespace: DevInf or DDF/TNDS.
      std::size_t count = 0;
      for (const Node* c = n->first_node(); c; c = c->next_sibling()) {
        if (is_element(c)) {
          ++count;
          nested_root = c;
        } else if (c->type() == rapidxml::node_cdata || (c->type() == rapidxml::node_data && !whitespace_only(value_of(c)))) {
          count = 2;
        }
      }
      if (count != 1) {
        nested_root = nullptr;
      } else {
        std::string_view rq = name_of(nested_root);
        std::size_t rc = rq.find(':');
        // Declarations on the nested root count too.
        std::string_view rns;
        for (const xml::Attribute* a = nested_root->first_attribute(); a; a = a->next_attribute()) {
          if (name_of(a) == (rc == std::string_view::npos ? std::string_view("xmlns") : std::string_view{})) rns = value_of(a);
        }
        if (rns.empty()) rns = ns.lookup(rc == std::string_view::npos ? std::string_view{} : rq.substr(0, rc));
        nested_language = language_of_root(rq, rns);
        if (nested_language != &wbxml::devinf12() && nested_language != &wbxml::dmddf12()) nested_root = nullptr;
      }
    }
    bool bin = is_data && !has_elements && scope.get_format_bin() == 1;
    bool content = has_elements || (has_text && [&] {
      for (const Node* c = n->first_node(); c; c = c->next_sibling()) {
        if (c->type() == rapidxml::node_cdata) return true;
        if (c->type() == rapidxml::node_data && (!has_elements || !whitespace_only(value_of(c))) && c->value_size() > 0) {
          return true;
        }
      }
      return false;
    }());
    bool attrs = kept_count > 0;

    std::uint8_t flags = (content ? wbxml::tok::kHasContent : 0) | (attrs ? wbxml::tok::kHasAttributes : 0);
    if (tag) {
      switch_page(tag->first);
      put(static_cast<std::uint8_t>(tag->second | flags));
    } else {
      std::uint32_t index = add_string(qname, n);
      put(static_cast<std::uint8_t>(wbxml::tok::kLiteral | flags));
      put_mb(index);
    }
    if (attrs) {
      auto write_attr = [&](const xml::Attribute* a) {
        put(wbxml::tok::kLiteral);
        put_mb(add_string(name_of(a), n));
        str_i(value_of(a), n);
      };
      for (std::size_t i = 0; i < kept_count; ++i) write_attr(kept[i]);
      for (auto* a : more) write_attr(a);
      put(wbxml::tok::kEnd);
    }
    if (!content) {
      ns.decls.resize(decl_mark);
      return;
    }

    Scope inner{&scope};
    bool is_meta = syncml_ && tag && tag->first == 0 && tag->second == kMeta;
    if (nested_root) {
      nested_document(nested_root, nested_language, ns);
    } else if (opaque_marker || bin) {
      std::string text = xml::text(n);
      auto bytes = base64::decode(text);
      if (!bytes) {
        if (opaque_marker) throw fail(n, "element marked opaque=\"base64\" does not hold valid Base64");
        text_children(n, has_elements);  // not Base64 after all: keep the text as it is
      } else {
        opaque(*bytes);
      }
    } else {
      const Node* c = n->first_node();
      while (c) {
        if (is_element(c)) {
          if (is_meta) meta_child(c, ns, inner, scope, n);
          else element(c, ns, inner);
          c = c->next_sibling();
        } else if (c->type() == rapidxml::node_cdata) {
          // Adjacent CDATA sections (one split at "]]>") are one OPAQUE.
          std::string joined(value_of(c));
          c = c->next_sibling();
          while (c && c->type() == rapidxml::node_cdata) {
            joined.append(value_of(c));
            c = c->next_sibling();
          }
          opaque(joined);
        } else {
          if (c->type() == rapidxml::node_data && (!has_elements || !whitespace_only(value_of(c))) && c->value_size()) {
            str_i(type_text.empty() ? value_of(c) : type_text, c);
          }
          c = c->next_sibling();
        }
      }
    }
    put(wbxml::tok::kEnd);
    ns.decls.resize(decl_mark);
  }

  void text_children(const Node* n, bool has_elements) {
    for (const Node* c = n->first_node(); c; c = c->next_sibling()) {
      if (c->type() == rapidxml::node_cdata) opaque(value_of(c));
      else if (c->type() == rapidxml::node_data && (!has_elements || !whitespace_only(value_of(c))) && c->value_size()) {
        str_i(value_of(c), c);
      }
    }
  }

  // A child of Meta: Format and Type set the scope of the Meta's parent.
  void meta_child(const Node* c, Namespaces& ns, Scope& inner, Scope& parent_scope, const Node* meta) {
    std::string_view local = local_part(name_of(c));
    if ((local == "Format" || local == "Type") && !xml::has_child_elements(c)) {
      std::string text = xml::text(c);
      if (local == "Format") {
        parent_scope.format_bin = text == "bin" ? 1 : 0;
      } else {
        bool nested_xml = !wbxml::nested_type_to_wbxml(text).empty();
        parent_scope.nested = nested_xml || !wbxml::nested_type_to_xml(text).empty() ? 1 : 0;
        if (nested_xml && data_holds_elements(meta->parent())) {
          type_override_ = wbxml::nested_type_to_wbxml(text);
        }
      }
    }
    element(c, ns, inner);
    type_override_ = {};
  }

  const EncodeOptions& options_;
  const Language* language_;
  const xml::Document& doc_;
  const Encoder* outer_;
  bool syncml_ = false;
  std::uint8_t page_ = 0;
  std::string body_;
  std::string strtbl_;
  std::unordered_map<std::string, std::uint32_t> table_index_;
  std::unordered_map<std::string_view, std::uint32_t> text_count_;
  std::string_view type_override_;
};

// DOCTYPE public identifier in the prolog, if any.
std::string_view doctype_fpi(std::string_view text) {
  std::size_t at = text.find("<!DOCTYPE");
  std::size_t root = text.find('<');
  while (root != std::string_view::npos && root + 1 < text.size() && (text[root + 1] == '?' || text[root + 1] == '!')) {
    if (text.compare(root, 9, "<!DOCTYPE") == 0) break;
    root = text.find('<', root + 1);
  }
  if (at == std::string_view::npos || at != root) return {};
  std::size_t pub = text.find("PUBLIC", at);
  std::size_t close = text.find('>', at);
  if (pub == std::string_view::npos || pub > close) return {};
  std::size_t q1 = text.find_first_of("\"'", pub);
  if (q1 == std::string_view::npos || q1 > close) return {};
  std::size_t q2 = text.find(text[q1], q1 + 1);
  if (q2 == std::string_view::npos) return {};
  return text.substr(q1 + 1, q2 - q1 - 1);
}

}  // namespace

const wbxml::Language* detect_language(const xml::Document& document, std::string_view xml_text) {
  std::string_view fpi = doctype_fpi(xml_text.substr(0, document.offset_of(document.root())));
  if (!fpi.empty()) {
    if (const Language* l = wbxml::language_by_fpi(fpi)) return l;
  }
  const Node* root = document.root();
  return language_of_root(name_of(root), xml::namespace_of(root));
}

std::string encode(const xml::Document& document, const EncodeOptions& options) {
  if (options.version < 0x01 || options.version > 0x03) {
    throw Error(ErrorKind::usage, "WBXML version must be 1.1, 1.2 or 1.3");
  }
  const Language* language = options.language;
  if (!language) language = detect_language(document, {});
  if (!language) {
    throw Error(ErrorKind::input,
                fmt::format("unknown document type: root <{}> is not SyncML, DevInf, MetInf or MgmtTree (force one "
                            "with --language)",
                            name_of(document.root())),
                document.location_of(document.root()));
  }
  Encoder e(options, language, document, nullptr);
  return e.run(document.root(), Namespaces{}, 4096);
}

std::string xml_to_wbxml(std::string_view xml_text, const std::string& source_name, const EncodeOptions& options) {
  xml::Document doc = xml::Document::parse(xml_text, source_name);
  EncodeOptions o = options;
  if (!o.language) o.language = detect_language(doc, xml_text);
  if (!o.language) return encode(doc, options);
  if (options.version < 0x01 || options.version > 0x03) {
    throw Error(ErrorKind::usage, "WBXML version must be 1.1, 1.2 or 1.3");
  }
  Encoder e(o, o.language, doc, nullptr);
  return e.run(doc.root(), Namespaces{}, xml_text.size() / 2 + 64);
}

}  // namespace syncmldm::codec
