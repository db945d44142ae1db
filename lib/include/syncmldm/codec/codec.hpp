#pragma once
// XML <-> WBXML conversion for SyncML / OMA DM documents (SyncML 1.0-1.2 with MetInf, DevInf,
// DM DDF / TNDS) and OMA Client Provisioning documents, lossless in both directions.
//
// Mapping (beyond the plain token tables):
// - Text is STR_I (STR_T with StringTable::share); a CDATA section is OPAQUE, and OPAQUE that is
//   valid UTF-8 decodes to a CDATA section, so either direction round-trips.
// - Data whose Meta Format (command or Item Meta seen before it) is `bin` travels as OPAQUE of
//   the raw bytes; in XML it is their Base64 text, and Format stays `bin`.
// - Data holding a DevInf or MgmtTree (DDF/TNDS) element is a nested WBXML document in OPAQUE,
//   with the same WBXML version. A MetInf Type `application/vnd.syncml-devinf+xml`,
//   `...dmtnds+xml` or `...dmddf+xml` is written as the `+wbxml` form when its Data holds such a
//   document; the decoder turns `+wbxml` back into `+xml` and decodes the OPAQUE as nested XML.
// - Other binary OPAQUE (not UTF-8, e.g. a raw NextNonce) decodes to Base64 text with the marker
//   attribute `opaque="base64"` on its element; the encoder turns that back into OPAQUE.
// - Element names without a token (vendor extensions) and attributes other than namespace
//   declarations travel as LITERAL names in the string table, except in languages with
//   attribute tokens (PROV): there an attribute is the start token with the longest matching
//   value prefix, then the rest of the value as one value token or a string. `xmlns` declarations for the code
//   page namespaces become code pages; prefixes are not kept.
// - With DecodeOptions::keep_unknown an undefined token decodes to
//   `<unknown page="N" token="0xNN">`, which the encoder writes back as that token.
// - Whitespace-only text between elements is layout, not content: the encoder drops it and the
//   decoder indents. Text of an element without child elements is kept byte for byte.
// - Comments, processing instructions and the DOCTYPE are not carried.
// Known limits: a `+wbxml` Type in XML comes back as `+xml`; Base64 text under Format `bin`
// comes back as OPAQUE even if it arrived as a string.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "syncmldm/wbxml/wbxml.hpp"
#include "syncmldm/xml/xml.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::codec {

enum class PublicIdForm {
  number,  // the registered number (DM DDF has none: written as a string)
  string,  // the formal public identifier in the string table (what Windows sends)
};

enum class StringTableMode {
  none,     // no string table: unknown elements and attributes cannot be encoded (error)
  minimal,  // only what needs it: literal names, the public id string
  share,    // also text that occurs more than once (4 bytes or longer), written as STR_T
};

struct EncodeOptions {
  std::uint8_t version = 0x02;  // WBXML 1.1 (0x01), 1.2 (0x02) or 1.3 (0x03)
  PublicIdForm public_id = PublicIdForm::number;
  StringTableMode string_table = StringTableMode::minimal;
  // Encode as this language (nullptr: from the DOCTYPE, the root namespace, or the root name).
  const wbxml::Language* language = nullptr;
};

struct DecodeOptions {
  int indent = 2;                 // spaces per level; negative = compact (one line)
  bool xml_declaration = true;    // start with <?xml version="1.0" encoding="UTF-8"?>
  bool keep_unknown = false;      // undefined tokens become <unknown page= token=> instead of an error
  const wbxml::Language* language = nullptr;  // ignore the public id and decode as this
  std::size_t max_depth = 1000;
  // When set, decoding ends with the root element and the offset after it is stored here: bytes
  // after the document are the caller's to report (by default they are an error).
  std::uint64_t* document_end = nullptr;
};

// XML text -> WBXML, without building a tree. What the XML layer's pre-scan refuses
// (characters, references, unterminated markup, nesting deeper than 1000) is refused with its
// message and place, as xml::Document::parse does, before any problem of the encoder's.
// Throws Error{input} for malformed XML (line:col) or content WBXML cannot carry (e.g. an
// unknown element with StringTableMode::none); Error{usage} for a version other than 1.1-1.3.
std::string xml_to_wbxml(std::string_view xml_text, const std::string& source_name, const EncodeOptions& options = {});

// The same, handing the WBXML to `sink` once the whole document is encoded (nothing on error):
// in one piece, or two when there is a string table (the header with it, then the body). The
// pieces are the encoder's own buffer, which lies in huge pages when large: no copy of the
// output into fresh memory, which a large std::string result costs.
// `workspace`, when at least as large as xml_text (plus 64 bytes), is where the output is
// written first, instead of fresh memory: writable memory of the caller's that does not overlap
// xml_text and outlives the call (e.g. MappedFile::spare()). Its content is overwritten.
void xml_to_wbxml(std::string_view xml_text, const std::string& source_name, const EncodeOptions& options,
                  const std::function<void(std::string_view)>& sink, std::span<char> workspace = {});

// WBXML -> indented XML. Throws Error{input} with the byte offset of the offending token.
std::string wbxml_to_xml(std::string_view wbxml, const std::string& source_name, const DecodeOptions& options = {});

// The same, handing the XML to `sink` in pieces of about kDecodeChunk bytes as it is written,
// so that memory does not grow with the output (and freshly allocated memory, which the kernel
// must clear first, is not touched for every byte of it). Pieces passed to the sink before an
// error stay passed: a caller that must not show partial output collects them itself.
inline constexpr std::size_t kDecodeChunk = std::size_t{256} << 10;
void wbxml_to_xml(std::string_view wbxml, const std::string& source_name, const DecodeOptions& options,
                  const std::function<void(std::string_view)>& sink);

// XML -> the same XML laid out as the decoder writes it (indentation, namespaces as written,
// comments and processing instructions dropped). Throws Error{input} for malformed XML.
std::string reformat_xml(std::string_view xml_text, const std::string& source_name, const DecodeOptions& options = {});

// The language an XML document would be encoded as (see EncodeOptions::language): from the
// DOCTYPE public id, else the root's default namespace, else the root name. nullptr if none.
const wbxml::Language* detect_language(std::string_view xml_text);

}  // namespace syncmldm::codec
SYNCMLDM_API_END
