#pragma once
// Reading DFProperties into a SchemaNode, written once for two element trees: xml::Document
// nodes (TNDS files, small DDF files) and the small per-node fragments of the streaming DDF
// loader (ddf_stream.cpp). A tree type T provides:
//   using Elem = ...;                          element handle, a pointer (nullptr: none)
//   Elem first_child(Elem) / next_sibling(Elem)  child elements only
//   std::string_view local_name(Elem)
//   text(Elem)                                  its direct text and CDATA (string or view)
//   bool attribute(Elem, std::string_view qualified_name, std::string& value)
//   Location location(Elem)

#include <string>
#include <string_view>

#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/util/error.hpp"
#include "xml/dom.hpp"

namespace syncmldm::ddf::detail {

inline std::string trim(std::string_view s) {
  const char* ws = " \t\r\n";
  std::size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(ws) - b + 1));
}

// Descriptions span lines with indentation in real files: one space per whitespace run.
inline std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

template <typename T>
typename T::Elem first_element(const T& t, typename T::Elem e) {
  return t.first_child(e);
}

template <typename T>
typename T::Elem child_named(const T& t, typename T::Elem e, std::string_view name) {
  for (auto c = t.first_child(e); c; c = t.next_sibling(c))
    if (t.local_name(c) == name) return c;
  return nullptr;
}

template <typename T>
void read_properties(const T& t, typename T::Elem props, SchemaNode& node) {
  node.described = true;
  for (auto c = t.first_child(props); c; c = t.next_sibling(c)) {
    std::string_view n = t.local_name(c);
    if (n == "AccessType") {
      node.access = AccessType{};
      for (auto a = t.first_child(c); a; a = t.next_sibling(a)) {
        std::string_view an = t.local_name(a);
        if (an == "Add") node.access.add = true;
        else if (an == "Copy") node.access.copy = true;
        else if (an == "Delete") node.access.del = true;
        else if (an == "Exec") node.access.exec = true;
        else if (an == "Get") node.access.get = true;
        else if (an == "Replace") node.access.replace = true;
      }
    } else if (n == "DefaultValue") {
      node.default_value = std::string(t.text(c));
    } else if (n == "Description") {
      node.description = collapse(t.text(c));
    } else if (n == "DFFormat") {
      auto e = first_element(t, c);
      std::string_view f = e ? t.local_name(e) : std::string_view();
      if (!is_format_name(f))
        throw Error(ErrorKind::input, "unknown DFFormat '" + std::string(f) + "'", t.location(e ? e : c));
      node.format = f;
    } else if (n == "Occurrence") {
      if (auto e = first_element(t, c)) {
        node.occurrence = t.local_name(e);
        node.occurrence_n = trim(t.text(e));
      }
    } else if (n == "Scope") {
      if (auto e = first_element(t, c)) node.scope = t.local_name(e);
    } else if (n == "DFTitle") {
      node.title = collapse(t.text(c));
    } else if (n == "DFType") {
      node.mime.clear();
      node.ddf_name.reset();
      for (auto e = t.first_child(c); e; e = t.next_sibling(e)) {
        std::string_view tn = t.local_name(e);
        std::string v = trim(t.text(e));
        if (tn == "MIME" && !v.empty()) node.mime.push_back(std::move(v));
        else if (tn == "DDFName") node.ddf_name = std::move(v);
      }
    } else if (n == "CaseSense") {
      if (auto e = first_element(t, c)) node.case_sense = t.local_name(e);
    } else if (n == "AllowedValues") {
      AllowedValues av;
      t.attribute(c, "ValueType", av.value_type);
      for (auto e = t.first_child(c); e; e = t.next_sibling(e)) {
        std::string_view en = t.local_name(e);
        if (en == "Enum") {
          auto v = child_named(t, e, "Value");
          auto d = child_named(t, e, "ValueDescription");
          av.values.push_back(v ? trim(t.text(v)) : std::string());
          av.descriptions.push_back(d ? collapse(t.text(d)) : std::string());
        } else if (en == "Value") {
          av.values.push_back(trim(t.text(e)));
          av.descriptions.emplace_back();
        } else if (en == "ValueDescription" && !av.descriptions.empty()) {
          av.descriptions.back() = collapse(t.text(e));
        } else if (en == "List") {
          std::string d;
          t.attribute(e, "Delimiter", d);
          av.list_delimiter = std::move(d);
        }
      }
      node.allowed = std::move(av);
    } else if (n == "DynamicNodeNaming") {
      if (auto e = first_element(t, c)) {
        node.dynamic_naming = t.local_name(e);
        if (node.dynamic_naming == "UniqueName") node.unique_name = trim(t.text(e));
      }
    }
    // Other elements (MSFT:Applicability, RWAccess, GpMapping, ...) are not needed here.
  }
}

}  // namespace syncmldm::ddf::detail

namespace syncmldm::ddf {

// Reads the DFProperties element `props` of a parsed document into `node` (ddf.cpp; the TNDS
// reader shares it).
void read_df_properties(const xml::Document& doc, const xml::dom::Node* props, SchemaNode& node);

}  // namespace syncmldm::ddf
