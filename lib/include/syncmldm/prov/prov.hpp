#pragma once
// OMA Client Provisioning documents (`wap-provisioningdoc`, OMA-WAP-TS-ProvCont): a tree of
// `characteristic` elements (each with a `type`) holding `parm` elements (a `name`, an optional
// `value`, and on Windows an optional `datatype`). Read from XML or WBXML (PROV 1.0 public id
// 0x0B, the 1.1 tokens on page 1) with the place of every element, written back as XML.
//
//   auto doc = syncmldm::prov::read(bytes, "enrol.xml");
//   for (const auto& c : doc.characteristics) ... c.type, c.parms, c.children

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/util/error.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::prov {

struct Parm {
  std::string name;
  std::optional<std::string> value;     // absent: a flag parm (e.g. BACKCOMPATRETRYDISABLED)
  std::optional<std::string> datatype;  // Windows: string, integer, boolean, ...
  Location where;                       // line:column (XML) or byte offset (WBXML)
};

struct Characteristic {
  std::string type;
  std::vector<Parm> parms;
  std::vector<Characteristic> children;
  // Document order of parms and children: `parm` true = parms[index], else children[index].
  struct Entry {
    bool parm;
    std::uint32_t index;
  };
  std::vector<Entry> order;
  Location where;

  // The value of the first parm named `name` (case-sensitive, as Windows compares), or nullptr
  // when there is none or it has no value.
  const std::string* value_of(std::string_view name) const;
  const Parm* parm(std::string_view name) const;
};

struct Document {
  std::optional<std::string> version;  // the root's version attribute ("1.0", "1.1")
  std::vector<Characteristic> characteristics;
  Location where;                      // the root
  bool wbxml = false;                  // read from WBXML
};

// A structural problem: something ProvCont does not allow but a reader can step over.
struct Problem {
  std::string message;
  Location where;
};

struct ReadOptions {
  // Nesting of characteristics (Windows uses about 8; the XML layer's own limit is 1000).
  std::size_t max_depth = 64;
  // Elements in all: a bound on memory for hostile input.
  std::size_t max_elements = 2'000'000;
};

// Reads a provisioning document from XML text or WBXML bytes (told apart by content). Throws
// Error{input} with the place for input that is not well-formed, is not a provisioning document
// (another root or public id), exceeds the limits, or breaks the structure: elements other
// than characteristic/parm, parm outside a characteristic, missing type/name, text content,
// unknown attributes. With `problems`, structural problems are collected there instead
// (the element is skipped) and only the rest throws.
Document read(std::string_view bytes, const std::string& source_name, const ReadOptions& options = {},
              std::vector<Problem>* problems = nullptr);

// Whether `bytes` look like a provisioning document: XML whose root is wap-provisioningdoc, or
// WBXML with the PROV public id (number or FPI). Cheap: looks at the start only.
bool is_provisioning(std::string_view bytes);

// The document as indented XML (2 spaces), with the XML declaration.
std::string to_xml(const Document& doc);

}  // namespace syncmldm::prov
SYNCMLDM_API_END
