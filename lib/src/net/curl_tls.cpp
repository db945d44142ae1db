#include "net/curl_tls.hpp"

#include <map>
#include <mutex>

namespace syncmldm::net {

namespace {

// libcurl does not copy a CURLOPT_RESOLVE list: it must outlive every transfer of the handles
// it was set on. The lists are few (one per set of options a process uses) and small, so they
// are built once and kept until the process ends, for dm-send's client and dm-load's handles alike.
class ResolveLists {
 public:
  ~ResolveLists() {
    for (auto& [entries, list] : lists_) curl_slist_free_all(list);
  }
  curl_slist* get(const std::vector<std::string>& entries) {
    std::lock_guard lock(mutex_);
    auto& list = lists_[entries];
    if (!list)
      for (const auto& e : entries) list = curl_slist_append(list, e.c_str());
    return list;
  }

 private:
  std::mutex mutex_;
  std::map<std::vector<std::string>, curl_slist*> lists_;
};

}  // namespace

void set_tls_options(CURL* c, const TlsOptions& tls) {
  if (!tls.resolve.empty()) {
    static ResolveLists lists;
    curl_easy_setopt(c, CURLOPT_RESOLVE, lists.get(tls.resolve));
  }
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
