// What dm-tree asks of a tree and a schema outside a DM session: setting a leaf (init --set),
// finding described nodes, completing a partial URI, and naming the node a reader meant.

#include <doctest/doctest.h>

#include "syncmldm/device/judgement.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/ddf_load.hpp"
#include "syncmldm/tree/find.hpp"
#include "syncmldm/tree/tree.hpp"

using namespace syncmldm;

namespace {

const std::string kTestDdf = std::string(SYNCMLDM_TESTDATA) + "/ddf/policy-like.ddf.xml";
constexpr const char* kNow = "20260101T000000Z";

std::shared_ptr<ddf::Schema> test_schema() { return ddf::load_schema({kTestDdf}); }

tree::Tree test_tree() {
  tree::Identity id;
  return tree::make_standard_tree(id, test_schema(), "20250101T000000Z");
}

std::string usage_error(tree::Tree& t, const std::string& uri) {
  try {
    tree::set_leaf(t, uri, "v", kNow);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::usage);
    return e.message();
  }
  FAIL("no error for " << uri);
  return "";
}

}  // namespace

TEST_CASE("tree_queries: set_leaf creates a leaf with the schema's format and type, or plain text") {
  tree::Tree t = test_tree();
  tree::Node& color = tree::set_leaf(t, "./Vendor/MSFT/TestCSP/Color", "green", kNow);
  CHECK(&color == t.find("./Vendor/MSFT/TestCSP/Color"));
  CHECK(color.value == "green");
  CHECK(color.format == t.schema_of(color)->format);
  CHECK(color.tstamp == kNow);
  CHECK(color.verno == 0);

  tree::Node& free = tree::set_leaf(t, "./A/B", "1", kNow);
  CHECK(free.format == "chr");
  CHECK(free.type == "text/plain");
  CHECK(t.find("./A")->is_interior());

  // An existing leaf keeps its type.
  t.find("./A/B")->type = "text/x";
  CHECK(tree::set_leaf(t, "./A/B", "2", kNow).type == "text/x");
  CHECK(t.find("./A/B")->value == "2");
}

TEST_CASE("tree_queries: set_leaf refuses interior nodes, nodes under a leaf and broken URIs") {
  tree::Tree t = test_tree();
  CHECK(usage_error(t, "./DevInfo") == "./DevInfo: not a leaf");
  CHECK(usage_error(t, "./DevInfo/DevId/X") == "./DevInfo/DevId/X: not a leaf");
  std::string bad = usage_error(t, "./A//B");
  CHECK(bad.rfind("./A//B: ", 0) == 0);
  CHECK(bad.size() > 8);
}

TEST_CASE("tree_queries: ddf::find lists described nodes matching a pattern, dynamic ones as <x>") {
  auto schema = test_schema();
  auto found = ddf::find(*schema, "User/*/WiFi/*Timeout");
  CHECK(found == std::vector<std::string>{"./User/Vendor/MSFT/PolicyLike/Config/WiFi/WiFiTimeout",
                                          "./User/Vendor/MSFT/PolicyLike/Result/WiFi/WiFiTimeout"});
  auto docs = ddf::find(*schema, "TestCSP/Documents");
  REQUIRE_FALSE(docs.empty());
  CHECK(std::find(docs.begin(), docs.end(), "./Vendor/MSFT/TestCSP/Documents/<x>") != docs.end());
  CHECK(ddf::find(*schema, "nothing-like-this").empty());
  // Nodes only implied by a Path (./Vendor) are not described.
  CHECK(ddf::find(*schema, "./Vendo?").empty());
  CHECK(ddf::find(*schema, "./Vendor/MSFT/TestCS?") == std::vector<std::string>{"./Vendor/MSFT/TestCSP"});
}

TEST_CASE("tree_queries: complete merges the state's and the schema's children of the parent") {
  auto schema = test_schema();
  tree::Tree t = test_tree();
  tree::set_leaf(t, "./Vendor/MSFT/Custom/Mode", "1", kNow);

  CHECK(tree::complete("./Vendor/MSFT/Te", nullptr, schema.get()) == std::vector<std::string>{"./Vendor/MSFT/TestCSP/"});
  CHECK(tree::complete("./Vendor/MSFT/Custom/M", &t, nullptr) == std::vector<std::string>{"./Vendor/MSFT/Custom/Mode"});
  auto both = tree::complete("./Vendor/MSFT/", &t, schema.get());
  CHECK(both == std::vector<std::string>{"./Vendor/MSFT/Custom/", "./Vendor/MSFT/PolicyLike/", "./Vendor/MSFT/TestCSP/"});
  // The root's children, however the root is written.
  auto root = tree::complete(".", &t, nullptr);
  CHECK(root == tree::complete("", &t, nullptr));
  CHECK(std::find(root.begin(), root.end(), "./DevInfo/") != root.end());
  CHECK(tree::complete("Dev", &t, nullptr) == std::vector<std::string>{"./DevDetail/", "./DevInfo/"});
  CHECK(tree::complete("./Nope/", &t, schema.get()).empty());
  CHECK(tree::complete("./DevInfo/DevId/", &t, nullptr).empty());
}

TEST_CASE("tree_queries: the hint for a node that is not there, and the node describe documents") {
  auto schema = test_schema();
  auto hint = judgement::not_found_hint(*schema, "./Vendor/MSFT/TestCSP/Colr");
  CHECK(!hint.scope_hint);
  CHECK(hint.suggestions == std::vector<std::string>{"./Vendor/MSFT/TestCSP/Color"});
  // A misspelt area matches the dynamic area node, but the judgement calls it unknown.
  const char* area = "./Vendor/MSFT/PolicyLike/Config/Camra/X";
  CHECK(schema->lookup(area));
  CHECK_FALSE(judgement::known_node(*schema, area));
  CHECK(judgement::not_found_hint(*schema, area).suggestions ==
        std::vector<std::string>{"./Vendor/MSFT/PolicyLike/Config/Camera/X"});
  CHECK(judgement::known_node(*schema, "./Vendor/MSFT/TestCSP/Color") == schema->lookup("./Vendor/MSFT/TestCSP/Color"));
  CHECK_FALSE(judgement::known_node(*schema, "./Vendor/MSFT/TestCSP/Colr"));
  CHECK(judgement::not_found_hint(*schema, "./Zzz/Yyy").suggestions.empty());
}
