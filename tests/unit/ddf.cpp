#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "syncmldm/tree/ddf.hpp"

using namespace syncmldm;
using namespace syncmldm::ddf;

namespace {
const std::string kTestDdf = std::string(SYNCMLDM_TESTDATA) + "/ddf/policy-like.ddf.xml";
// The shared data folder sits beside the repository; SYNCMLDM_SHARED overrides it.
std::string ms_ddf_dir() {
  const char* env = std::getenv("SYNCMLDM_SHARED");
  return std::string(env ? env : SYNCMLDM_SHARED_DIR) + "/data/ms-ddf";
}
const std::string kMsDdf = ms_ddf_dir();

Error load_error(const std::string& text) {
  Schema s;
  try {
    load_text(s, text, "bad.xml");
  } catch (const Error& e) {
    return e;
  }
  FAIL("no error");
  return Error(ErrorKind::input, "");
}
}  // namespace

TEST_CASE("ddf: the test schema loads with scopes mapped") {
  Schema s;
  load_path(s, kTestDdf);
  CHECK(s.size() > 300);
  const SchemaNode* n = s.lookup("./Device/Vendor/MSFT/PolicyLike/Config/DeviceLock/DeviceLockLevel");
  REQUIRE(n);
  CHECK(n->format == "int");
  CHECK(n->access.to_string() == "Add Delete Get Replace");
  REQUIRE(n->allowed);
  CHECK(n->allowed->value_type == "Range");
  CHECK(n->description == "Sets the DeviceLockLevel policy of the DeviceLock area.");
  // ./Vendor/MSFT and ./Device/Vendor/MSFT are one place; ./User is another
  CHECK(s.lookup("./Vendor/MSFT/PolicyLike/Config/DeviceLock/DeviceLockLevel") == n);
  CHECK(s.lookup("Vendor/MSFT/PolicyLike/Config/DeviceLock/DeviceLockLevel") == n);
  const SchemaNode* u = s.lookup("./User/Vendor/MSFT/PolicyLike/Config/DeviceLock/DeviceLockLevel");
  REQUIRE(u);
  CHECK(u != n);
  CHECK(path_of(*n) == "./Vendor/MSFT/PolicyLike/Config/DeviceLock/DeviceLockLevel");
  // the implied path nodes are not described
  CHECK_FALSE(s.lookup("./Vendor/MSFT")->described);
}

TEST_CASE("ddf: dynamic nodes match any name, named ones win") {
  Schema s;
  load_path(s, kTestDdf);
  const SchemaNode* adm = s.lookup("./Vendor/MSFT/PolicyLike/Config/Contoso~Policy~Cat/SomePolicy");
  REQUIRE(adm);
  CHECK(adm->name.empty());
  CHECK(path_of(*adm) == "./Vendor/MSFT/PolicyLike/Config/<x>/<x>");
  CHECK(s.lookup("./Vendor/MSFT/PolicyLike/Config/Camera")->name == "Camera");
  CHECK(s.lookup("./Vendor/MSFT/PolicyLike/ConfigOperations/ADMXInstall/App/Policy/File1")->format == "chr");
  CHECK(s.lookup("./Vendor/MSFT/PolicyLike/Nope") == nullptr);
  CHECK(s.lookup("./Vendor/MSFT/PolicyLike/Config/Camera/AllowCamera/Extra") == nullptr);
}

TEST_CASE("ddf: suggestions for typos") {
  Schema s;
  load_path(s, kTestDdf);
  auto sug = suggest(s, "./Vendor/MSFT/PolicyLike/Confg/Camera/AllowCamera");
  REQUIRE(sug);
  CHECK(sug->segment == 3);
  REQUIRE_FALSE(sug->uris.empty());
  CHECK(sug->uris.front() == "./Vendor/MSFT/PolicyLike/Config/Camera/AllowCamera");
  CHECK_FALSE(suggest(s, "./Vendor/MSFT/PolicyLike/Config/Camera/AllowCamera"));
  auto none = suggest(s, "./Vendor/MSFT/PolicyLike/Zzzzzzzzzz");
  REQUIRE(none);
  CHECK(none->uris.empty());
}

