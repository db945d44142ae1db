// device::Response::failures: every failing Status carries the command it answers and a reason
// decided with the status (judgement::explain for the DDF's verdicts).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "syncmldm/device/device.hpp"
#include "syncmldm/tree/ddf.hpp"

using namespace syncmldm;

namespace {

tree::Tree policy_like_tree() {
  auto schema = std::make_shared<ddf::Schema>();
  ddf::load_text(*schema, ddf::standard_objects_ddf(), "standard");
  ddf::load_path(*schema, std::string(SYNCMLDM_TESTDATA) + "/ddf/policy-like.ddf.xml");
  tree::Identity id;
  id.dev_id = "DEV1";
  return tree::make_standard_tree(id, schema, "20260101T000000Z");
}

device::Response apply_body(tree::Tree& t, const std::string& body, device::Options o = {}) {
  std::string text =
      "<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>"
      "<SessionID>7</SessionID><MsgID>3</MsgID><Target><LocURI>DEV1</LocURI></Target>"
      "<Source><LocURI>https://srv/x</LocURI></Source></SyncHdr><SyncBody>" +
      body + "<Final/></SyncBody></SyncML>";
  auto doc = xml::Document::parse(text, "p.xml");
  return device::apply(t, message::read(doc), o);
}

std::string item(const std::string& uri, const std::string& data = "") {
  return "<Item><Target><LocURI>" + uri + "</LocURI></Target>" + (data.empty() ? "" : "<Data>" + data + "</Data>") +
         "</Item>";
}

}  // namespace

TEST_CASE("device failures: a Replace under a dynamic parent nobody added says to Add it first") {
  tree::Tree t = policy_like_tree();
  auto r = apply_body(t, "<Replace><CmdID>2</CmdID>" + item("./Vendor/MSFT/TestCSP/Documents/d1/Document", "x") +
                             "</Replace><Replace><CmdID>3</CmdID>" + item("./Vendor/MSFT/TestCSP/Color", "green") +
                             "</Replace>");
  REQUIRE(r.failures.size() == 1);
  const auto& f = r.failures[0];
  CHECK(f.cmd_id == "2");
  CHECK(f.command == "Replace");
  CHECK(f.target == "./Vendor/MSFT/TestCSP/Documents/d1/Document");
  CHECK(f.code == 404);
  CHECK(f.reason == "no such node; the parent is dynamic, Add it first");
}

TEST_CASE("device failures: ACL, Atomic and header refusals have their reasons") {
  tree::Tree t = policy_like_tree();
  device::Options o;
  o.server_id = "other";
  auto acl = apply_body(t, "<Replace><CmdID>2</CmdID>" + item("./Vendor/MSFT/TestCSP/Color", "red") + "</Replace>", o);
  bool named = false;
  for (const auto& f : acl.failures) named = named || (f.code == 425 && f.reason.find("server other") != std::string::npos);
  CHECK(named);

  auto atomic = apply_body(t, "<Atomic><CmdID>2</CmdID><Replace><CmdID>3</CmdID>" + item("./Vendor/MSFT/TestCSP/Color", "red") +
                                  "</Replace><Replace><CmdID>4</CmdID>" + item("./Vendor/MSFT/Nowhere/X", "1") +
                                  "</Replace></Atomic>");
  REQUIRE(atomic.failures.size() == 2);
  CHECK(atomic.failures[0].command == "Atomic");
  CHECK(atomic.failures[0].code == 507);
  CHECK(atomic.failures[0].reason.find("rolled back") != std::string::npos);
  CHECK(atomic.failures[1].cmd_id == "4");
  CHECK(atomic.failures[1].code == 404);
}

TEST_CASE("device failures: every failing Status of the bundled packages is listed with a reason") {
  namespace fs = std::filesystem;
  int packages = 0;
  for (const auto& entry : fs::directory_iterator(std::string(SYNCMLDM_TESTDATA) + "/packages")) {
    if (entry.path().extension() != ".xml") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    std::optional<xml::Document> doc;
    message::Message request;
    try {
      doc.emplace(xml::Document::parse(text.str(), entry.path().string()));
      request = message::read(*doc);
    } catch (const Error&) {
      continue;  // the packages that are not SyncML on purpose
    }
    ++packages;
    tree::Tree t = policy_like_tree();
    auto r = device::apply(t, request);
    for (const auto& s : r.message.commands) {
      if (s.kind != message::Kind::status) continue;
      int code = std::stoi(s.data.value_or("0"));
      if (code >= 200 && code < 300) continue;
      bool listed = false;
      for (const auto& f : r.failures)
        if (f.cmd_id == s.cmd_ref.value_or("") && f.code == code) {
          listed = true;
          INFO(entry.path().filename().string(), ": CmdID ", f.cmd_id, " ", f.command, " ", f.code);
          CHECK_FALSE(f.reason.empty());
        }
      INFO(entry.path().filename().string(), ": Status for CmdRef ", s.cmd_ref.value_or(""), " ", code);
      CHECK(listed);
    }
  }
  CHECK(packages >= 8);
}
