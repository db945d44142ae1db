// The one list of what is secret (and what identifies a device), and the judge that applies it.
#include "redact/judge.hpp"

#include <algorithm>
#include <array>

#include "syncmldm/util/text.hpp"

namespace syncmldm::redact {
namespace {

constexpr std::string_view kMarker = "REDACTED";

// Last URI segments whose value is a secret, whatever the CSP (compared ignoring case).
constexpr std::array<std::string_view, 9> kSecretNodes = {
    "AAuthSecret",  // DMAcc: the password of an AppAuth entry
    "AAuthData",    // DMAcc: the nonce of an AppAuth entry
    "ClientPW",     "ServerPW",     "ClientNonce", "ServerNonce",  // DMAcc of OMA DM 1.1
    "PFXCertBlob",  // ClientCertificateInstall: the PFX with its private key
    "SharedKey",    "PSK",
};
// Endings of last segments that name a secret (PFXCertPassword, Accounts/Users/x/Password...).
constexpr std::array<std::string_view, 6> kSecretEndings = {"password", "passwd", "passphrase",
                                                           "secret",   "presharedkey", "privatekey"};
// Secrets known by their place: the SCEP challenge, a VPN plug-in's own configuration.
struct PlacedSecret {
  std::string_view within, last;
};
constexpr std::array<PlacedSecret, 2> kPlacedSecrets = {
    PlacedSecret{"/SCEP/", "Challenge"},
    PlacedSecret{"/VPNv2/", "CustomConfiguration"},
};
// Last segments of nodes that identify the device or its user (with Options::ids).
constexpr std::array<std::string_view, 16> kIdNodes = {
    "DevId",        "HWDevID",     "IMEI",        "IMSI",        "ICCID",   "MEID",
    "SerialNumber", "SMBIOSSerialNumber", "UPN",   "DeviceName",  "EntDMID", "AADDeviceID",
    "MacAddress",   "WLANMACAddress",     "DeviceHardwareData", "OfflineAutopilotDeviceId"};
// Elements secret wherever they are (SOAP enrolment messages, WLAN profiles, Chal).
constexpr std::array<std::string_view, 4> kSecretElements = {"NextNonce", "Password", "BinarySecurityToken",
                                                             "keyMaterial"};
// Elements inside a value that may hold a document (Wi-Fi profile XML, EAP configuration).
constexpr std::array<std::string_view, 2> kEmbeddedElements = {"keyMaterial", "Password"};
// <parm name="..."> of provisioning documents (w7 APPLICATION, DMAcc; the proxy and basic
// authentication passwords of OMA Client Provisioning; a Wi-Fi network key), beside the names
// the node rules know.
constexpr std::array<std::string_view, 8> kSecretParms = {"AAUTHSECRET", "AAUTHDATA",  "CLIENTPW", "SERVERPW",
                                                          "PXAUTH-PW",   "BASAUTH-PW", "PROXY-PW", "NETWORKKEY"};

std::string_view last_segment(std::string_view uri) {
  while (!uri.empty() && uri.back() == '/') uri.remove_suffix(1);
  auto slash = uri.rfind('/');
  return slash == std::string_view::npos ? uri : uri.substr(slash + 1);
}

template <class List>
bool contains_ignoring_case(const List& list, std::string_view value) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view e) { return iequals(e, value); });
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

bool is_secret_node(std::string_view uri) {
  std::string_view last = last_segment(uri);
  if (last.empty()) return false;
  if (contains_ignoring_case(kSecretNodes, last)) return true;
  for (std::string_view e : kSecretEndings)
    if (iends_with(last, e)) return true;
  std::string lowered = ascii_lower(uri);
  for (const auto& p : kPlacedSecrets)
    if (iequals(last, p.last) && lowered.find(ascii_lower(p.within)) != std::string::npos) return true;
  return false;
}

bool is_id_node(std::string_view uri) { return contains_ignoring_case(kIdNodes, last_segment(uri)); }

