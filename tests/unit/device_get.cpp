// device::get against device::apply of a Get: on Microsoft's DDF files, for nodes that exist in
// the state, exist by the DDF only, are missing, misspelt, secret or guarded by an ACL, under
// each way of handing out secrets, the direct call must answer what the message path answers.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "syncmldm/device/device.hpp"
#include "syncmldm/device/judgement.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/ddf_load.hpp"

using namespace syncmldm;

namespace {

std::string ms_ddf_dir() {
  const char* env = std::getenv("SYNCMLDM_SHARED");
  return std::string(env ? env : SYNCMLDM_SHARED_DIR) + "/data/ms-ddf";
}

// Policy with two areas, BitLocker and Firewall, with the standard objects; null when absent.
std::shared_ptr<ddf::Schema> ms_schema() {
  std::vector<std::string> paths;
  for (const char* name : {"Policy", "Camera_AreaDDF", "DeviceLock_AreaDDF", "BitLocker", "Firewall"}) {
    paths.push_back(ms_ddf_dir() + "/" + name + ".ddf.xml");
    if (!std::filesystem::exists(paths.back())) return nullptr;
  }
  return ddf::load_schema(paths);
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

message::Message parse(const std::string& body, std::optional<xml::Document>& keep) {
  keep = xml::Document::parse(
      "<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID>"
      "<MsgID>1</MsgID><Target><LocURI>DEV</LocURI></Target><Source><LocURI>srv</LocURI></Source></SyncHdr><SyncBody>" +
          body + "<Final/></SyncBody></SyncML>",
      "test");
  return message::read(*keep);
}

// Items as comparable text: source, Meta Format and Type, Data.
std::string items_text(const std::vector<message::Item>& items) {
  std::string out;
  for (const auto& it : items) {
    out += it.source ? it.source->uri() : "-";
    out += " [" + (it.meta && it.meta->format ? *it.meta->format : "") + "|" + (it.meta && it.meta->type ? *it.meta->type : "") + "] ";
    out += it.data ? "=" + it.data->text : "(no data)";
    out += "\n";
  }
  return out;
}

// The Get as a server sends it, through apply: the Get's Status code and its Results items.
device::GetResult via_apply(tree::Tree& t, const std::string& uri, const device::Options& o) {
  std::optional<xml::Document> doc;
  auto req = parse("<Get><CmdID>1</CmdID><Item><Target><LocURI>" + escape(uri) + "</LocURI></Target></Item></Get>", doc);
  auto resp = device::apply(t, req, o);
  device::GetResult r;
  for (const auto& c : resp.message.commands) {
    if (c.kind == message::Kind::status && c.cmd == "Get") r.status = std::stoi(c.data.value_or("0"));
    if (c.kind == message::Kind::results) r.items = c.items;
  }
  return r;
}

// A state with a policy set, an account with a secret, a firewall rule and a node whose ACL
// grants Get to srv1 only.
tree::Tree ms_state(std::shared_ptr<ddf::Schema> schema) {
  tree::Identity id;
  id.dev_id = "DEV";
  tree::Tree t = tree::make_standard_tree(id, schema, "20260101T000000Z");
  std::optional<xml::Document> doc;
  auto req = parse(
      "<Replace><CmdID>1</CmdID><Item><Target><LocURI>./Vendor/MSFT/Policy/Config/Camera/AllowCamera</LocURI></Target>"
      "<Meta><Format xmlns='syncml:metinf'>int</Format></Meta><Data>0</Data></Item></Replace>"
      "<Add><CmdID>2</CmdID><Item><Target><LocURI>./Vendor/MSFT/Firewall/MdmStore/FirewallRules/R1</LocURI></Target>"
      "<Meta><Format xmlns='syncml:metinf'>node</Format></Meta></Item></Add>"
      "<Replace><CmdID>3</CmdID><Item><Target><LocURI>./Vendor/MSFT/Firewall/MdmStore/FirewallRules/R1/Direction</LocURI></Target>"
      "<Data>IN</Data></Item></Replace>"
      "<Replace><CmdID>4</CmdID><Item><Target><LocURI>./DevInfo/Lang?prop=ACL</LocURI></Target><Data>Get=srv1</Data></Item></Replace>",
      doc);
  auto resp = device::apply(t, req, {});
  REQUIRE_FALSE(resp.failed);
  // An account as enrolment leaves it (a server may not Add these leaves).
  tree::set_leaf(t, "./DMAcc/A/AppAuth/S/AAuthSecret", "Hunter2", "20260101T000000Z");
  tree::set_leaf(t, "./DMAcc/A/AppAuth/S/AAuthName", "n", "20260101T000000Z");
  return t;
}

}  // namespace

TEST_CASE("device_get: agrees with apply of a Get on nodes of Microsoft's DDFs") {
  auto schema = ms_schema();
  if (!schema) {
    MESSAGE("skipped: the shared DDF files are absent");
    return;
  }
  tree::Tree t = ms_state(schema);
  const char* uris[] = {
      "./DevInfo/DevId", "./DevInfo", "./DevInfo?list=Struct", "./DevInfo?list=StructData", "./DevInfo?list=TNDS+Value",
      "./DevInfo/Man?prop=Format", "./DevInfo/Man?prop=Bogus", "./DevInfo/Lang",
      "./Vendor/MSFT/Policy/Config/Camera/AllowCamera", "./Device/Vendor/MSFT/Policy/Config/Camera/AllowCamera",
      "./Vendor/MSFT/Policy/Config/DeviceLock/MinDevicePasswordLength", "./Vendor/MSFT/Policy/Config/Camra/AllowCamera",
      "./User/Vendor/MSFT/Policy/Config/DeviceLock/MinDevicePasswordLength", "./Vendor/MSFT/BitLocker",
      "./Vendor/MSFT/BitLocker/RequireDeviceEncryption", "./Vendor/MSFT/Firewall/MdmStore/FirewallRules/R1?list=StructData",
      "./Vendor/MSFT/Firewall/MdmStore/FirewallRules/R1/Direction", "./Vendor/MSFT/Firewall/MdmStore/FirewallRules/R2/Direction",
      "./DMAcc/A/AppAuth/S/AAuthSecret", "./DMAcc/A?list=StructData", "./DMAcc/A?list=TNDS+Value", "./Inbox", "./A//B", "."};
  struct Mode {
    device::Secrets secrets;
    const char* server;
  } modes[] = {{device::Secrets::withhold, ""}, {device::Secrets::mask, ""}, {device::Secrets::reveal, ""},
               {device::Secrets::withhold, "srv1"}, {device::Secrets::withhold, "srv2"}};
  std::set<int> seen;
  for (const auto& m : modes)
    for (const char* uri : uris) {
      device::Options o;
      o.secrets = m.secrets;
      o.server_id = m.server;
      CAPTURE(uri);
      CAPTURE(m.server);
      CAPTURE(static_cast<int>(m.secrets));
      const tree::Tree& reader = t;
      device::GetResult direct = device::get(reader, uri, o);
      device::GetResult message = via_apply(t, uri, o);
      CHECK(direct.status == message.status);
      CHECK(items_text(direct.items) == items_text(message.items));
      seen.insert(direct.status);
    }
  // The cases reach every kind of answer.
  for (int code : {200, 400, 404, 405, 406, 425}) {
    CAPTURE(code);
    CHECK(seen.count(code));
  }
}

TEST_CASE("device_get: the answer itself (a value, a masked secret, a list, a failure without items)") {
  auto schema = ddf::load_schema({});
  tree::Identity id;
  id.dev_id = "DEV";
  tree::Tree t = tree::make_standard_tree(id, schema, "20260101T000000Z");
  tree::set_leaf(t, "./DMAcc/A/AppAuth/S/AAuthSecret", "Hunter2", "20260101T000000Z");

  auto r = device::get(t, "./DevInfo/DevId");
  CHECK(r.status == 200);
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].source->uri() == "./DevInfo/DevId");
  CHECK(r.items[0].data->text == "DEV");

  CHECK(device::get(t, "./DMAcc/A/AppAuth/S/AAuthSecret").status == 405);
  CHECK(device::get(t, "./DMAcc/A/AppAuth/S/AAuthSecret").items.empty());
  device::Options mask;
  mask.secrets = device::Secrets::mask;
  auto masked = device::get(t, "./DMAcc/A/AppAuth/S/AAuthSecret", mask);
  CHECK(masked.status == 200);
  REQUIRE(masked.items.size() == 1);
  CHECK(masked.items[0].data->text == tree::kHiddenValue);

  auto list = device::get(t, "./DMAcc/A?list=Struct");
  CHECK(list.status == 200);
  CHECK(list.items.size() == 4);  // A, AppAuth, S and the secret
  CHECK(device::get(t, "./Nope").status == 404);
}
