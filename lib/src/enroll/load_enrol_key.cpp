// The shared key of dm-load --enroll-shared-key, and the enrolment steps with a key made
// elsewhere (the steps of enroll::enrol, whose key is always its own).
#include "enroll/load_enrol_key.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>

#include "syncmldm/util/base64.hpp"

namespace syncmldm::enroll::detail {

namespace {

[[noreturn]] void fail(const std::string& what) { throw Error(ErrorKind::io, "cannot make the certificate request: " + what); }

net::HttpResponse post(net::HttpClient& http, const std::string& step, const std::string& url, const std::string& body,
                       const std::function<void(const Exchange&)>& observer) {
  net::HttpResponse response = http.post(url, kSoapMediaType, body);
  if (observer) observer(Exchange{step, "POST", url, body, response});
  if (auto fault = find_fault(response.body)) throw FaultError(*fault, step);
  if (response.status < 200 || response.status > 299)
    throw Error(ErrorKind::transport, "the " + step + " request to " + url + " got HTTP status " + std::to_string(response.status));
  return response;
}

}  // namespace

SharedKey::~SharedKey() { EVP_PKEY_free(static_cast<EVP_PKEY*>(key_)); }

KeyRequest SharedKey::request_for(const Policy& policy, std::string_view subject) {
  std::lock_guard<std::mutex> lock(mutex_);
  int bits = policy.min_key_length < 2048 ? 2048 : policy.min_key_length;
  if (!key_) {
    if (bits > 16384) throw Error(ErrorKind::input, "the policy asks for a " + std::to_string(bits) + "-bit key, more than 16384");
    key_ = EVP_RSA_gen(static_cast<unsigned>(bits));
    if (!key_) fail("RSA key generation failed");
    bits_ = bits;
    std::unique_ptr<BIO, decltype(&BIO_free_all)> bio(BIO_new(BIO_s_mem()), &BIO_free_all);
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), static_cast<EVP_PKEY*>(key_), nullptr, nullptr, 0, nullptr, nullptr) != 1)
      fail("the private key cannot be written");
    char* data = nullptr;
    long n = BIO_get_mem_data(bio.get(), &data);
    pem_.assign(data, static_cast<std::size_t>(n > 0 ? n : 0));
  } else if (bits != bits_) {
    throw Error(ErrorKind::input, "the policy asks for a " + std::to_string(bits) + "-bit key, the shared key has " +
                                      std::to_string(bits_) + " bits");
  }
  const EVP_MD* md = EVP_get_digestbyname(policy.hash.c_str());
  if (!md) throw Error(ErrorKind::input, "unknown hash algorithm \"" + policy.hash + "\"");
  auto* key = static_cast<EVP_PKEY*>(key_);
  std::unique_ptr<X509_REQ, decltype(&X509_REQ_free)> req(X509_REQ_new(), &X509_REQ_free);
  if (!req || X509_REQ_set_version(req.get(), 0) != 1) fail("no request object");
  std::string cn(subject);
  if (cn.empty()) cn = "syncml-dm-tools device";
  if (X509_NAME_add_entry_by_txt(X509_REQ_get_subject_name(req.get()), "CN", MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(cn.data()), static_cast<int>(cn.size()), -1, 0) != 1)
    fail("the subject \"" + cn + "\" is not usable");
  if (X509_REQ_set_pubkey(req.get(), key) != 1) fail("no public key");
  if (X509_REQ_sign(req.get(), key, md) <= 0) fail("signing with " + policy.hash + " failed");
  KeyRequest out;
  unsigned char* der = nullptr;
  int len = i2d_X509_REQ(req.get(), &der);
  if (len <= 0) fail("DER encoding failed");
  out.csr_der.assign(reinterpret_cast<const char*>(der), static_cast<std::size_t>(len));
  OPENSSL_free(der);
  out.csr_base64 = base64::encode(out.csr_der);
  out.private_key_pem = pem_;
  return out;
}

EnrolResult enrol_with_key(net::HttpClient& http, const EnrolRequest& request, const KeyMaker& make_key,
                           const std::function<void(const Exchange&)>& observer) {
  EnrolResult r;
  r.discovery_url = request.discovery_url.empty() ? discovery_url_for_email(request.discover.email) : request.discovery_url;
  if (request.probe) {
    net::HttpResponse probe = http.get(r.discovery_url);
    if (observer) observer(Exchange{"discovery probe", "GET", r.discovery_url, {}, probe});
  }
  DiscoverRequest discover = request.discover;
  discover.auth_policies = {request.credential.policy};
  std::string body = build_discover(discover, new_message_id(), r.discovery_url);
  r.discovery = parse_discover_response(post(http, "discovery", r.discovery_url, body, observer).body, r.discovery_url);
  if (r.discovery.auth_policy != request.credential.policy)
    throw Error(ErrorKind::auth, "the server asks for " + std::string(auth_policy_name(r.discovery.auth_policy)) +
                                     " authentication, the credentials given are for " +
                                     std::string(auth_policy_name(request.credential.policy)));
  if (!r.discovery.policy_url.empty()) {
    body = build_get_policies(request.credential, new_message_id(), r.discovery.policy_url);
    r.policy = parse_get_policies_response(post(http, "policy", r.discovery.policy_url, body, observer).body,
                                           r.discovery.policy_url);
  }
  r.key = make_key(r.policy, request.subject.empty() ? request.device.device_id : request.subject);
  body = build_request_security_token(request.credential, r.key.csr_base64, context_items(request.device, request.context_overrides),
                                      new_message_id(), r.discovery.enrollment_url);
  r.issued = parse_request_security_token_response(
      post(http, "enrolment", r.discovery.enrollment_url, body, observer).body, r.discovery.enrollment_url);
  return r;
}

}  // namespace syncmldm::enroll::detail
