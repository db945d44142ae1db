// Provisioning documents (wap-provisioningdoc): structure as ProvCont allows it, the w7
// APPLICATION (the DM account) as Windows accepts it, and with --ddf the CSP characteristics
// through the same judgement the SyncML checks use.

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "syncmldm/device/judgement.hpp"
#include "syncmldm/prov/prov.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/uri.hpp"
#include "syncmldm/validate/validate.hpp"
#include "syncmldm/wbxml/wbxml.hpp"

namespace syncmldm::validate {
namespace {

// The parms Windows documents for the w7 APPLICATION, and where they go (APPADDR, APPAUTH, PORT
// are characteristics). Learn spells the back-off times both with one F and with two.
constexpr std::array<std::string_view, 17> kW7Parms = {
    "APPID", "PROVIDER-ID", "NAME", "ADDR", "ADDRTYPE", "TO-NAPID", "BACKCOMPATRETRYDISABLED", "CONNRETRYFREQ",
    "DEFAULTENCODING", "INIT", "INITIALBACKOFFTIME", "INITIALBACKOFTIME", "MAXBACKOFFTIME", "MAXBACKOFTIME",
    "PROTOVER", "ROLE", "USEHWDEVID"};
constexpr std::string_view kW7SearchCriteria = "SSLCLIENTCERTSEARCHCRITERIA";
constexpr std::array<std::string_view, 6> kNumericParms = {"CONNRETRYFREQ", "INITIALBACKOFFTIME", "INITIALBACKOFTIME",
                                                           "MAXBACKOFFTIME", "MAXBACKOFTIME", "ROLE"};

// Windows `datatype` values and the DDF format each stands for.
struct Datatype {
  std::string_view name;
  std::string_view format;
};
constexpr Datatype kDatatypes[] = {{"string", "chr"}, {"integer", "int"}, {"boolean", "bool"}, {"float", "float"},
                                   {"time", "time"},  {"date", "date"},   {"binary", "bin"},   {"base64", "b64"},
                                   {"xml", "xml"}};

bool is_unsigned(std::string_view s) {
  return !s.empty() && s.size() <= 10 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Nothing is known of the device: the judgement assumes the state that makes the command work.
struct Unknown final : judgement::State {
  judgement::Presence at(const std::vector<std::string>&, std::size_t) const override {
    return judgement::Presence::unknown;
  }
};

class Checker {
 public:
  Checker(const Options& options, std::string file, std::vector<Diagnostic>& out)
      : options_(options), file_(std::move(file)), out_(out) {}

  void report(std::string_view rule_id, const Location& where, std::string message,
              std::optional<int> status = std::nullopt) {
    const Rule* rule = find_rule(rule_id);
    if (!rule) return;
    std::optional<Severity> severity = options_.profile == Profile::windows ? rule->windows : rule->oma;
    if (!severity) return;
    if (std::find(options_.disabled.begin(), options_.disabled.end(), std::string(rule_id)) != options_.disabled.end()) {
      return;
    }
    Diagnostic d;
    d.file = file_;
    if (where.line) d.line = where.line;
    if (where.column) d.column = where.column;
    d.offset = where.offset ? std::optional<std::size_t>(static_cast<std::size_t>(*where.offset)) : std::nullopt;
    d.severity = *severity;
    d.rule = rule->id;
    if (status) d.status = status;
    else if (rule->status) d.status = rule->status;
    d.message = std::move(message);
    out_.push_back(std::move(d));
  }

  void document(const prov::Document& doc) {
    if (doc.version && *doc.version != "1.0" && *doc.version != "1.1") {
      report("prov-version", doc.where, fmt::format("version \"{}\": provisioning documents are 1.0 or 1.1", *doc.version));
    }
    for (const auto& c : doc.characteristics) {
      if (c.type == "APPLICATION") {
        const std::string* appid = c.value_of("APPID");
        if (!appid) report("prov-w7-appid", c.where, "APPLICATION without an APPID parm");
        else if (*appid == "w7") w7(c);
      } else if (options_.schema) {
        std::vector<std::string> path{"Vendor", "MSFT"};
        csp(c, path);
      }
    }
  }

 private:
  void w7(const prov::Characteristic& app) {
    const prov::Parm* provider = app.parm("PROVIDER-ID");
    if (!provider || !provider->value || provider->value->empty()) {
      report("prov-w7-provider-id", app.where,
             "w7 APPLICATION without a PROVIDER-ID: Windows names the DM account after it (DMAcc ServerID)");
    }
    // ADDR directly in the APPLICATION (what enrolment sends) or in an APPADDR.
    const prov::Parm* addr = app.parm("ADDR");
    for (const auto& ch : app.children) {
      if (!addr && ch.type == "APPADDR") addr = ch.parm("ADDR");
    }
    if (!addr || !addr->value) {
      report("prov-w7-addr", app.where, "w7 APPLICATION without a server address (ADDR)");
    } else if (!addr->value->starts_with("https://") || addr->value->size() <= 8) {
      report("prov-w7-addr", addr->where,
             fmt::format("ADDR '{}' is not an https URL: Windows talks to its DM server over TLS only",
                         addr->value->substr(0, 80)));
    }
    for (const auto& p : app.parms) {
      bool known = p.name == kW7SearchCriteria ||
                   std::find(kW7Parms.begin(), kW7Parms.end(), p.name) != kW7Parms.end();
      if (!known) {
        std::vector<std::string> names(kW7Parms.begin(), kW7Parms.end());
        names.emplace_back(kW7SearchCriteria);
        auto close = judgement::closest(p.name, names);
        report("prov-w7-parm", p.where,
               fmt::format("'{}' is not a parm of the w7 APPLICATION{}", p.name,
                           close.empty() ? "" : fmt::format(" (did you mean '{}'?)", close.front())));
        continue;
      }
      if (std::find(kNumericParms.begin(), kNumericParms.end(), p.name) != kNumericParms.end() &&
          (!p.value || !is_unsigned(*p.value))) {
        report("prov-w7-numeric", p.where,
               fmt::format("{} must be a non-negative integer, not '{}'", p.name, p.value ? *p.value : ""));
      }
      if (p.name == "DEFAULTENCODING" && (!p.value || (*p.value != "application/vnd.syncml.dm+xml" &&
                                                       *p.value != "application/vnd.syncml.dm+wbxml"))) {
        report("prov-w7-encoding", p.where,
               fmt::format("DEFAULTENCODING '{}' is neither application/vnd.syncml.dm+xml nor "
                           "application/vnd.syncml.dm+wbxml",
                           p.value ? *p.value : ""));
      }
    }
    bool client = false, appsrv = false;
    for (const auto& ch : app.children) {
      if (ch.type == "APPAUTH") {
        auto level = appauth(ch);
        client = client || level == "CLIENT";
        appsrv = appsrv || level == "APPSRV";
      } else if (ch.type != "APPADDR") {
        report("prov-w7-parm", ch.where,
               fmt::format("characteristic '{}' in the w7 APPLICATION: only APPADDR and APPAUTH belong there", ch.type));
      }
    }
    if (!client || !appsrv) {
      report("prov-w7-appauth", app.where,
             fmt::format("w7 APPLICATION without an APPAUTH of level {}: Windows needs both the client (APPSRV) and "
                         "the server (CLIENT) credentials",
                         !appsrv ? "APPSRV" : "CLIENT"));
    }
  }

  // One APPAUTH block; returns its level.
  std::string appauth(const prov::Characteristic& auth) {
    const prov::Parm* level = auth.parm("AAUTHLEVEL");
    const prov::Parm* type = auth.parm("AAUTHTYPE");
    std::string lv = level && level->value ? *level->value : "";
    if (lv != "CLIENT" && lv != "APPSRV") {
      report("prov-w7-aauthlevel", level ? level->where : auth.where,
             level ? fmt::format("AAUTHLEVEL '{}' is neither CLIENT (server credentials) nor APPSRV (client credentials)", lv)
                   : "APPAUTH without an AAUTHLEVEL");
      return lv;
    }
    std::string ty = type && type->value ? *type->value : "";
    // DMAcc takes BASIC or DIGEST for the client's credentials, DIGEST only for the server's.
    bool ok = lv == "APPSRV" ? (ty == "BASIC" || ty == "DIGEST") : ty == "DIGEST";
    if (!type) {
      report("prov-w7-aauthtype", auth.where, fmt::format("APPAUTH {} without an AAUTHTYPE", lv));
    } else if (!ok) {
      report("prov-w7-aauthtype", type->where,
             fmt::format("AAUTHTYPE '{}' for AAUTHLEVEL {}: Windows accepts {}", ty, lv,
                         lv == "APPSRV" ? "BASIC or DIGEST" : "DIGEST"));
    }
    return lv;
  }

  // A CSP characteristic: every parm is a leaf under ./Vendor/MSFT/<types...>.
  void csp(const prov::Characteristic& c, std::vector<std::string>& path) {
    path.push_back(c.type);
    for (const auto& p : c.parms) leaf(p, path);
    for (const auto& ch : c.children) csp(ch, path);
    path.pop_back();
  }

  void leaf(const prov::Parm& p, std::vector<std::string>& path) {
    std::optional<std::string> format;
    if (p.datatype) {
      for (const auto& d : kDatatypes) {
        if (d.name == *p.datatype) format = std::string(d.format);
      }
      if (!format) {
        report("prov-datatype", p.where,
               fmt::format("datatype '{}' is not one Windows knows (string, integer, boolean, float, time, date, "
                           "binary, base64, xml)",
                           *p.datatype));
      }
    }
    uri::Uri u;
    u.dot_prefix = true;
    u.segments = path;
    u.segments.push_back(p.name);
    u = uri::canonical(u);
    std::string shown = uri::node_string(u);
    // Provisioning sets a node whether it is there or not: Add, else Replace.
    judgement::Request add{"Add", u.segments};
    add.format = format ? &*format : nullptr;
    add.data = p.value ? &*p.value : nullptr;
    judgement::Verdict v = judgement::judge(options_.schema, state_, add);
    if (v.reason == judgement::Reason::access || v.reason == judgement::Reason::exists) {
      judgement::Request replace = add;
      replace.command = "Replace";
      judgement::Verdict r = judgement::judge(options_.schema, state_, replace);
      if (r.reason != judgement::Reason::access) v = r;
    }
    using judgement::Reason;
    std::string where = v.node ? ddf::path_of(*v.node) : shown;
    switch (v.reason) {
      case Reason::unknown_node: {
        std::string hint;
        if (v.scope_hint == uri::Scope::device) hint = " (the DDF defines it in device scope)";
        else if (v.scope_hint == uri::Scope::user) hint = " (the DDF defines it in user scope)";
        else if (!v.suggestion.empty()) hint = fmt::format(" (did you mean '{}'?)", v.suggestion);
        report("prov-ddf-unknown", p.where, fmt::format("'{}' is not a node of the loaded DDFs{}", shown, hint), v.status);
        break;
      }
      case Reason::access:
      case Reason::interior:
        report("prov-ddf-access", p.where,
               v.node && v.reason == Reason::access
                   ? fmt::format("neither Add nor Replace is in the AccessType of {} ({})", where, v.node->access.to_string())
                   : fmt::format("{} is an interior node or below a leaf: a parm sets a value", where),
               v.status);
        break;
      case Reason::bad_name:
        report("prov-ddf-value", p.where, fmt::format("'{}' breaks the naming rule of the nodes under it", shown), v.status);
        break;
      case Reason::format:
        report("prov-ddf-format", p.where,
               fmt::format("datatype {} ({}) does not match the DFFormat {} of {}", *p.datatype, v.format, v.detail, where),
               v.status);
        break;
      case Reason::data:
        report("prov-ddf-format", p.where,
               fmt::format("'{}' is not a valid {} value ({})", p.value->substr(0, 60), v.detail, where), v.status);
        break;
      case Reason::value:
        report("prov-ddf-value", p.where,
               fmt::format("'{}' is not an allowed value of {}", p.value->substr(0, 60), where), v.status);
        break;
      default:
        break;
    }
  }

  const Options& options_;
  std::string file_;
  std::vector<Diagnostic>& out_;
  Unknown state_;
};

}  // namespace

FileReport validate_provisioning(std::string_view bytes, std::string_view source_name, const Options& options) {
  FileReport report;
  report.path = std::string(source_name);
  bool wbxml_input = wbxml::looks_like_wbxml(bytes);
  report.format = wbxml_input ? input::Format::wbxml : input::Format::xml;
  Checker checker(options, report.path, report.diagnostics);
  std::vector<prov::Problem> problems;
  prov::Document doc;
  try {
    doc = prov::read(bytes, report.path, {}, &problems);
  } catch (const Error& e) {
    std::string_view rule = wbxml_input ? "wbxml-malformed" : "xml-malformed";
    if (e.message().starts_with("characteristics nested") || e.message().starts_with("more than")) {
      rule = "prov-structure";
    }
    checker.report(rule, e.where(), e.message());
    return report;
  }
  for (const auto& p : problems) checker.report("prov-structure", p.where, p.message);
  checker.document(doc);
  std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.offset.value_or(0) < b.offset.value_or(0);
  });
  return report;
}

}  // namespace syncmldm::validate
