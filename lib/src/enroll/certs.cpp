// The certificates and the DM account an enrolment's provisioning document carries
// ([MS-MDE2] 3.4.5: CertificateStore Root/System, CA/System, My/User; the w7 APPLICATION).
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

#include "enroll/openssl_ptr.hpp"
#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/prov/prov.hpp"
#include "syncmldm/util/base64.hpp"

namespace syncmldm::enroll {

namespace {

using namespace detail;

using Cert = X509Ptr;

// A certificate from the Base64 DER of an EncodedCertificate parm.
Cert decode(const prov::Parm& parm) {
  auto der = parm.value ? base64::decode(*parm.value) : std::nullopt;
  const unsigned char* p = der ? reinterpret_cast<const unsigned char*>(der->data()) : nullptr;
  Cert cert(p ? d2i_X509(nullptr, &p, static_cast<long>(der->size())) : nullptr);
  if (!cert) throw Error(ErrorKind::input, "the provisioning document's EncodedCertificate is not a certificate", parm.where);
  return cert;
}

std::string pem_of(X509* cert) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) throw Error(ErrorKind::io, "cannot write a certificate as PEM");
  return bio_text(bio.get());
}

const prov::Characteristic* sub(const prov::Characteristic* c, std::string_view type) {
  if (!c) return nullptr;
  for (const auto& child : c->children)
    if (child.type == type) return &child;
  return nullptr;
}

// Every EncodedCertificate under store/location (e.g. Root/System), as PEM.
void collect(const prov::Characteristic& store, std::string_view name, std::string_view location,
             const std::function<void(const std::string& thumbprint, X509*, const prov::Parm&)>& take) {
  const prov::Characteristic* at = sub(sub(&store, name), location);
  if (!at) return;
  for (const auto& entry : at->children)
    if (const prov::Parm* parm = entry.parm("EncodedCertificate")) {
      Cert cert = decode(*parm);
      take(entry.type, cert.get(), *parm);
    }
}

std::string subject_of(X509* cert) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_ONELINE);
  return bio_text(bio.get());
}

std::string not_after_of(X509* cert) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  ASN1_TIME_print(bio.get(), X509_get0_notAfter(cert));
  return bio_text(bio.get());
}

}  // namespace

Certificates certificates_of(const prov::Document& doc) {
  Certificates out;
  for (const auto& c : doc.characteristics) {
    if (c.type == "CertificateStore") {
      collect(c, "Root", "System", [&](const std::string&, X509* x, const prov::Parm&) { out.root_pems.push_back(pem_of(x)); });
      collect(c, "CA", "System", [&](const std::string&, X509* x, const prov::Parm&) { out.ca_pems.push_back(pem_of(x)); });
      collect(c, "My", "User", [&](const std::string& thumbprint, X509* x, const prov::Parm&) {
        if (!out.client_pem.empty()) {  // a second one is an intermediate ([MS-MDE2] allows it there)
          out.ca_pems.push_back(pem_of(x));
          return;
        }
        out.client_pem = pem_of(x);
        out.client_thumbprint = thumbprint;
        out.client_subject = subject_of(x);
        out.client_not_after = not_after_of(x);
      });
    } else if (c.type == "APPLICATION") {
      const std::string* appid = c.value_of("APPID");
      if (!appid || *appid != "w7" || !out.provider_id.empty()) continue;
      if (const std::string* id = c.value_of("PROVIDER-ID")) out.provider_id = *id;
      if (const std::string* addr = c.value_of("ADDR")) out.server_address = *addr;
      for (const auto& a : c.children)
        if (out.server_address.empty() && a.type == "APPADDR")
          if (const std::string* addr = a.value_of("ADDR")) out.server_address = *addr;
    }
  }
  if (out.client_pem.empty())
    throw Error(ErrorKind::input, "the provisioning document holds no client certificate (CertificateStore/My/User)", doc.where);
  return out;
}

bool key_matches(std::string_view cert_pem, std::string_view key_pem) {
  BioPtr cb = memory_bio(cert_pem);
  BioPtr kb = memory_bio(key_pem);
  Cert cert(cb ? PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr) : nullptr);
  KeyPtr key(kb ? PEM_read_bio_PrivateKey(kb.get(), nullptr, nullptr, nullptr) : nullptr);
  return cert && key && X509_check_private_key(cert.get(), key.get()) == 1;
}

}  // namespace syncmldm::enroll
