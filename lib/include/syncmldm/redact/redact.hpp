// Shareable copies of captured traffic: secrets replaced by markers of the same length, in the
// input's own format (XML stays XML, WBXML stays WBXML with its structure unchanged, an HTTP
// stream stays HTTP, a HAR document stays HAR).
//
// What counts as a secret is listed once (src/redact/judge.cpp): Cred data and NextNonce,
// DMAcc secrets (AAuthSecret, AAuthData, ClientPW, ServerPW, nonces), values of nodes named
// like passwords, secrets and keys (PFXCertPassword, PFXCertBlob, SCEP Challenge, VPN custom
// configuration, Accounts passwords...), keyMaterial and Password elements inside a Data (a
// Wi-Fi profile), the value of a secret <parm> in a provisioning document (XML or WBXML; named
// like a secret node, or a proxy/basic authentication password), the Authorization and
// Proxy-Authorization header values after the scheme, cookie values and the mac of
// x-syncml-hmac. With Options::ids also device identifiers: the device's LocURI and LocName in
// SyncHdr, DevId/IMEI/serial/UPN-like nodes, the user name of x-syncml-hmac.
//
// A marker is "REDACTED" repeated and cut to the secret's length; leading and trailing white
// space, line breaks and Base64 '=' padding stay where they were.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::redact {

struct Options {
  bool ids = false;  ///< device identifiers too
};

struct Result {
  std::string bytes;               ///< the redacted copy
  std::size_t redacted = 0;        ///< how many values were replaced
  std::vector<std::string> notes;  ///< things the caller should tell the user (e.g. a body left alone)
};

enum class Format { xml, wbxml, http, har };

/// "XML", "WBXML", "HTTP", "HAR".
std::string_view format_name(Format format);

/// The format of `bytes` by its content; throws Error{input} when it is none of the four.
Format sniff(std::string_view bytes, std::string_view source = "-");

/// One SyncML (or other XML) document as text: the same bytes but for the markers.
Result xml(std::string_view text, const Options& options);

/// One WBXML document: inline strings, string-table strings and opaque data of secrets are
/// overwritten in place, so the token structure is unchanged. Throws Error{input} (with the
/// byte offset) when the document cannot be read: nothing is returned half-redacted.
Result wbxml(std::string_view bytes, const Options& options, std::string_view source = "-");

/// A message body by its content: XML, WBXML, or left as it is (with a note) when neither.
Result body(std::string_view bytes, const Options& options, std::string_view source = "-");

/// HTTP requests and responses one after another (raw captures, server logs): header values
/// and bodies (Content-Length or chunked) redacted, everything else byte for byte.
Result http(std::string_view stream, const Options& options, std::string_view source = "-");

/// A HAR 1.2 document: headers, cookies, query strings and bodies (text or Base64) of every
/// entry redacted; written again as JSON (indented when the input was).
Result har(std::string_view json, const Options& options, std::string_view source = "-");

/// sniff() and the matching function; WBXML input may hold several documents one after another
/// (a file of messages), each redacted (an error names the offset of what does not read).
Result any(std::string_view bytes, const Options& options, std::string_view source = "-");

/// True when a node at `uri` holds a secret by its name (the list of src/redact/judge.cpp).
bool is_secret_node(std::string_view uri);

/// True when a node at `uri` holds a device identifier (DevId, IMEI, serial number, UPN...).
bool is_id_node(std::string_view uri);

}  // namespace syncmldm::redact
SYNCMLDM_API_END
