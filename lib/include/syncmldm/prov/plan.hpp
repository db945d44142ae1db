#pragma once
// What a provisioning document sets in a DM tree, as Windows maps it (README "Provisioning
// documents"): the w7 APPLICATION becomes a DM account under ./SyncML/DMAcc/<AccountUID>
// (AccountUID: the SHA-256 of PROVIDER-ID in hex), every other characteristic whose type names
// a CSP (CertificateStore, DMClient, ...) becomes nodes under ./Vendor/MSFT/<type>/..., one per
// nested characteristic (interior) and one per parm (leaf). Only the mapping: applying it to a
// tree is the device layer's (device/provision.hpp).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/prov/prov.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::prov {

struct Setting {
  std::string uri;                   // ./SyncML/DMAcc/<x>/ServerID (segments URI-escaped)
  std::vector<std::string> segments; // the same, decoded, without "."
  bool interior = false;             // an interior node to create
  std::optional<std::string> value;  // leaf value (absent: an empty value)
  std::string format;                // DM format from the parm's datatype; "" when none was given
  bool secret = false;               // AAuthSecret, AAuthData: never printed
  Location where;                    // the parm or characteristic it comes from
};

// A characteristic the mapping leaves alone (an APPLICATION other than w7, WAP connectivity).
struct Skipped {
  std::string what;
  Location where;
};

struct Plan {
  std::vector<Setting> settings;  // in document order, parents before children
  std::vector<Skipped> skipped;
};

Plan plan(const Document& doc);

// The DMAcc node name Windows gives an account bootstrapped by w7: SHA-256 of PROVIDER-ID, hex
// (upper case).
std::string account_uid(std::string_view provider_id);

// DM format for a Windows parm datatype (string -> chr, integer -> int, boolean -> bool, ...),
// "" when unknown.
std::string_view format_of_datatype(std::string_view datatype);

}  // namespace syncmldm::prov
SYNCMLDM_API_END
