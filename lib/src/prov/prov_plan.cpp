// The mapping from a provisioning document to DM tree nodes (see plan.hpp and the README).
#include "syncmldm/prov/plan.hpp"

#include <openssl/evp.h>

#include <fmt/format.h>

#include "syncmldm/util/error.hpp"

namespace syncmldm::prov {

namespace {

// Characteristic types of OMA Client Provisioning that configure connectivity, not a CSP.
constexpr std::string_view kWapTypes[] = {"PXLOGICAL", "PXPHYSICAL", "NAPDEF",     "BOOTSTRAP",  "VENDORCONFIG",
                                          "CLIENTIDENTITY", "PXAUTHINFO", "NAPAUTHINFO", "ACCESS", "VALIDITY"};

// w7 APPLICATION parms that land in the account's Ext/Microsoft node, by their DMAcc names
// (the DMAcc DDF); the back-off times appear with one F in Learn's tree, two in its text.
struct ExtName {
  std::string_view parm;
  std::string_view node;
};
constexpr ExtName kExt[] = {{"ROLE", "Role"},
                            {"PROTOVER", "ProtoVer"},
                            {"DEFAULTENCODING", "DefaultEncoding"},
                            {"USEHWDEVID", "UseHwDevID"},
                            {"CONNRETRYFREQ", "ConnRetryFreq"},
                            {"INITIALBACKOFFTIME", "InitialBackOffTime"},
                            {"INITIALBACKOFTIME", "InitialBackOffTime"},
                            {"MAXBACKOFFTIME", "MaxBackOffTime"},
                            {"MAXBACKOFTIME", "MaxBackOffTime"},
                            {"BACKCOMPATRETRYDISABLED", "BackCompatRetryDisabled"},
                            {"SSLCLIENTCERTSEARCHCRITERIA", "SSLCLIENTCERTSEARCHCRITERIA"},
                            {"INIT", "InitiateSession"}};

std::string uri_of(const std::vector<std::string>& segments) {
  std::string u = ".";
  for (const auto& s : segments) {
    u += '/';
    // Names travel escaped in URIs (a space is %20, a slash %2F).
    for (unsigned char c : s) {
      bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                   c == '_' || c == '.' || c == '~' || c == '{' || c == '}' || c == '+' || c == '=' || c == '@' ||
                   c == ',' || c == '!' || c == '$' || c == '(' || c == ')' || c == '*' || c == ';' || c == ':' ||
                   c == '&' || c == '\'';
      if (plain) u += static_cast<char>(c);
      else u += fmt::format("%{:02X}", c);
    }
  }
  return u;
}

class Planner {
 public:
  explicit Planner(Plan& out) : out_(out) {}

  void interior(std::vector<std::string> segs, const Location& where) {
    Setting s;
    s.uri = uri_of(segs);
    s.segments = std::move(segs);
    s.interior = true;
    s.format = "node";
    s.where = where;
    out_.settings.push_back(std::move(s));
  }

  void leaf(std::vector<std::string> segs, const Parm& p, std::string format = {}, bool secret = false) {
    Setting s;
    s.uri = uri_of(segs);
    s.segments = std::move(segs);
    s.value = p.value;
    s.format = format.empty() && p.datatype ? std::string(format_of_datatype(*p.datatype)) : std::move(format);
    s.secret = secret;
    s.where = p.where;
    out_.settings.push_back(std::move(s));
  }

  // A CSP characteristic and everything in it, in document order.
  void csp(const Characteristic& c, std::vector<std::string>& path) {
    path.push_back(c.type);
    interior(path, c.where);
    for (const auto& e : c.order) {
      if (e.parm) {
        const Parm& p = c.parms[e.index];
        path.push_back(p.name);
        leaf(path, p);
        path.pop_back();
      } else {
        csp(c.children[e.index], path);
      }
    }
    path.pop_back();
  }

