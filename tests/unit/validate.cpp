#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/uri.hpp"
#include "syncmldm/validate/validate.hpp"

using namespace syncmldm;
using validate::Diagnostic;

namespace {

std::vector<Diagnostic> check(std::string text, validate::Options options = {}) {
  return validate::validate_xml(std::move(text), "t.xml", options).diagnostics;
}

const Diagnostic* find(const std::vector<Diagnostic>& ds, std::string_view rule) {
  auto it = std::find_if(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.rule == rule; });
  return it == ds.end() ? nullptr : &*it;
}

std::string replace(int cmdid, std::string_view uri) {
  return "<Replace><CmdID>" + std::to_string(cmdid) + "</CmdID><Item><Target><LocURI>" + std::string(uri) +
         "</LocURI></Target><Meta><Format xmlns=\"syncml:metinf\">int</Format></Meta><Data>1</Data></Item></Replace>";
}

}  // namespace

TEST_CASE("validate: registry ids are unique kebab-case and every rule is documented") {
  std::set<std::string_view> ids;
  for (const auto& r : validate::rules()) {
    CHECK(ids.insert(r.id).second);
    CHECK(r.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos);
    CHECK_FALSE(r.summary.empty());
    CHECK_FALSE(r.explanation.empty());
    CHECK_FALSE(r.example.empty());
    CHECK((r.windows || r.oma));
    CHECK(validate::find_rule(r.id) == &r);
  }
  CHECK(validate::find_rule("no-such-rule") == nullptr);
}

TEST_CASE("validate: malformed XML is a finding with its place, not an exception") {
  auto ds = check("<SyncBody>\n  <Get><CmdID>1</CmdID></Got>\n</SyncBody>");
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].rule == "xml-malformed");
  CHECK(ds[0].line == 2);
  CHECK(ds[0].severity == validate::Severity::error);
}

TEST_CASE("validate: nested Atomic gives 500 on the inner and 507 on the outer") {
  auto ds = check("<Atomic><CmdID>1</CmdID>\n<Atomic><CmdID>2</CmdID>" + replace(3, "./Vendor/MSFT/A") + "</Atomic></Atomic>");
  std::vector<int> statuses;
  for (const auto& d : ds) {
    if (d.rule == "atomic-nested") statuses.push_back(d.status.value_or(0));
  }
  REQUIRE(statuses.size() == 2);
  CHECK(statuses[0] == 507);  // the outer comes first in document order
  CHECK(statuses[1] == 500);
  auto inner = std::find_if(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.status == 500; });
  CHECK(inner->line == 2);
  CHECK(inner->cmdid == "2");
}

TEST_CASE("validate: CmdIDs are unique across nested commands, present, and not 0") {
  auto ds = check("<SyncBody>" + replace(2, "./Vendor/MSFT/A") + "<Atomic><CmdID>3</CmdID>" + replace(2, "./Vendor/MSFT/B") +
                  "</Atomic>" + replace(0, "./Vendor/MSFT/C") + "</SyncBody>");
  CHECK(find(ds, "cmdid-duplicate"));
  CHECK(find(ds, "cmdid-zero"));
  auto missing = check("<Replace><Item><Target><LocURI>./Vendor/MSFT/A</LocURI></Target><Data>1</Data></Item></Replace>");
  REQUIRE(find(missing, "cmdid-missing"));
  CHECK(find(missing, "cmdid-missing")->status == 400);
}

TEST_CASE("validate: several bare commands form a fragment, positions stay those of the file") {
  std::string text = replace(1, "./Vendor/MSFT/A") + "\n" + replace(1, "./Vendor/MSFT/B");
  auto ds = check(text);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].rule == "cmdid-duplicate");
  CHECK(ds[0].line == 2);
  CHECK(ds[0].column == 10);
  CHECK(ds[0].offset == text.find("<CmdID>", text.find('\n')));
}

TEST_CASE("validate: Exec in Atomic is fine for Windows and an error for strict OMA") {
  std::string text = "<Atomic><CmdID>1</CmdID><Exec><CmdID>2</CmdID><Item><Target><LocURI>./Vendor/MSFT/A</LocURI>"
                     "</Target></Item></Exec></Atomic>";
  CHECK_FALSE(find(check(text), "atomic-child"));
  validate::Options oma;
  oma.profile = validate::Profile::oma;
  CHECK(find(check(text, oma), "atomic-child"));
}

