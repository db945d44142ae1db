// The agreement test: on Microsoft's DDF files, commands across every rule (formats, values,
// access types, scopes, dynamic nodes, unknown nodes) go through dm-validate's checks and the
// device model; the status the validator predicts must be the one the device answers.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <filesystem>
#include <map>

#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/device/device.hpp"
#include "syncmldm/device/judgement.hpp"
#include "syncmldm/tree/uri.hpp"
#include "syncmldm/validate/validate.hpp"

using namespace syncmldm;

namespace {

std::string ms_ddf_dir() {
  const char* env = std::getenv("SYNCMLDM_SHARED");
  return std::string(env ? env : SYNCMLDM_SHARED_DIR) + "/data/ms-ddf";
}

constexpr const char* kShipped[] = {"Policy", "Camera_AreaDDF", "DeviceLock_AreaDDF", "BitLocker", "Firewall", "AppLocker"};
constexpr const char* kGuid = "27FEA311-68B9-4320-9FC4-296F6FDFAFE2";

// The six DDF v2 files as shipped, with the standard objects; null (and "skipped") when absent.
std::shared_ptr<ddf::Schema> shipped_schema() {
  auto s = std::make_shared<ddf::Schema>();
  ddf::load_text(*s, ddf::standard_objects_ddf(), "standard");
  for (const char* name : kShipped) {
    std::string path = ms_ddf_dir() + "/" + name + ".ddf.xml";
    if (!std::filesystem::exists(path)) return nullptr;
    ddf::load_path(*s, path);
  }
  return s;
}

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '&') out += "&amp;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

struct Cmd {
  std::string name;  // Add, Replace, Delete, Get, Exec
  std::string uri;
  std::optional<std::string> format;
  std::optional<std::string> data;
};

std::string line_of(const Cmd& c, int id) {
  std::string s = "<" + c.name + "><CmdID>" + std::to_string(id) + "</CmdID><Item><Target><LocURI>" + escape(c.uri) +
                  "</LocURI></Target>";
  if (c.format) s += "<Meta><Format xmlns=\"syncml:metinf\">" + *c.format + "</Format></Meta>";
  if (c.data) s += "<Data>" + escape(*c.data) + "</Data>";
  return s + "</Item></" + c.name + ">\n";
}

// One case: setup commands, then the command under test. Both tools see the whole message.
struct Case {
  std::vector<Cmd> cmds;
};

std::string message_of(const Case& k) {
  std::string m =
      "<SyncML xmlns=\"SYNCML:SYNCML1.2\">\n<SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>"
      "<SessionID>1</SessionID><MsgID>2</MsgID><Target><LocURI>DEV</LocURI></Target>"
      "<Source><LocURI>https://mdm.example.com/</LocURI></Source></SyncHdr>\n<SyncBody>\n";
  int id = 2;
  for (const auto& c : k.cmds) m += line_of(c, id++);
  return m + "<Final/></SyncBody></SyncML>\n";
}

// A concrete URI for a schema node: dynamic segments get a GUID (or an area name under Policy).
std::string concrete(const ddf::SchemaNode& n, const std::string& dynamic_name = kGuid) {  // NOLINT
  std::vector<std::string> segs;
  for (const ddf::SchemaNode* p = &n; p->parent; p = p->parent) {
    if (!p->name.empty()) segs.push_back(p->name);
    else if (p->dynamic_naming == "ClientInventory") segs.push_back(p->format == "null" ? "SomePolicy" : "Kiosk");
    else if (p->allowed && !p->allowed->values.empty() && p->allowed->values.front().find("\\{") != std::string::npos)
      segs.push_back("{" + dynamic_name + "}");
    else segs.push_back(dynamic_name);
  }
  std::reverse(segs.begin(), segs.end());
  return uri::node_string(uri::Uri{true, segs, {}, {}, uri::QueryKind::none, {}});
}

// A value the node takes, and values it refuses.
std::string good_value(const ddf::SchemaNode& n) {
  if (n.allowed && n.allowed->value_type == "ENUM" && !n.allowed->values.empty()) return n.allowed->values.front();
  if (n.default_value && ddf::check_value(n, *n.default_value) == ddf::ValueCheck::ok) return *n.default_value;
  if (n.format == "int") return "1";
  if (n.format == "bool") return "true";
  if (n.format == "b64" || n.format == "bin") return "QUJD";
  if (n.format == "xml") return "<RuleCollection Type=\"Exe\" EnforcementMode=\"Enabled\"/>";
  return "value";
}

void add_setup(const ddf::SchemaNode& n, const std::string& uri_text, std::vector<Cmd>& out) {
  // Every dynamic ancestor that the client does not name itself is added first.
  std::vector<const ddf::SchemaNode*> chain;
  for (const ddf::SchemaNode* p = n.parent; p && p->parent; p = p->parent) chain.push_back(p);
  std::reverse(chain.begin(), chain.end());
  for (const auto* p : chain)
    if (p->name.empty() && p->dynamic_naming != "ClientInventory" && p->described) {
      std::string u = concrete(*p);
      if (uri_text.rfind(u, 0) == 0) out.push_back({"Add", u, std::nullopt, std::nullopt});
    }
}

