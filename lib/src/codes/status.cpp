#include "syncmldm/codes/status.hpp"

#include <algorithm>
#include <array>

namespace syncmldm::codes {
namespace {

constexpr std::array kStatus = {
    StatusCode{101, "In progress", "the command is still being carried out"},
    StatusCode{200, "OK", "success"},
    StatusCode{201, "Item added", "data synchronisation only"},
    StatusCode{202, "Accepted for processing", "accepted, will finish asynchronously"},
    StatusCode{203, "Non-authoritative response", "answered by an entity other than the target"},
    StatusCode{204, "No content", "success, nothing returned"},
    StatusCode{205, "Reset content", "the originator should refresh its content"},
    StatusCode{206, "Partial content", "only part of the command completed"},
    StatusCode{207, "Conflict resolved with merge", "data synchronisation only"},
    StatusCode{208, "Conflict resolved with client's command winning", "data synchronisation only"},
    StatusCode{209, "Conflict resolved with duplicate", "data synchronisation only"},
    StatusCode{210, "Delete without archive", "data synchronisation only"},
    StatusCode{211, "Item not deleted", "the item to delete was not found"},
    StatusCode{212, "Authentication accepted", "authenticated for the rest of the session"},
    StatusCode{213, "Chunked item accepted and buffered", "a non-final large-object chunk arrived"},
    StatusCode{214, "Operation cancelled", "the user cancelled; no more commands are processed"},
    StatusCode{215, "Not executed", "skipped after user interaction or an aborted Sequence"},
    StatusCode{216, "Atomic roll back OK", "command inside a failed Atomic, rolled back"},
    StatusCode{300, "Multiple choices", "the target has alternatives"},
    StatusCode{301, "Moved permanently", "the new URI is in the Status Item"},
    StatusCode{302, "Found", "the target is temporarily elsewhere"},
    StatusCode{303, "See other", "the target is at another URI"},
    StatusCode{304, "Not modified", "not executed; a confirmation was answered No"},
    StatusCode{305, "Use proxy", "go through the proxy named in the Item"},
    StatusCode{400, "Bad request", "malformed command"},
    StatusCode{401, "Invalid credentials", "credentials given and refused"},
    StatusCode{402, "Payment required", "payment required"},
    StatusCode{403, "Forbidden", "understood but refused for reasons other than the ACL"},
    StatusCode{404, "Not found", "the node does not exist"},
    StatusCode{405, "Command not allowed", "the command is not allowed on this node"},
    StatusCode{406, "Optional feature not supported", "unsupported property, list or alert"},
    StatusCode{407, "Missing credentials", "authentication required"},
    StatusCode{408, "Request timeout", "the user did not answer in time"},
    StatusCode{409, "Conflict", "update conflict"},
    StatusCode{410, "Gone", "the target was permanently removed"},
    StatusCode{411, "Size required", "Meta Size is needed"},
    StatusCode{412, "Incomplete command", "wrong or missing Item parameters"},
    StatusCode{413, "Request entity too large", "the item is larger than the recipient takes"},
    StatusCode{414, "URI too long", "URI or segment too long, or too many segments"},
    StatusCode{415, "Unsupported media type or format", "Meta Type or Format not supported"},
    StatusCode{416, "Requested size too big", "the device cannot display the alert"},
    StatusCode{417, "Retry later", "try again later"},
    StatusCode{418, "Already exists", "Add of an existing node"},
    StatusCode{419, "Conflict resolved with server data", "data synchronisation only"},
    StatusCode{420, "Device full", "out of storage"},
    StatusCode{421, "Unknown search grammar", "data synchronisation only"},
    StatusCode{422, "Bad CGI script", "data synchronisation only"},
    StatusCode{423, "Soft-delete conflict", "data synchronisation only"},
    StatusCode{424, "Size mismatch", "the reassembled object differs from its announced Size"},
    StatusCode{425, "Permission denied", "the ACL does not grant the command"},
    StatusCode{426, "Partial item not accepted", "the whole item may be resent later"},
    StatusCode{427, "Item not empty", "a parent with children cannot be deleted"},
    StatusCode{428, "Move failed", "data synchronisation only"},
    StatusCode{500, "Command failed", "generic failure"},
    StatusCode{501, "Command not implemented", "the command is not implemented"},
    StatusCode{502, "Bad gateway", "bad gateway"},
    StatusCode{503, "Service unavailable", "service unavailable"},
    StatusCode{504, "Gateway timeout", "gateway timeout"},
    StatusCode{505, "DTD version not supported", "supported versions are in the Status Item"},
    StatusCode{506, "Processing error", "processing error"},
    StatusCode{507, "Atomic failed", "a command inside the Atomic failed"},
    StatusCode{508, "Refresh required", "data synchronisation only"},
    StatusCode{509, "Reserved", "reserved"},
    StatusCode{510, "Data store failure", "storage error"},
    StatusCode{511, "Server failure", "server failure"},
    StatusCode{512, "Synchronization failed", "data synchronisation only"},
    StatusCode{513, "Protocol version not supported", "protocol version not supported"},
    StatusCode{514, "Operation cancelled", "the operation was already cancelled"},
    StatusCode{516, "Atomic roll back failed", "a command inside a failed Atomic was not rolled back"},
    StatusCode{517, "Atomic response too large to fit", "the Atomic's responses would span messages"},
};

using enum AlertDirection;
constexpr std::array kAlerts = {
    AlertCode{1100, "DISPLAY", server_to_client, false, "2 Items: options, then the text"},
    AlertCode{1101, "CONFIRM_OR_REJECT", server_to_client, false, "2 Items: options, then the text"},
    AlertCode{1102, "TEXT INPUT", server_to_client, false, "2 Items: options, then the prompt"},
    AlertCode{1103, "SINGLE CHOICE", server_to_client, false, "3+ Items: options, title, choices"},
    AlertCode{1104, "MULTIPLE CHOICE", server_to_client, false, "3+ Items: options, title, choices"},
    AlertCode{1200, "SERVER-INITIATED MGMT", client_to_server, true, "no Items"},
    AlertCode{1201, "CLIENT-INITIATED MGMT", client_to_server, true, "no Items"},
    AlertCode{1222, "NEXT MESSAGE", either, true, "no Items defined"},
    AlertCode{1223, "SESSION ABORT", either, true, "no Items; the message carries Final"},
    AlertCode{1224, "CLIENT EVENT", client_to_server, true, "1+ Items with Meta Type and Data"},
    AlertCode{1225, "NO END OF DATA", either, true, "an Item naming the interrupted object"},
    AlertCode{1226, "GENERIC ALERT", client_to_server, true,
              "1+ Items with Meta Type, Format, optional Mark, and Data"},
};

constexpr std::array<std::string_view, 12> kStatusCmds = {
    "SyncHdr", "Add", "Alert", "Atomic", "Copy", "Delete",
    "Exec", "Get", "Replace", "Results", "Sequence", "Status"};

constexpr std::array<std::string_view, 11> kFormats = {
    "chr", "int", "bool", "bin", "b64", "xml", "node", "null", "date", "time", "float"};

constexpr std::array<std::string_view, 7> kMarks = {
    "fatal", "critical", "minor", "warning", "informational", "harmless", "indeterminate"};

template <class Table>
auto find_by_code(const Table& table, int code) {
    auto it = std::lower_bound(table.begin(), table.end(), code,
                               [](const auto& e, int c) { return e.code < c; });
    using Entry = typename Table::value_type;
    return (it != table.end() && it->code == code) ? std::optional<Entry>(*it) : std::nullopt;
}

template <class List>
bool contains(const List& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::span<const StatusCode> status_codes() { return kStatus; }
std::optional<StatusCode> find_status(int code) { return find_by_code(kStatus, code); }

bool is_known_status(int code, bool windows) {
    if (find_status(code)) return true;
    if (code >= 1000 && code <= 1999) return true;
    return windows && code >= 600 && code <= 639;
}

std::span<const AlertCode> alert_codes() { return kAlerts; }
std::optional<AlertCode> find_alert(int code) { return find_by_code(kAlerts, code); }

bool is_status_cmd(std::string_view cmd) { return contains(kStatusCmds, cmd); }
bool is_format(std::string_view format) { return contains(kFormats, format); }
bool is_mark(std::string_view mark) { return contains(kMarks, mark); }

std::optional<int> parse_code(std::string_view text) {
    if (text.empty() || text.size() > 4) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace syncmldm::codes