TEST_CASE("validate: --disable drops a rule") {
  validate::Options options;
  options.disabled = {"cmdid-zero"};
  CHECK_FALSE(find(check(replace(0, "./Vendor/MSFT/A"), options), "cmdid-zero"));
}

TEST_CASE("validate: every finding is reported, in document order") {
  auto ds = check("<SyncBody>\n<Get><Item><Target><LocURI>/a</LocURI></Target></Item></Get>\n<Foo/>\n<Sync/>\n</SyncBody>");
  REQUIRE(ds.size() >= 4);
  for (std::size_t i = 1; i < ds.size(); ++i) CHECK(*ds[i - 1].offset <= *ds[i].offset);
  CHECK(find(ds, "cmdid-missing"));
  CHECK(find(ds, "locuri-leading-slash"));
  CHECK(find(ds, "unknown-element"));
  CHECK(find(ds, "command-not-dm"));
}

TEST_CASE("validate: hostile nesting is bounded, not a crash") {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<Atomic>";
  for (int i = 0; i < 5000; ++i) deep += "</Atomic>";
  auto ds = check(deep);
  REQUIRE_FALSE(ds.empty());
  CHECK(ds[0].rule == "xml-malformed");
}

TEST_CASE("validate: LocURI findings agree with the URI layer's checker") {
  // The validator skips the full checker for plain URIs; both must still agree on every URI.
  const char* uris[] = {"./Vendor/MSFT/Policy/Config/Camera/AllowCamera", "./Device/Vendor/MSFT/Reboot/RebootNow",
                        "./User/Vendor/MSFT/A", "./user/Vendor/MSFT/A", "./DEVICE/X", "./a.b/c", "./a./b", "./a/b.",
                        "./a//b", "./a/b/", "./a/./b", "./a/../b", "./a/*/b", "./a%20b/c", "./a%2Fb", "./a%C3%A9",
                        "./a%FFb", "./a%2", "./a%zz", "./a b", "./a{b}", "./a~b_c-d", "Vendor/MSFT/A", "/Vendor/A", ".",
                        "./", "./A?prop=ACL", "./A?list=Struct", "./A?foo=1", "./%7BAF92-6B%7D/DownloadInstall"};
  for (const char* u : uris) {
    std::string text = "<Get><CmdID>1</CmdID><Item><Target><LocURI>" + std::string(u) + "</LocURI></Target></Item></Get>";
    bool validator_clean = true;
    for (const auto& d : check(text)) {
      if (d.rule.starts_with("locuri-") && d.severity != validate::Severity::note) validator_clean = false;
    }
    CAPTURE(u);
    CHECK(validator_clean == uri::check(u).empty());
  }
}

TEST_CASE("validate: --ddf rules against Microsoft's DDF files") {
  std::filesystem::path dir = std::filesystem::path(SYNCMLDM_SHARED_DIR) / "data" / "ms-ddf";
  for (const char* name : {"Reboot.ddf.xml", "DevInfo.ddf.xml", "DMClient.ddf.xml"}) {
    if (!std::filesystem::exists(dir / name)) {
      MESSAGE("Microsoft DDF files not found: skipped");
      return;
    }
  }
  ddf::Schema schema;
  for (const char* name : {"Reboot.ddf.xml", "DevInfo.ddf.xml", "DMClient.ddf.xml"}) {
    ddf::load_path(schema, (dir / name).string());
  }
  validate::Options options;
  options.schema = &schema;
  auto exec = [](std::string_view uri) {
    return "<Exec><CmdID>2</CmdID><Item><Target><LocURI>" + std::string(uri) + "</LocURI></Target></Item></Exec>";
  };
  // A typo gets the nearest existing name.
  auto typo = check(exec("./Device/Vendor/MSFT/Reboot/RebootNwo"), options);
  REQUIRE(find(typo, "ddf-unknown-node"));
  CHECK(find(typo, "ddf-unknown-node")->message.find("RebootNow") != std::string::npos);
  CHECK(find(typo, "ddf-unknown-node")->status == 404);
  // The real node passes, with or without the ./Device prefix.
  CHECK_FALSE(find(check(exec("./Device/Vendor/MSFT/Reboot/RebootNow"), options), "ddf-unknown-node"));
  CHECK_FALSE(find(check(exec("./Vendor/MSFT/Reboot/RebootNow"), options), "ddf-unknown-node"));
  // DevInfo nodes are Get-only: a server Replace is refused.
  std::string replace_devid =
      "<Replace><CmdID>3</CmdID><Item><Target><LocURI>./DevInfo/DevId</LocURI></Target><Data>x</Data></Item></Replace>";
  auto access = check(replace_devid, options);
  REQUIRE(find(access, "ddf-access"));
  CHECK(find(access, "ddf-access")->status == 405);
  // Trees no loaded DDF describes are left alone.
  CHECK(check(exec("./Device/Vendor/MSFT/RemoteWipe/doWipe"), options).empty());
}