TEST_CASE("ddf: values against formats and allowed values") {
  Schema s;
  load_path(s, kTestDdf);
  const SchemaNode& level = *s.lookup("./Vendor/MSFT/PolicyLike/Config/Camera/CameraLevel");
  CHECK(check_value(level, "50") == ValueCheck::ok);
  CHECK(check_value(level, "101") == ValueCheck::not_allowed);
  CHECK(check_value(level, "x") == ValueCheck::bad_format);
  const SchemaNode& mode = *s.lookup("./Vendor/MSFT/PolicyLike/Config/Camera/CameraMode");
  CHECK(check_value(mode, "2") == ValueCheck::ok);
  CHECK(check_value(mode, "3") == ValueCheck::not_allowed);
  const SchemaNode& list = *s.lookup("./Vendor/MSFT/PolicyLike/Config/Camera/CameraList");
  CHECK(check_value(list, "a;c") == ValueCheck::ok);
  CHECK(check_value(list, "a;d") == ValueCheck::not_allowed);
  const SchemaNode& id = *s.lookup("./Vendor/MSFT/PolicyLike/Config/Camera/CameraId");
  CHECK(check_value(id, "0123abcd") == ValueCheck::ok);
  CHECK(check_value(id, "0123abcg") == ValueCheck::not_allowed);
  const SchemaNode& b = *s.lookup("./Vendor/MSFT/TestCSP/BoolValue");
  CHECK(check_value(b, "true") == ValueCheck::ok);
  CHECK(check_value(b, "True") == ValueCheck::bad_format);
  const SchemaNode& doc = *s.lookup("./Vendor/MSFT/TestCSP/Documents/x");
  CHECK(name_allowed(doc, "27FEA311-68B9-4320-9FC4-296F6FDFAFE2"));
  CHECK_FALSE(name_allowed(doc, "not-a-guid"));
  CHECK(value_matches_format("int", "-5"));
  CHECK(value_matches_format("int", "4294967295"));
  CHECK_FALSE(value_matches_format("int", "4294967296"));
  CHECK_FALSE(value_matches_format("int", "1.0"));
  CHECK(value_matches_format("b64", "QUJD"));
  CHECK_FALSE(value_matches_format("b64", "QUJ"));
  CHECK(value_matches_format("float", "1.5e3"));
}

TEST_CASE("ddf: several files merge, later definitions win") {
  Schema s;
  load_text(s, standard_objects_ddf(), "standard");
  CHECK(s.lookup("./DevInfo/DevId")->is_permanent());
  CHECK(s.lookup("./DMAcc/srv/AppAuth/a/AAuthSecret")->access.to_string() == "Replace");
  load_text(s, R"(<MgmtTree><VerDTD>1.2</VerDTD><Node><NodeName>DevInfo</NodeName><Path>.</Path>
    <Node><NodeName>Man</NodeName><DFProperties><AccessType><Get/><Replace/></AccessType><DFFormat><chr/></DFFormat>
    <DFType><MIME>text/plain</MIME></DFType></DFProperties></Node></Node></MgmtTree>)",
            "extra.xml");
  CHECK(s.lookup("./DevInfo/Man")->access.replace);
  CHECK(s.lookup("./DevInfo/DevId"));  // still there
}

TEST_CASE("ddf: bad documents give file:line:col") {
  Error e = load_error("<MgmtTree>\n<Node><Path>.</Path></Node></MgmtTree>");
  CHECK(e.kind() == ErrorKind::input);
  CHECK(e.where().line == 2);
  CHECK(e.where().column == 1);
  e = load_error("<MgmtTree><Node><NodeName>A</NodeName><DFProperties>\n  <DFFormat><string/></DFFormat></DFProperties></Node></MgmtTree>");
  CHECK(e.where().line == 2);
  CHECK(e.describe().find("unknown DFFormat 'string'") != std::string::npos);
  e = load_error("<SyncML/>");
  CHECK(e.describe().find("expected <MgmtTree>") != std::string::npos);
  e = load_error("<MgmtTree><Node>");
  CHECK(e.kind() == ErrorKind::input);
  std::string deep = "<MgmtTree>";
  for (int i = 0; i < 200; ++i) deep += "<Node><NodeName>a</NodeName>";
  for (int i = 0; i < 200; ++i) deep += "</Node>";
  deep += "</MgmtTree>";
  e = load_error(deep);
  CHECK(e.describe().find("too deeply") != std::string::npos);
}

TEST_CASE("ddf: Microsoft's CSP files load (skipped when absent)") {
  namespace fs = std::filesystem;
  const char* files[] = {"DevInfo.ddf.xml", "DevDetail.ddf.xml", "DMAcc.ddf.xml", "DMClient.ddf.xml",
                         "Reboot.ddf.xml", "RemoteWipe.ddf.xml", "DeclaredConfiguration.ddf.xml"};
  for (const char* f : files)
    if (!fs::exists(kMsDdf + "/" + f)) {
      MESSAGE("Microsoft DDF files not found; skipped");
      return;
    }
  Schema s;
  load_path(s, kMsDdf);
  // older files: dynamic nodes named "*"
  const SchemaNode* addr = s.lookup("./SyncML/DMAcc/acct/AppAddr/a1/Addr");
  REQUIRE(addr);
  CHECK(addr->format == "chr");
  // two top-level DMClient trees, user and device scope
  CHECK(s.lookup("./User/Vendor/MSFT/DMClient"));
  CHECK(s.lookup("./Device/Vendor/MSFT/DMClient") == s.lookup("./Vendor/MSFT/DMClient"));
  // ./Vendor/MSFT (RemoteWipe) and ./Device/Vendor/MSFT (Reboot) merge under one Vendor/MSFT
  CHECK(s.lookup("./Vendor/MSFT/RemoteWipe"));
  CHECK(s.lookup("./Device/Vendor/MSFT/Reboot/RebootNow")->format == "null");
  CHECK(s.lookup("./Vendor/MSFT/Reboot/RebootNow")->access.exec);
  // DDF v2: whitespace-only NodeName is dynamic; AllowedValues kept
  const SchemaNode* docs = s.lookup("./Vendor/MSFT/DeclaredConfiguration/Host/Complete/Documents/"
                                    "27FEA311-68B9-4320-9FC4-296F6FDFAFE2");
  REQUIRE(docs);
  CHECK(docs->name.empty());
  CHECK(docs->dynamic_naming == "ServerGeneratedUniqueIdentifier");
  CHECK_FALSE(name_allowed(*docs, "nope"));
  CHECK(s.size() >= 180);
}

