// What a code seen in DM traffic or a console means: SyncML status codes, the Windows DM
// client's HRESULTs (the 0x86000000 family a device puts in msft:originalerror), enrolment
// errors (0x8018xxxx, MENROLL_E_*), a few Win32 HRESULTs the client reports, and the forms
// Intune shows them in (negative decimal, and 0x87D1xxxx wrapping a SyncML status).
//
// One table: syncml-decode, dm-tree and dm-trace print meanings from here. Every entry names
// its source; the README (dm-trace explain) lists the sources.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::codes {

/// Which table a code belongs to.
enum class Kind {
  syncml_status,  ///< a SyncML / OMA DM status code (100-599, 1000-1999, Windows 600-639)
  hresult,        ///< a Windows HRESULT (DM client, Win32, Intune)
  enrollment,     ///< an enrolment HRESULT (facility 24: 0x8018xxxx; 25: 0x8019xxxx)
};

/// "syncml-status", "hresult", "enrollment".
std::string_view kind_name(Kind kind);

/// One HRESULT the table knows.
struct HresultCode {
  std::uint32_t value;
  Kind kind;                 ///< hresult or enrollment
  std::string_view name;     ///< the SDK's symbol, e.g. "CFGMGR_E_NODENOTFOUND"
  std::string_view meaning;  ///< one line, in our words
  std::string_view source;   ///< short name of the source (the README lists them)
};

/// Every HRESULT the table knows, ascending by value.
std::span<const HresultCode> hresult_codes();

/// The entry for `value`, or nullopt.
std::optional<HresultCode> find_hresult(std::uint32_t value);

/// What explain() says about one token.
struct Explanation {
  std::string token;    ///< as given
  std::string code;     ///< canonical form: "404" or "0x86000002"
  Kind kind = Kind::syncml_status;
  bool known = false;   ///< false: only the class is known (meaning says which)
  std::string name;     ///< "Not found", "CFGMGR_E_NODENOTFOUND"; "" when unknown
  std::string meaning;  ///< one line; for an unknown code, its class ("4xx: originator error")
  std::string source;   ///< where the entry comes from; "" when unknown
  std::optional<std::int64_t> decimal;  ///< HRESULTs: the signed decimal Intune shows
  std::string note;     ///< how the token was read, when not literally (e.g. Intune's form)
};

/// Explains one code. Accepted forms: a SyncML status in decimal ("404"); an HRESULT as
/// 0x-hex ("0x86000002"), as 8 hex digits without 0x ("80180014", as MS-MDE2 and event logs
/// write them), as a negative decimal ("-2016345612", as Intune shows them) or as an unsigned
/// decimal of 5 or more digits ("2248146946"). Intune's 0x87D1xxxx form of a SyncML status
/// (0x87D10000 + the status) is explained as that status. Throws Error{usage} when `token` is
/// none of these forms (the message says which are).
Explanation explain(std::string_view token);

/// The explanation of a SyncML status number (what syncml-decode and dm-tree print).
Explanation explain_status(int code);

/// "404 Not found" or "299 (unknown; 2xx: success)": a status with its name, for one line.
std::string status_label(int code);

}  // namespace syncmldm::codes
SYNCMLDM_API_END