TEST_CASE("validate: a headerless fragment of what only a client sends is client-sent") {
  std::string alert =
      "<Alert><CmdID>3</CmdID><Data>1224</Data><Item><Meta><Type xmlns=\"syncml:metinf\">"
      "com.microsoft/MDM/LoginStatus</Type></Meta><Data>user</Data></Item></Alert>";
  CHECK_FALSE(find(check(alert), "command-direction"));                        // one bare command
  CHECK_FALSE(find(check("<SyncBody>" + alert + "</SyncBody>"), "command-direction"));
  std::string results =
      "<Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>4</CmdRef><Item><Source><LocURI>./Vendor/MSFT/A"
      "</LocURI></Source><Meta><Format xmlns=\"syncml:metinf\">node</Format></Meta><Data>B/C</Data></Item></Results>";
  auto ds = check(results);
  CHECK_FALSE(find(ds, "command-direction"));
  CHECK_FALSE(find(ds, "data-format"));  // an interior node's child names
  // Forced the other way, the same fragment is still judged.
  validate::Options server;
  server.direction = validate::Direction::server;
  CHECK(find(check(alert, server), "command-direction"));
}

TEST_CASE("validate: padded LocURIs are judged trimmed, and the padding is one note") {
  auto ds = check("<SyncBody>" + replace(2, "\n      ./Vendor/MSFT/A\n    ") + replace(3, " ./Vendor/MSFT/B ") +
                  "</SyncBody>");
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].rule == "locuri-whitespace");
  CHECK(ds[0].severity == validate::Severity::note);
  CHECK_FALSE(ds[0].status);
  auto inner = check(replace(2, "\n  ./Vendor/MSFT/A B\n"));
  REQUIRE(find(inner, "locuri-whitespace"));
  CHECK(std::count_if(inner.begin(), inner.end(), [](const Diagnostic& d) {
          return d.rule == "locuri-whitespace" && d.severity == validate::Severity::error && d.status == 404;
        }) == 1);
}

TEST_CASE("validate: CmdIDs must be positive decimal integers") {
  for (std::string_view bad : {"$CmdId$", "-1", "0x10", "1e10", "+3", "abc", "2147483648",
                               "12345678901234567890123456789012345678"}) {
    auto ds = check("<Get><CmdID>" + std::string(bad) +
                    "</CmdID><Item><Target><LocURI>./DevDetail/SwV</LocURI></Target></Item></Get>");
    INFO(bad);
    REQUIRE(find(ds, "cmdid-format"));
    CHECK(find(ds, "cmdid-format")->severity == validate::Severity::error);
  }
  for (std::string_view good : {"1", "42", "2147483647", "007"}) {
    auto ds = check("<Get><CmdID>" + std::string(good) +
                    "</CmdID><Item><Target><LocURI>./DevDetail/SwV</LocURI></Target></Item></Get>");
    INFO(good);
    CHECK(ds.empty());
  }
  CHECK(find(check("<Get><CmdID>000</CmdID><Item><Target><LocURI>./DevDetail/SwV</LocURI></Target></Item></Get>"),
             "cmdid-zero"));
}
