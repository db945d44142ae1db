// dm-enroll: discovery, policy and certificate request, then the issued provisioning document
// applied to a new device state, the key and certificates written beside it.
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/exit_codes.hpp"
#include "common/messages.hpp"
#include "common/secret_file.hpp"
#include "dm_enroll.hpp"
#include "syncmldm/device/provision.hpp"
#include "syncmldm/prov/prov.hpp"
#include "syncmldm/tree/ddf_load.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/text.hpp"

namespace dm_enroll {

namespace {

namespace enroll = syncmldm::enroll;
using syncmldm::Error;
using syncmldm::ErrorKind;

// Upper-case hex of `bytes` random bytes (device ids as Windows writes them).
std::string random_hex(std::size_t bytes) {
  std::string out;
  while (out.size() < 2 * bytes) {
    for (char c : enroll::new_message_id().substr(9))
      if (c != '-') out.push_back(static_cast<char>(c >= 'a' ? c - 32 : c));
  }
  return out.substr(0, 2 * bytes);
}

// STATE.tnds -> STATE + suffix (the key and certificate files default to the state's name).
std::string beside_state(const std::string& state, const std::string& suffix) {
  std::string base = state;
  auto slash = base.rfind('/');
  auto dot = base.rfind('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) base.resize(dot);
  return base + suffix;
}

enroll::Credential credential(const Options& o) {
  enroll::Credential c;
  c.user = o.user.empty() ? o.email : o.user;
  if (!o.tls.tls.cert.empty() && o.token_file.empty() && o.password_file.empty()) {
    // A client certificate without a password or token: Certificate authentication with it.
    c.policy = enroll::AuthPolicy::certificate;
    c.certificate_pem = syncmldm::read_file(o.tls.tls.cert, 1 << 20);
    const std::string& key = o.tls.tls.key.empty() ? o.tls.tls.cert : o.tls.tls.key;
    c.private_key_pem = syncmldm::read_file(key, 1 << 20);
    c.private_key_password = tools::resolve_tls(o.tls).key_password;
    // Said before any traffic (an encrypted key is checked when the request is signed).
    if (c.private_key_password.empty() && !enroll::key_matches(c.certificate_pem, c.private_key_pem))
      throw Error(ErrorKind::usage, "Certificate authentication: " + key + " is not the private key of the certificate in " +
                                        o.tls.tls.cert);
    tools::warn_if_readable_by_others(kTool, key, "--key");
    return c;
  }
  if (!o.token_file.empty()) {
    c.policy = enroll::AuthPolicy::federated;
    c.token = tools::read_secret_file(o.token_file);
    tools::warn_if_readable_by_others(kTool, o.token_file, "--token-file");
    return c;
  }
  if (c.user.empty()) throw CLI::ValidationError("OnPremise enrolment needs --user (or --email)");
  tools::AuthOptions a;
  a.user = c.user;
  a.password_file = o.password_file;
  c.password = tools::read_password(a);
  tools::warn_if_readable_by_others(kTool, o.password_file, "--password-file");
  return c;
}

enroll::EnrolRequest request(const Options& o, const enroll::Credential& c) {
  if (o.discovery.empty() && o.email.empty()) throw CLI::ValidationError("give --discovery URL or --email ADDRESS");
  enroll::EnrolRequest r;
  r.discovery_url = o.discovery;
  r.discover.email = o.email.empty() ? c.user : o.email;
  r.discover.device_type = o.device.device_type;
  r.discover.application_version = o.device.application_version;
  r.discover.os_edition = o.device.os_edition;
  r.credential = c;
  r.device = o.device;
  r.device.device_id = o.dev_id.empty() ? random_hex(16) : o.dev_id;
  r.device.hw_dev_id = o.hw_dev_id.empty() ? random_hex(32) : o.hw_dev_id;
  for (const auto& item : o.context) {
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) throw CLI::ValidationError("--context needs NAME=VALUE, got '" + item + "'");
    r.context_overrides.emplace_back(item.substr(0, eq), item.substr(eq + 1));
  }
  r.subject = o.subject;
  r.probe = !o.no_probe;
  r.discovery_port = o.discovery_port;
  return r;
}

void trace_exchange(Trace& trace, const enroll::Exchange& ex) {
  if (tools::verbosity() >= 1)
    tools::print_note(kTool, fmt::format("{}: {} {} -> HTTP {}, {} bytes, {} ms", ex.step, ex.method, ex.url,
                                         ex.response.status, ex.response.body.size(), ex.response.elapsed.count() / 1000));
  if (!trace.on()) return;
  std::string text = fmt::format("> {} {} ({})\n", ex.method, ex.url, ex.step);
  text += ex.response.raw_request_headers;
  if (!ex.request.empty()) text += ex.request + "\n";
  text += fmt::format("< HTTP {} ({} ms)\n", ex.response.status, ex.response.elapsed.count() / 1000);
  text += ex.response.raw_response_headers;
  if (!ex.response.body.empty()) text += ex.response.body + "\n";
  trace.write(text + "\n");
}

// A fresh device with the standard objects, its ids, and the provisioning document applied.
syncmldm::tree::Tree provisioned_state(const enroll::EnrolRequest& r, const syncmldm::prov::Document& doc,
                                       syncmldm::device::ProvisionResult& result) {
  syncmldm::ddf::LoadOptions lo;
  lo.standard_objects = true;
  auto schema = syncmldm::ddf::load_schema({}, lo);
  syncmldm::tree::Identity id;
  id.dev_id = r.device.device_id;
  id.mod = "dm-enroll";
  id.lang = r.device.locale;
  std::string now = tools::now_stamp();
  auto tree = syncmldm::tree::make_standard_tree(id, schema, now);
  syncmldm::tree::set_leaf(tree, "./Vendor/MSFT/DMClient/HWDevID", r.device.hw_dev_id, now);
  syncmldm::device::Options options;
  options.now = now;
  result = syncmldm::device::provision(tree, doc, options);
  for (const auto& s : result.skipped) tools::print_note(kTool, s.where.to_string() + ": skipped: " + s.what);
  return tree;
}

void print_summary(const Options& o, const enroll::EnrolResult& r, const enroll::Certificates& certs,
                   const enroll::Record& rec, const syncmldm::device::ProvisionResult& applied) {
  if (o.write_out == "json") {
    nlohmann::json j;
    j["enrolled"] = true;
    j["user"] = rec.user;
    j["auth_policy"] = rec.auth_policy;
    j["discovery_url"] = r.discovery_url;
    j["enrollment_url"] = r.discovery.enrollment_url;
    j["policy"] = {{"key_length", r.policy.min_key_length}, {"hash", r.policy.hash},
                   {"template", r.policy.template_name}, {"from_server", r.policy.from_server}};
    j["provider_id"] = rec.provider_id;
    j["server"] = certs.server_address;
    j["client_certificate"] = {{"subject", certs.client_subject}, {"thumbprint", certs.client_thumbprint},
                               {"not_after", certs.client_not_after}};
    j["files"] = {{"state", o.state}, {"key", rec.key_file}, {"certificate", rec.cert_file}};
    j["settings"] = applied.steps.size();
    j["failed"] = applied.failed;
    fmt::print("{}\n", j.dump(2));
    return;
  }
  fmt::print("enrolled {} ({}) with {} at {}\n", rec.user, rec.auth_policy, rec.provider_id, certs.server_address);
  fmt::print("policy: {}-bit key, {}{}\n", r.policy.min_key_length, r.policy.hash,
             r.policy.template_name.empty() ? "" : ", template " + r.policy.template_name);
  fmt::print("client certificate: {} (thumbprint {}, until {})\n", certs.client_subject, certs.client_thumbprint,
             certs.client_not_after);
  fmt::print("state: {} ({} settings applied{})\n", o.state, applied.steps.size(), applied.failed ? ", some failed" : "");
  fmt::print("private key: {}\ncertificate: {}\n", rec.key_file, rec.cert_file);
}

std::string absolute(const std::string& path) {
  if (path.empty() || path.front() == '/') return path;
  char buf[4096];
  return ::getcwd(buf, sizeof buf) ? std::string(buf) + "/" + path : path;
}

}  // namespace

int run_enrol(const Options& o) {
  if (::access(o.state.c_str(), F_OK) == 0 && !o.force)
    throw Error(ErrorKind::usage, o.state + " exists: enrolment makes a new device state (--force replaces it)");
  enroll::Credential cred = credential(o);
  enroll::EnrolRequest req = request(o, cred);
  Trace trace(o.trace);
  auto http_opts = http_options(o);
  http_opts.user_agent = std::string(enroll::kUserAgent);
  http_opts.accept = "application/soap+xml";
  http_opts.record_request_head = trace.on();
  auto plain_opts = http_opts;
  syncmldm::net::HttpClient http(std::move(http_opts));
  enroll::EnrolResult result;
  try {
    result = enroll::enrol(http, req, [&](const enroll::Exchange& ex) { trace_exchange(trace, ex); });
  } catch (const enroll::FaultError&) {
    throw;
  } catch (const Error& e) {
    // A server that answers without the certificate but breaks the connection with it refused it.
    std::string url = req.discovery_url.empty() ? enroll::discovery_url_for_email(req.discover.email, req.discovery_port)
                                                : req.discovery_url;
    if (e.kind() != ErrorKind::transport || cred.policy != enroll::AuthPolicy::certificate ||
        !enroll::answers_without_certificate(plain_opts, url))
      throw;
    throw Error(ErrorKind::auth, "the server refused the client certificate (Certificate authentication): " + url +
                                     " answers without it but not with " + o.tls.tls.cert + " (" + e.message() + ")");
  }
  auto doc = syncmldm::prov::read(result.issued.provisioning_xml, "the issued provisioning document");
  auto certs = enroll::certificates_of(doc);
  if (!enroll::key_matches(certs.client_pem, result.key.private_key_pem))
    throw Error(ErrorKind::input, "the issued client certificate does not carry the key of our request");
  syncmldm::device::ProvisionResult applied;
  auto tree = provisioned_state(req, doc, applied);
  enroll::Record rec{certs.provider_id, cred.user, std::string(enroll::auth_policy_name(cred.policy)),
                     absolute(o.cert_out.empty() ? beside_state(o.state, ".cert.pem") : o.cert_out),
                     absolute(o.key_out.empty() ? beside_state(o.state, ".key.pem") : o.key_out),
                     absolute(o.tls.tls.cacert), result.discovery_url, req.device.enrollment_type};
  enroll::write_record(tree, rec);
  std::string chain = certs.client_pem;
  for (const auto& pem : certs.ca_pems) chain += pem;
  tools::save_file(kTool, rec.key_file, result.key.private_key_pem, true);
  tools::save_file(kTool, rec.cert_file, chain, false);
  tools::save_state(kTool, o.state, tree);
  print_summary(o, result, certs, rec, applied);
  return applied.failed ? tools::kExitFindings : tools::kExitOk;
}

}  // namespace dm_enroll
