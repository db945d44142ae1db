// ddf::load_schema: the standard objects, then the given DDFs in order.

#include <doctest/doctest.h>

#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/ddf_load.hpp"

using namespace syncmldm;

namespace {
const std::string kTestDdf = std::string(SYNCMLDM_TESTDATA) + "/ddf/policy-like.ddf.xml";
constexpr const char* kPolicyNode = "./Vendor/MSFT/PolicyLike/Config/DeviceLock/DeviceLockLevel";
}  // namespace

TEST_CASE("ddf_load: standard objects first, then the DDFs, each reported once loaded") {
  std::vector<std::string> seen;
  ddf::LoadOptions o;
  o.loaded = [&](const std::string& p) { seen.push_back(p); };
  auto s = ddf::load_schema({kTestDdf}, o);
  REQUIRE(s);
  CHECK(s->lookup("./DevInfo/DevId"));
  const ddf::SchemaNode* n = s->lookup(kPolicyNode);
  REQUIRE(n);
  CHECK(n->where.file == kTestDdf);
  CHECK(s->lookup("./DevInfo/DevId")->where.file == ddf::kStandardObjectsSource);
  CHECK(seen == std::vector<std::string>{kTestDdf});
}

TEST_CASE("ddf_load: the standard objects alone, or the DDFs alone") {
  auto standard = ddf::load_schema({});
  CHECK(standard->lookup("./DMAcc"));
  CHECK_FALSE(standard->lookup(kPolicyNode));

  ddf::LoadOptions o;
  o.standard_objects = false;
  auto alone = ddf::load_schema({kTestDdf}, o);
  CHECK(alone->lookup(kPolicyNode));
  CHECK_FALSE(alone->lookup("./DevInfo/DevId"));
}

TEST_CASE("ddf_load: a missing DDF is an error naming it") {
  try {
    ddf::load_schema({kTestDdf, "no-such.ddf.xml"});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("no-such.ddf.xml") != std::string::npos);
  }
}