  void w7(const Characteristic& app) {
    const std::string* provider = app.value_of("PROVIDER-ID");
    if (!provider || provider->empty()) {
      out_.skipped.push_back({"w7 APPLICATION without a PROVIDER-ID: no DM account", app.where});
      return;
    }
    std::vector<std::string> base{"SyncML", "DMAcc", account_uid(*provider)};
    auto at = [&](std::initializer_list<std::string_view> more) {
      std::vector<std::string> s = base;
      for (auto m : more) s.emplace_back(m);
      return s;
    };
    interior(base, app.where);
    Parm appid{"AppID", std::string("w7"), std::nullopt, app.where};
    if (const Parm* p = app.parm("APPID")) appid.where = p->where;
    leaf(at({"AppID"}), appid, "chr");
    if (const Parm* p = app.parm("PROVIDER-ID")) leaf(at({"ServerID"}), *p, "chr");
    if (const Parm* p = app.parm("NAME")) leaf(at({"Name"}), *p, "chr");
    if (const Parm* p = app.parm("TO-NAPID")) leaf(at({"PrefConRef"}), *p, "chr");
    // The first address only (Windows names its AppAddr "1"): ADDR in the APPLICATION or an APPADDR.
    const Parm* addr = app.parm("ADDR");
    const Characteristic* appaddr = nullptr;
    for (const auto& ch : app.children) {
      if (!appaddr && ch.type == "APPADDR") appaddr = &ch;
    }
    if (!addr && appaddr) addr = appaddr->parm("ADDR");
    if (addr) {
      interior(at({"AppAddr"}), addr->where);
      interior(at({"AppAddr", "1"}), addr->where);
      leaf(at({"AppAddr", "1", "Addr"}), *addr, "chr");
      const Parm* type = appaddr ? appaddr->parm("ADDRTYPE") : app.parm("ADDRTYPE");
      Parm uri{"AddrType", std::string("URI"), std::nullopt, addr->where};
      leaf(at({"AppAddr", "1", "AddrType"}), type ? *type : uri, "chr");
      const Characteristic* port = nullptr;
      if (appaddr) {
        for (const auto& ch : appaddr->children) {
          if (!port && ch.type == "PORT") port = &ch;
        }
      }
      if (port && port->parm("PORTNBR")) {
        interior(at({"AppAddr", "1", "Port"}), port->where);
        interior(at({"AppAddr", "1", "Port", "1"}), port->where);
        leaf(at({"AppAddr", "1", "Port", "1", "PortNbr"}), *port->parm("PORTNBR"), "chr");
      }
    }
    // APPAUTH: APPSRV (the client's credentials) -> CLCRED, CLIENT (the server's) -> SRVCRED.
    bool auth_node = false;
    for (const auto& ch : app.children) {
      if (ch.type != "APPAUTH") continue;
      const std::string* level = ch.value_of("AAUTHLEVEL");
      std::string name = level && *level == "APPSRV" ? "CLCRED" : level && *level == "CLIENT" ? "SRVCRED" : "";
      if (name.empty()) {
        out_.skipped.push_back({"APPAUTH without AAUTHLEVEL APPSRV or CLIENT", ch.where});
        continue;
      }
      if (!auth_node) interior(at({"AppAuth"}), ch.where), auth_node = true;
      interior(at({"AppAuth", name}), ch.where);
      Parm lv{"AAuthLevel", name, std::nullopt, ch.parm("AAUTHLEVEL")->where};
      leaf(at({"AppAuth", name, "AAuthLevel"}), lv, "chr");
      if (const Parm* p = ch.parm("AAUTHTYPE")) leaf(at({"AppAuth", name, "AAuthType"}), *p, "chr");
      if (const Parm* p = ch.parm("AAUTHNAME")) leaf(at({"AppAuth", name, "AAuthName"}), *p, "chr");
      if (const Parm* p = ch.parm("AAUTHSECRET")) leaf(at({"AppAuth", name, "AAuthSecret"}), *p, "chr", true);
      if (const Parm* p = ch.parm("AAUTHDATA")) leaf(at({"AppAuth", name, "AAuthData"}), *p, "b64", true);
    }
    bool ext = false;
    for (const auto& p : app.parms) {
      for (const auto& e : kExt) {
        if (p.name != e.parm) continue;
        if (!ext) {
          interior(at({"Ext"}), p.where);
          interior(at({"Ext", "Microsoft"}), p.where);
          ext = true;
        }
        // BACKCOMPATRETRYDISABLED is a flag: its presence is the bool true.
        Parm flag = p;
        if (p.name == "BACKCOMPATRETRYDISABLED" && !p.value) flag.value = "true";
        leaf(at({"Ext", "Microsoft", e.node}), flag);  // the DDF's format (ConnRetryFreq is int)
      }
    }
  }

 private:
  Plan& out_;
};

}  // namespace

std::string_view format_of_datatype(std::string_view datatype) {
  struct Pair {
    std::string_view datatype, format;
  };
  static constexpr Pair kPairs[] = {{"string", "chr"}, {"integer", "int"}, {"boolean", "bool"}, {"float", "float"},
                                    {"time", "time"},  {"date", "date"},   {"binary", "b64"},   {"base64", "b64"},
                                    {"xml", "xml"}};
  for (const auto& p : kPairs) {
    if (p.datatype == datatype) return p.format;
  }
  return {};
}

std::string account_uid(std::string_view provider_id) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(provider_id.data(), provider_id.size(), md, &len, EVP_sha256(), nullptr) != 1) {
    throw Error(ErrorKind::input, "SHA-256 is not available");
  }
  std::string hex;
  for (unsigned int i = 0; i < len; ++i) hex += fmt::format("{:02X}", md[i]);
  return hex;
}

Plan plan(const Document& doc) {
  Plan out;
  Planner p(out);
  for (const auto& c : doc.characteristics) {
    if (c.type == "APPLICATION") {
      const std::string* appid = c.value_of("APPID");
      if (appid && *appid == "w7") p.w7(c);
      else out.skipped.push_back({fmt::format("APPLICATION {}: not a DM account", appid ? *appid : "without APPID"), c.where});
      continue;
    }
    bool wap = false;
    for (auto t : kWapTypes) wap = wap || c.type == t;
    if (wap) {
      out.skipped.push_back({fmt::format("{}: WAP connectivity, no CSP", c.type), c.where});
      continue;
    }
    std::vector<std::string> path{"Vendor", "MSFT"};
    p.csp(c, path);
  }
  return out;
}

}  // namespace syncmldm::prov
