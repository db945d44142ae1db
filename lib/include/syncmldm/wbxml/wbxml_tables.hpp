#pragma once
// WBXML code-page tables for the document types OMA DM traffic carries: SyncML 1.0/1.1/1.2
// (page 0 SyncML, page 1 MetInf, page 2 DM DDF), standalone MetInf 1.2, DevInf 1.0/1.1/1.2,
// DM DDF / TNDS 1.2, and OMA Client Provisioning (PROV 1.0 page 0, its 1.1 additions on page 1).
// Sources: SyncML RepPro 1.1/1.2, OMA DM TND 1.2 section 8.6, OMA-WAP-TS-ProvCont 1.1 section 7,
// the OMNA public-id registry.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::wbxml {

// Token -> element name for one code page. An empty name means the token is undefined.
struct CodePage {
  std::uint8_t number = 0;
  std::string_view xml_namespace;              // namespace of its elements in XML
  std::array<std::string_view, 64> tags = {};  // indexed by token (0x05-0x3F are used)
};

// An attribute start token: the attribute's name and the start of its value ("" for the bare
// name). E.g. PROV page 1 token 0x36 is name="APPID...".
struct AttributeStart {
  std::uint8_t page = 0;
  std::uint8_t token = 0;  // 0x05-0x7F
  std::string_view name;
  std::string_view prefix;
};

// An attribute value token (0x85-0xFF): a piece of a value.
struct AttributeValue {
  std::uint8_t page = 0;
  std::uint8_t token = 0;
  std::string_view value;
};

// A document type: its public identifiers and the pages it may use.
struct Language {
  std::string_view name;           // "SyncML 1.2"
  std::uint32_t public_id = 0;     // registered number; 0 when only the string form exists
  std::string_view fpi;            // formal public identifier written in the string table
  std::string_view root;           // root element name
  std::string_view root_namespace; // namespace the decoder declares on the root
  std::span<const CodePage* const> pages;
  // Pages the encoder may pick by element name when the namespace does not decide (in order).
  std::span<const std::uint8_t> name_pages;
  // Attribute tokens (SyncML, MetInf, DevInf and DDF have none: their attributes are literal).
  std::span<const AttributeStart> attribute_starts;
  std::span<const AttributeValue> attribute_values;

  // The page with that number, or nullptr.
  const CodePage* page(std::uint8_t number) const;
  // Name of token `token` on page `number`, or "" when unknown.
  std::string_view tag(std::uint8_t number, std::uint8_t token) const;
  // Token of `name` on page `number`, when defined.
  std::optional<std::uint8_t> token(std::uint8_t number, std::string_view name) const;
  // Page whose namespace is `ns` (case-insensitive), when the language has one.
  std::optional<std::uint8_t> page_of_namespace(std::string_view ns) const;
  // The attribute start / value token `token` on attribute page `page`, or nullptr.
  const AttributeStart* attribute_start(std::uint8_t page, std::uint8_t token) const;
  const AttributeValue* attribute_value(std::uint8_t page, std::uint8_t token) const;
};

// Every language known to the codec.
const Language& syncml10();
const Language& syncml11();
const Language& syncml12();
const Language& metinf12();
const Language& devinf10();
const Language& devinf11();
const Language& devinf12();
const Language& dmddf12();
const Language& prov10();  // PROV 1.0 with the ProvCont 1.1 page: one public id for both

// Language for a numeric public id (0x0FD1, 0x0FD3, 0x1201, 0x0B, ...), or nullptr.
const Language* language_by_public_id(std::uint32_t public_id);
// Language for a formal public identifier, compared case-insensitively; the three MetInf 1.2
// spellings in use are all accepted. nullptr when unknown.
const Language* language_by_fpi(std::string_view fpi);
// Language for a short name as given on the command line: syncml10, syncml11, syncml12,
// metinf12, devinf10, devinf11, devinf12, dmddf12, prov (case-insensitive). nullptr when unknown.
const Language* language_by_name(std::string_view name);
// Names accepted by language_by_name, space separated (for help texts).
std::string_view language_names();

// MIME types whose Data holds a nested document: the +wbxml form travels in WBXML, the +xml form
// in XML. Returns the other form when `type` is one of them (case-insensitive), else "".
std::string_view nested_type_to_xml(std::string_view type);
std::string_view nested_type_to_wbxml(std::string_view type);

}  // namespace syncmldm::wbxml
SYNCMLDM_API_END
