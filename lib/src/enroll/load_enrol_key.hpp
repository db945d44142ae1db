#pragma once
// dm-load --enroll-shared-key: one RSA key pair for every device of a run, a load-test shortcut
// (a Windows device makes a key of its own, which costs some 50-200 ms of CPU at 2048 bits). Each
// device still sends its own certificate request (its own subject) and gets its own certificate.
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

#include "syncmldm/enroll/enroll.hpp"

namespace syncmldm::enroll::detail {

class SharedKey {
 public:
  SharedKey() = default;
  ~SharedKey();
  SharedKey(const SharedKey&) = delete;
  SharedKey& operator=(const SharedKey&) = delete;
  // A certificate request with subject CN=`subject` signed by the shared key, which is made on
  // first use to the policy's key length. Throws Error{input} when a later policy asks for
  // another length than the first did.
  KeyRequest request_for(const Policy& policy, std::string_view subject);

 private:
  std::mutex mutex_;
  void* key_ = nullptr;  // EVP_PKEY
  int bits_ = 0;
  std::string pem_;
};

using KeyMaker = std::function<KeyRequest(const Policy& policy, std::string_view subject)>;

// enroll::enrol with the key request made by `make_key` instead of a new key.
EnrolResult enrol_with_key(net::HttpClient& http, const EnrolRequest& request, const KeyMaker& make_key,
                           const std::function<void(const Exchange&)>& observer);

}  // namespace syncmldm::enroll::detail
