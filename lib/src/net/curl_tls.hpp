#pragma once
// The TLS options of a request as libcurl takes them, set once for dm-send's client and
// dm-load's many handles alike.

#include <curl/curl.h>

#include "syncmldm/net/net.hpp"

namespace syncmldm::net {

// --resolve entries, CA file and folder, client certificate and key (PEM; the key in the certificate's file when
// no key is given), key password, pinned public key, and --insecure.
void set_tls_options(CURL* handle, const TlsOptions& tls);

}  // namespace syncmldm::net
