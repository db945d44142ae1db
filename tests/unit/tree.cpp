#include <doctest/doctest.h>

#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/tree.hpp"

using namespace syncmldm;
using namespace syncmldm::tree;

TEST_CASE("tree: find, ensure and scope mapping") {
  Tree t;
  Node* n = t.ensure({"Vendor", "MSFT", "A", "B"}, "int");
  REQUIRE(n);
  CHECK(n->format == "int");
  CHECK(t.find("./Vendor/MSFT/A")->is_interior());
  CHECK(t.find("./Device/Vendor/MSFT/A/B") == n);
  CHECK(t.find("Vendor/MSFT/A/B") == n);
  CHECK(t.find("./User/Vendor/MSFT/A/B") == nullptr);
  CHECK(t.find(".") == &t.root());
  CHECK(n->uri() == "./Vendor/MSFT/A/B");
  CHECK(t.ensure({"Vendor", "MSFT", "A", "B", "C"}, "chr") == nullptr);  // not under a leaf
  Node& odd = t.root().add_child("MS DM Server");
  CHECK(odd.uri() == "./MS%20DM%20Server");
  CHECK(t.find("./MS%20DM%20Server") == &odd);
}

TEST_CASE("tree: VerNo wraps, clone is deep") {
  Tree t;
  Node* n = t.ensure({"A"}, "chr");
  n->verno = 0xFFFF;
  n->touch("20260101T000000Z");
  CHECK(n->verno == 0);
  CHECK(n->tstamp == "20260101T000000Z");
  Tree c = t.clone();
  c.find("./A")->value = "changed";
  CHECK(t.find("./A")->value.empty());
  CHECK(c.root().count() == 2);
}

TEST_CASE("tree: standard objects and URI limits") {
  auto schema = std::make_shared<ddf::Schema>();
  ddf::load_text(*schema, ddf::standard_objects_ddf(), "standard");
  Identity id;
  id.dev_id = "IMEI:493005100592800";
  id.max_depth = 8;
  id.max_seg_len = 32;
  Tree t = make_standard_tree(id, schema, "20260101T000000Z");
  CHECK(t.find("./DevInfo/DevId")->value == "IMEI:493005100592800");
  CHECK(t.find("./DevInfo/DmV")->value == "1.3");
  CHECK(t.find("./DevDetail/LrgObj")->format == "bool");
  CHECK(t.find("./DMAcc")->is_interior());
  CHECK(t.schema_of(*t.find("./DevInfo/Man"))->is_permanent());
  CHECK(t.limits().max_depth == 8);
  CHECK(t.limits().max_tot_len == 0);
  CHECK(t.limits().max_seg_len == 32);
  CHECK(t.root().acl == "Add=*&Get=*");
}
