// SyncML status codes and OMA DM alert codes with their meanings.
//
// One table for every tool: dm-validate checks codes against it, explain()
// (codes/explain.hpp) and the tools print the names next to the numbers.
// Sources: SyncML RepPro 1.2 (status codes), OMA DM RepPro 1.2.1 section 4.2
// (alert codes), and the Windows client's own ranges (Health Attestation
// 600-639).
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::codes {

/// One SyncML status code.
struct StatusCode {
    int code;
    std::string_view name;     ///< short name as in RepPro ("Atomic failed")
    std::string_view meaning;  ///< one line: what it means in DM
};

/// Every status code RepPro 1.2 defines, ascending.
std::span<const StatusCode> status_codes();

/// The entry for `code`, or nullopt when RepPro defines none.
std::optional<StatusCode> find_status(int code);

/// True when `code` may legally appear in Status/Data: a RepPro code, the
/// application-specific range 1000-1999, or (when `windows` is set) the
/// Health Attestation range 600-639 the Windows client uses.
bool is_known_status(int code, bool windows);

/// Who may send an alert.
enum class AlertDirection { server_to_client, client_to_server, either };

/// One OMA DM alert code.
struct AlertCode {
    int code;
    std::string_view name;      ///< e.g. "GENERIC ALERT"
    AlertDirection direction;
    bool windows_supported;     ///< listed by the Windows client ([MS-MDM] 2.2.7.2)
    std::string_view items;     ///< what its Items must hold, one line
};

/// Every alert code valid in OMA DM 1.2, ascending.
std::span<const AlertCode> alert_codes();

/// The entry for `code`, or nullopt when DM defines none.
std::optional<AlertCode> find_alert(int code);

/// Values the Cmd element of a Status may take in DM (including "SyncHdr").
bool is_status_cmd(std::string_view cmd);

/// Meta Format values defined by MetInf 1.2 and DM 1.2.
bool is_format(std::string_view format);

/// Generic Alert Mark values, most to least important.
bool is_mark(std::string_view mark);

/// Parse a decimal status or alert code (1-4 digits, nothing else).
std::optional<int> parse_code(std::string_view text);

}  // namespace syncmldm::codes
SYNCMLDM_API_END
