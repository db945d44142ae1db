#pragma once
// The HOST:PORT:ADDRESS entries of --resolve (libcurl's CURLOPT_RESOLVE), checked where every
// tool's option group can reach them, whether or not the tool links the transport.

#include <string_view>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm {

// Checks one entry: a host name (letters, digits, '-', '.'), a port 1..65535 and one or more
// literal IPv4 or IPv6 addresses (IPv6 may be in brackets), comma-separated. Throws
// Error{usage} naming what is wrong; a host name is refused as an address (no lookup is made).
void check_resolve_entry(std::string_view entry);

}  // namespace syncmldm
SYNCMLDM_API_END
