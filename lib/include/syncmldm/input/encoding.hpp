#pragma once
// The character encoding of text input. Messages are UTF-8, but people hand the tools what their
// editors wrote: UTF-16 with a byte order mark (Notepad's "Unicode", PowerShell's `>`), UTF-8
// with a BOM, or ISO-8859-1 / windows-1252 text. UTF-16 is converted to UTF-8 (lines and
// characters stay where they were, so line:column places hold); anything else that is not UTF-8
// is refused with an error that says what the bytes are and which `iconv` command converts them.

#include <cstdint>
#include <string>
#include <string_view>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::input {

enum class TextEncoding { utf8, utf8_bom, utf16le_bom, utf16be_bom, utf16le, utf16be };

// "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", "UTF-16BE without BOM", ...
std::string_view encoding_name(TextEncoding encoding);
// What the bytes are, by their first bytes alone (nothing is checked).
TextEncoding detect_encoding(std::string_view data);
// Whether to_utf8 changed the bytes (UTF-16 of either order).
bool converted(TextEncoding encoding);

// Detects UTF-16 (a byte order mark, or "<?" as UTF-16 without one) and converts `data` to UTF-8
// in place, the BOM dropped; an XML declaration naming UTF-16 is rewritten to name UTF-8 (same
// length: columns on line 1 stay). UTF-8 (with or without BOM) and binary data are left as
// they are. Throws Error{input} for broken UTF-16 (odd length, unpaired surrogate) and for a
// UTF-16 document whose declaration names another encoding, with the offset in the original.
TextEncoding to_utf8(std::string& data, const std::string& source_name);

// The byte offset in the original input of byte `offset` of `utf8`, the text to_utf8 made.
std::uint64_t original_offset(std::string_view utf8, std::uint64_t offset, TextEncoding was);

// An XML text (after to_utf8) that is not UTF-8: a declaration naming another encoding while the
// text holds non-ASCII bytes, a declaration naming UTF-16/UTF-32 on 8-bit text, or bytes that are
// not UTF-8 (ISO-8859-1, windows-1252). Throws Error{input} with the place and the command that
// converts the file. Text that is not XML, and pure ASCII under an ASCII-compatible name, pass.
void check_xml_encoding(std::string_view xml, const std::string& source_name);
// Its judgement of the XML declaration alone, without the pass over the whole text for bytes
// that are not UTF-8: for a reader that checks every byte as UTF-8 itself (the WBXML encoder)
// and calls check_xml_encoding once it refuses the text, so that such bytes get its message.
void check_xml_declared_encoding(std::string_view xml, const std::string& source_name);

}  // namespace syncmldm::input
SYNCMLDM_API_END
