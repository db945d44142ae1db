#pragma once
// Reading a message the way it reaches a tool: a file or stdin holding XML, raw WBXML, a hex
// dump (plain hex, `0x..` lists, `xxd`, `hexdump -C`), Base64, or a whole HTTP request or
// response. The content decides (doc/cli-contract.md, "How input is recognised"); a caller may
// force a format.
//
//   auto msg = syncmldm::input::load("capture.txt");         // read + unwrap
//   if (msg.payload == syncmldm::input::Format::wbxml) ...   // msg.bytes is the WBXML
//
// Wrappers nest a little: a hex dump or Base64 text may hold an HTTP message, whose body is
// then taken. Offsets in later errors refer to `bytes` (the unwrapped payload).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/input/encoding.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/util/mapped_file.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::input {

enum class Format { automatic, xml, wbxml, hex, base64, http };

// "auto", "xml", "wbxml", "hex", "base64", "http".
std::string_view format_name(Format format);
// Inverse of format_name; throws Error{usage} for anything else.
Format parse_format(std::string_view name);

// The outer format of `data` by its content alone; Format::automatic when nothing fits.
Format sniff(std::string_view data);

struct Payload {
  std::string bytes;         // the XML text or WBXML bytes
  Format payload = Format::xml;     // xml or wbxml
  Format container = Format::xml;   // how it arrived: xml, wbxml, hex, base64 or http
  std::string content_type;  // from HTTP headers (container http), else ""
  std::string start_line;    // HTTP request or status line (container http), else ""
  // What the text was before it was read (encoding.hpp): UTF-16 is converted to UTF-8, and
  // places in errors name the original bytes.
  TextEncoding encoding = TextEncoding::utf8;
  // What a reader should be told about the input though it was read (tools print them as notes):
  // "offset N: ..." for an HTTP capture holding more messages, or a body cut at its
  // Content-Length.
  std::vector<std::string> notes;
};

// A `hexdump -C` dump shortens repeated lines to '*'; expanding them may give at most this many
// times the dump's size plus 1 KiB in bytes (more is an Error{input}, not a memory blow-up).
inline constexpr std::size_t kMaxHexExpansion = 64;

// Unwraps `data` down to XML or WBXML. `forced` skips sniffing of the outer layer. Throws
// Error{input} ("file: offset N: what") for empty input, content of no known format, a bad hex
// digit, broken Base64, or a malformed HTTP message (bad chunk sizes, body shorter than
// Content-Length, unsupported Content-Encoding). UTF-16 text is converted first (to_utf8), and
// XML that is not UTF-8 is refused (check_xml_encoding).
Payload unwrap(std::string data, const std::string& source_name, Format forced = Format::automatic);

// read_file(path) ("-" is stdin) and unwrap. Throws Error{io} when the file cannot be read.
Payload load(const std::string& path, Format forced = Format::automatic);

// The bytes of a file ("-" is stdin) as they are, nothing unwrapped: for a reader that judges
// the content itself (the validator turns what is not a message into a finding). Throws
// Error{io} "cannot read: REASON" naming the file, whichever step failed.
std::string read(const std::string& path);
// read(), with UTF-16 text converted to UTF-8 (to_utf8); `was` (if given) gets what it was.
std::string read_text(const std::string& path, TextEncoding* was = nullptr);

// load() for the codec tools: a regular file of kMapMinBytes or more holding XML or WBXML as
// it is stays mapped (see mapped_file.hpp) rather than copied; any other input is load()ed.
// bytes() views the mapping or payload.bytes and stays valid while the Loaded lives.
inline constexpr std::size_t kMapMinBytes = std::size_t{128} << 10;
struct Loaded {
  Payload payload;                  // payload.bytes is empty when mapped
  std::optional<MappedFile> mapped;
  // XML whose bytes were not yet checked as UTF-8 (Utf8Scan::by_caller): the caller must run
  // check_xml_encoding on bytes() before it reports any refusal of the text.
  bool utf8_unchecked = false;
  std::string_view bytes() const { return mapped ? mapped->bytes() : std::string_view(payload.bytes); }
  // Writable room after a file read into memory (MappedFile::spare()); empty otherwise.
  std::span<char> spare() { return mapped ? mapped->spare() : std::span<char>{}; }
};
// Who scans mapped XML for bytes that are not UTF-8 (check_xml_encoding): load_mapped (now), or
// a caller whose reader checks every byte itself anyway (by_caller: one pass over a large file
// less; the declaration is still judged here, see Loaded::utf8_unchecked).
enum class Utf8Scan { now, by_caller };
// `mode`: how a large file is brought in (MappedFile::Mode).
Loaded load_mapped(const std::string& path, Format forced = Format::automatic, Utf8Scan scan = Utf8Scan::now,
                   MappedFile::Mode mode = MappedFile::Mode::by_size);

// Binary input that is not a DM message (package 0, for one): a hex dump or Base64 text is
// decoded, anything else is taken as the raw bytes. `container` is "hex", "base64" or "raw".
// Throws Error{input} for empty input or a hex dump with a bad digit.
struct BinaryInput {
  std::string bytes;
  std::string container;
};
BinaryInput unwrap_binary(std::string data, const std::string& source_name);

// Content-Type (parameters ignored, case-insensitive) -> xml, wbxml, or automatic when the
// type says neither (e.g. application/octet-stream).
Format format_of_content_type(std::string_view content_type);

}  // namespace syncmldm::input
SYNCMLDM_API_END