namespace detail {

bool is_secret_element(std::string_view local_name) { return contains_ignoring_case(kSecretElements, local_name); }
// A parm is named as a node is (KEYMATERIAL, PASSWORD, PSK, AUTHSECRET...): the same rules.
bool is_secret_parm(std::string_view name) {
  return contains_ignoring_case(kSecretParms, name) || is_secret_node(name) || is_secret_element(name);
}

bool mark(std::string& out, std::size_t pos, std::size_t len) {
  if (pos > out.size()) return false;
  len = std::min(len, out.size() - pos);
  std::size_t begin = pos, end = pos + len;
  while (begin < end && is_space(out[begin])) ++begin;
  while (end > begin && is_space(out[end - 1])) --end;
  while (end > begin && out[end - 1] == '=') --end;
  bool any = false;
  std::size_t k = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if (out[i] == '\r' || out[i] == '\n') continue;  // a wrapped value keeps its lines
    out[i] = kMarker[k++ % kMarker.size()];
    any = true;
  }
  return any;
}

std::size_t mark_embedded(std::string& out, std::size_t pos, std::size_t len) {
  std::size_t count = 0;
  const std::size_t stop = std::min(out.size(), pos + len);
  std::string lowered = ascii_lower(std::string_view(out).substr(pos, stop - pos));
  for (std::string_view name : kEmbeddedElements) {
    std::string lname = ascii_lower(name);
    // Escaped (&lt;keyMaterial&gt;...&lt;/) or raw (<keyMaterial>...</), CDATA included.
    for (auto [open_prefix, open_suffix, close] :
         {std::array<std::string_view, 3>{"&lt;", "&gt;", "&lt;/"}, std::array<std::string_view, 3>{"<", ">", "</"}}) {
      std::string open = std::string(open_prefix) + lname;
      std::size_t at = 0;
      while ((at = lowered.find(open, at)) != std::string::npos) {
        std::size_t after = at + open.size();
        // The name must end here: "&gt;" / ">" directly, or attributes first.
        std::size_t gt = lowered.find(open_suffix, after);
        if (gt == std::string::npos) break;
        char next = after < lowered.size() ? lowered[after] : '\0';
        if (gt != after && next != ' ' && next != '\t') {
          at = after;
          continue;
        }
        std::size_t content = gt + open_suffix.size();
        std::size_t end = lowered.find(close, content);
        if (end == std::string::npos) end = lowered.size();
        if (mark(out, pos + content, end - content)) ++count;
        at = end;
      }
    }
  }
  return count;
}

void Judge::start(std::string_view name) {
  stack_.emplace_back(name);
  if (name == "Item") {
    item_depth_ = stack_.size();
    item_uri_.clear();
  } else if (name == "Node") {
    node_names_.emplace_back();
  }
}

void Judge::end() {
  if (stack_.empty()) return;
  if (stack_.back() == "Node" && !node_names_.empty()) node_names_.pop_back();
  if (stack_.size() == item_depth_) item_depth_ = 0;
  stack_.pop_back();
}

Judge::Verdict Judge::verdict(std::string_view value) const {
  std::string_view here = parent(0);
  if (here.empty()) return Verdict::keep;
  if (is_secret_element(here)) return Verdict::secret;
  if (here == "Data" && parent(1) == "Cred") return Verdict::secret;
  if (here == "Data" && item_depth_ != 0 && stack_.size() == item_depth_ + 1) {
    if (is_secret_node(item_uri_)) return Verdict::secret;
    if (options_.ids && is_id_node(item_uri_)) return Verdict::secret;
    return Verdict::embedded;
  }
  if (here == "Value" && parent(1) == "Node" && !node_names_.empty()) {  // TNDS
    if (is_secret_node(node_names_.back())) return Verdict::secret;
    if (options_.ids && is_id_node(node_names_.back())) return Verdict::secret;
    return Verdict::embedded;
  }
  if (options_.ids) {
    if ((here == "DevId" || here == "DevID")) return Verdict::secret;  // DevInf
    // The device in SyncHdr: the LocURI that is not a URL, and the LocName (a user name or UPN).
    if ((parent(1) == "Source" || parent(1) == "Target") && parent(2) == "SyncHdr") {
      if (here == "LocName") return Verdict::secret;
      if (here == "LocURI" && value.find("://") == std::string_view::npos) return Verdict::secret;  // not the server
    }
  }
  return Verdict::keep;
}

void Judge::text(std::string_view value) {
  std::string_view here = parent(0);
  if (here == "LocURI" && (parent(1) == "Target" || parent(1) == "Source") && item_depth_ != 0 &&
      stack_.size() == item_depth_ + 2) {
    item_uri_.append(value);
  } else if (here == "NodeName" && parent(1) == "Node" && !node_names_.empty()) {
    node_names_.back().append(value);
  }
}

}  // namespace detail
}  // namespace syncmldm::redact
