#include "net/curl_tls.hpp"

namespace syncmldm::net {

void set_tls_options(CURL* c, const TlsOptions& tls) {
  if (!tls.cacert.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, tls.cacert.c_str());
  if (!tls.capath.empty()) curl_easy_setopt(c, CURLOPT_CAPATH, tls.capath.c_str());
  if (!tls.cert.empty()) {
    curl_easy_setopt(c, CURLOPT_SSLCERT, tls.cert.c_str());
    curl_easy_setopt(c, CURLOPT_SSLCERTTYPE, "PEM");
    curl_easy_setopt(c, CURLOPT_SSLKEY, (tls.key.empty() ? tls.cert : tls.key).c_str());
    curl_easy_setopt(c, CURLOPT_SSLKEYTYPE, "PEM");
  }
  if (!tls.key_password.empty()) curl_easy_setopt(c, CURLOPT_KEYPASSWD, tls.key_password.c_str());
  if (!tls.pinned_public_key.empty()) curl_easy_setopt(c, CURLOPT_PINNEDPUBLICKEY, tls.pinned_public_key.c_str());
  if (tls.insecure) {
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
  }
}

}  // namespace syncmldm::net
