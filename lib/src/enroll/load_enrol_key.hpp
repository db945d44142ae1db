#pragma once
// dm-load --enroll-shared-key: one RSA key pair for every device of a run, a load-test shortcut
// (a Windows device makes a key of its own, which costs some 50-200 ms of CPU at 2048 bits). Each
// device still sends its own certificate request (its own subject) and gets its own certificate.
#include <mutex>
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
  // another length than the first did. Usable as EnrolRequest::make_key.
  KeyRequest request_for(const Policy& policy, std::string_view subject);

 private:
  std::mutex mutex_;
  void* key_ = nullptr;  // EVP_PKEY
  int bits_ = 0;
};

}  // namespace syncmldm::enroll::detail