std::vector<Case> generate(const ddf::Schema& schema) {
  std::vector<Case> cases;
  std::vector<const ddf::SchemaNode*> nodes;
  std::function<void(const ddf::SchemaNode&)> collect = [&](const ddf::SchemaNode& n) {
    if (n.described) nodes.push_back(&n);
    for (const auto& [_, c] : n.children) collect(*c);
    if (n.dynamic) collect(*n.dynamic);
  };
  collect(schema.root());
  for (const ddf::SchemaNode* n : nodes) {
    std::string u = concrete(*n);
    bool leaf = !n->is_interior();
    std::string good = good_value(*n);
    std::vector<Cmd> tests;
    for (const char* c : {"Delete", "Get", "Exec"}) tests.push_back({c, u, std::nullopt, std::nullopt});
    if (!leaf) {
      tests.push_back({"Add", u, std::nullopt, std::nullopt});
      tests.push_back({"Replace", u, std::nullopt, std::string("x")});
    } else {
      std::string f = n->format == "null" ? std::string("chr") : n->format;
      std::vector<std::pair<std::optional<std::string>, std::string>> values = {
          {f, good}, {std::nullopt, good}, {std::string("chr"), good}, {std::string("xml"), good},
          {std::string("int"), "7"}, {std::string("bool"), "yes"}, {std::string("b64"), "!!"},
          {f, "abc"}, {f, "99"}, {f, "0"}, {f, "false"}, {std::string("nope"), good}};
      if (n->allowed && n->allowed->value_type == "Range") values.push_back({f, "100000"});
      for (const auto& [fmt, data] : values)
        for (const char* c : {"Add", "Replace"}) tests.push_back({c, u, fmt, data});
    }
    // Unknown nodes: a typo in the last name, the other scope.
    if (!n->name.empty()) tests.push_back({"Replace", u.substr(0, u.size() - 1), std::nullopt, good});
    // The other scope, where the DDF does not define the node.
    std::string other = u.rfind("./User/", 0) == 0 ? "./Device" + u.substr(6) : "./User" + u.substr(1);
    const ddf::SchemaNode* there = schema.lookup(other);
    if (!there || !there->described || there->name != n->name) tests.push_back({"Get", other, std::nullopt, std::nullopt});
    if (n->name.empty() && n->dynamic_naming != "ClientInventory") {  // the same instance twice: 418
      Case k;
      add_setup(*n, u, k.cmds);
      for (int i = 0; i < 2; ++i) k.cmds.push_back({"Add", u, std::nullopt, leaf ? std::optional<std::string>(good) : std::nullopt});
      cases.push_back(std::move(k));
    }
    for (auto& t : tests) {
      Case k;
      add_setup(*n, t.uri, k.cmds);
      // Commands other than Add meet the node as an earlier session left it: present.
      if (t.name != "Add" && t.uri == u) {
        if (n->name.empty() && n->dynamic_naming != "ClientInventory")
          k.cmds.push_back({"Add", u, std::nullopt, leaf ? std::optional<std::string>(good) : std::nullopt});
        else if (leaf && n->access.replace)
          k.cmds.push_back({"Replace", u, std::nullopt, good});
      }
      k.cmds.push_back(std::move(t));
      cases.push_back(std::move(k));
    }
  }
  // Misspelt CSPs and areas, in any case.
  for (const char* u : {"./Device/Vendor/MSFT/Bitlocker/RequireDeviceEncryption", "./Vendor/MSFT/Polcy/Config",
                        "./Device/Vendor/MSFT/Policy/Config/Camra/AllowCamera",
                        "./Device/Vendor/MSFT/Policy/Config/camera/AllowCamera", "./Vendor/MSFT/firewall/MdmStore",
                        "./Device/Vendor/MSFT/Policy/Config/DeviceLock/AllowIdleReturnWithoutPasswrd"})
    for (const char* c : {"Replace", "Get", "Add"}) cases.push_back({{{c, u, std::string("int"), std::string("1")}}});
  return cases;
}

// Status of each command (by its line) as the validator predicts it: an error's status, else 200.
std::map<std::size_t, int> predicted(const validate::FileReport& r) {
  std::map<std::size_t, int> out;
  for (const auto& d : r.diagnostics)
    if ((d.rule.starts_with("ddf-") || d.rule == "meta-format") && d.severity == validate::Severity::error && d.line && d.status)
      out.emplace(*d.line, *d.status);
  return out;
}

}  // namespace

TEST_CASE("judgement: dm-validate predicts the status dm-tree answers, for every rule on Microsoft's DDFs") {
  auto schema = shipped_schema();
  if (!schema) {
    MESSAGE("skipped: the shared DDF files are absent");
    return;
  }
  tree::Identity id;
  tree::Tree fresh = tree::make_standard_tree(id, schema, "20260101T000000Z");
  std::vector<Case> cases = generate(*schema);
  REQUIRE(cases.size() > 3000);
  validate::Options vo;
  vo.schema = schema.get();
  vo.direction = validate::Direction::server;
  std::size_t compared = 0, failures = 0;
  std::map<int, std::size_t> by_status;
  for (const auto& k : cases) {
    std::string text = message_of(k);
    auto report = validate::validate_xml(text, "case.xml", vo);
    auto want = predicted(report);
    auto doc = xml::Document::parse(text, "case.xml");
    tree::Tree t = fresh.clone();
    auto resp = device::apply(t, message::read(doc));
    // Statuses after the SyncHdr's, in command order; commands sit on lines 4, 5, ...
    std::size_t line = 4;
    for (const auto& c : resp.message.commands) {
      if (c.kind != message::Kind::status || c.cmd == "SyncHdr") continue;
      int got = std::stoi(c.data.value_or("0"));
      auto it = want.find(line);
      int predicted_status = it == want.end() ? 200 : it->second;
      ++compared;
      ++by_status[got];
      if (predicted_status != got && failures++ < 20)
        FAIL_CHECK("line " << line << ": validator " << predicted_status << ", device " << got << "\n" << text);
      ++line;
    }
  }
  MESSAGE("compared " << compared << " statuses in " << cases.size() << " messages");
  CHECK(failures == 0);
  // The generated commands reach every kind of answer.
  for (int s : {200, 400, 404, 405, 415, 418}) CHECK_MESSAGE(by_status[s] > 0, "no command answered " << s);
}