TEST_CASE("ddf: Microsoft's quirks: UniqueName prose, a Path ending in '/', bool nodes with an ENUM") {
  const std::string text =
      "<MgmtTree xmlns:MSFT='http://schemas.microsoft.com/MobileDevice/DM'><VerDTD>1.2</VerDTD>"
      "<Node><NodeName>Apps</NodeName><Path>./Vendor/MSFT</Path><DFProperties><AccessType><Get/></AccessType>"
      "<DFFormat><node/></DFFormat><Scope><Permanent/></Scope><DFType><DDFName/></DFType></DFProperties>"
      "<Node><NodeName></NodeName><DFProperties><AccessType><Add/><Delete/><Get/></AccessType>"
      "<DFFormat><node/></DFFormat><DFType><DDFName/></DFType><MSFT:DynamicNodeNaming><MSFT:UniqueName>Specifies the "
      "name of the Win32 or Desktop Bridge app.</MSFT:UniqueName></MSFT:DynamicNodeNaming></DFProperties>"
      "<Node><NodeName>On01</NodeName><DFProperties><AccessType><Get/><Replace/></AccessType><DFFormat><bool/></DFFormat>"
      "<DFType><MIME>text/plain</MIME></DFType><MSFT:AllowedValues ValueType='ENUM'><MSFT:Enum><MSFT:Value>0</MSFT:Value>"
      "</MSFT:Enum><MSFT:Enum><MSFT:Value>1</MSFT:Value></MSFT:Enum></MSFT:AllowedValues></DFProperties></Node>"
      "<Node><NodeName>OnTF</NodeName><DFProperties><AccessType><Get/><Replace/></AccessType><DFFormat><bool/></DFFormat>"
      "<DFType><MIME>text/plain</MIME></DFType><MSFT:AllowedValues ValueType='ENUM'><MSFT:Enum><MSFT:Value>false"
      "</MSFT:Value></MSFT:Enum><MSFT:Enum><MSFT:Value>true</MSFT:Value></MSFT:Enum></MSFT:AllowedValues></DFProperties>"
      "</Node></Node></Node>"
      "<Node><NodeName>Inner</NodeName><Path>./Vendor/MSFT/Host/</Path><DFProperties><AccessType><Get/></AccessType>"
      "<DFFormat><node/></DFFormat><DFType><DDFName/></DFType></DFProperties></Node></MgmtTree>";
  Schema s;
  load_text(s, text, "quirks.xml");
  const SchemaNode* app = s.lookup("./Vendor/MSFT/Apps/x");
  REQUIRE(app);
  // UniqueName is prose: a package family name and a bare index are both names.
  CHECK(name_allowed(*app, "Microsoft.WindowsCalculator_8wekyb3d8bbwe"));
  CHECK(name_allowed(*app, "0"));
  CHECK(app->unique_name == "Specifies the name of the Win32 or Desktop Bridge app.");
  // A Path ending in '/' puts the node under a dynamic node there.
  CHECK(s.lookup("./Vendor/MSFT/Host/anything/Inner"));
  const SchemaNode* host = s.lookup("./Vendor/MSFT/Host");
  REQUIRE(host);
  CHECK(host->children.empty());
  REQUIRE(host->dynamic);
  CHECK(host->dynamic->children.count("Inner") == 1);
  // bool with ENUM 0/1 or false/true: both spellings, nothing else.
  const SchemaNode* on01 = s.lookup("./Vendor/MSFT/Apps/x/On01");
  const SchemaNode* ontf = s.lookup("./Vendor/MSFT/Apps/x/OnTF");
  REQUIRE(on01);
  REQUIRE(ontf);
  for (const SchemaNode* n : {on01, ontf}) {
    CHECK(check_value(*n, "true") == ValueCheck::ok);
    CHECK(check_value(*n, "false") == ValueCheck::ok);
    CHECK(check_value(*n, "yes") == ValueCheck::bad_format);
  }
  CHECK(check_value(*on01, "1") == ValueCheck::ok);
  CHECK(check_value(*ontf, "1") == ValueCheck::bad_format);
}
