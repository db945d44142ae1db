#include <doctest/doctest.h>

#include "syncmldm/tree/tree.hpp"

using namespace syncmldm::tree;

TEST_CASE("acl: grammar") {
  auto a = Acl::parse("Add=www.sonera.fi-8765&Delete=www.sonera.fi-8765&Replace=www.sonera.fi-8765+321_ibm.com&Get=*");
  REQUIRE(a);
  CHECK(a->allows("Replace", "321_ibm.com"));
  CHECK(a->allows("Get", "anyone"));
  CHECK_FALSE(a->allows("Exec", "www.sonera.fi-8765"));
  CHECK(a->to_string() ==
        "Add=www.sonera.fi-8765&Delete=www.sonera.fi-8765&Get=*&Replace=321_ibm.com+www.sonera.fi-8765");
  CHECK(Acl::parse("")->empty());
  CHECK_FALSE(Acl::parse("Get="));
  CHECK_FALSE(Acl::parse("Copy=*"));
  CHECK_FALSE(Acl::parse("Get"));
  CHECK_FALSE(Acl::parse("Get=a b"));
  CHECK_FALSE(Acl::parse("Get=a++b"));
  CHECK_FALSE(Acl::parse("Get=*&"));
  // a command listed twice takes the union
  auto twice = Acl::parse("Get=ServerA&Replace=ServerA&Get=ServerB");
  REQUIRE(twice);
  CHECK(twice->allows("Get", "ServerA"));
  CHECK(twice->allows("Get", "ServerB"));
  CHECK(twice->to_string() == "Get=ServerA+ServerB&Replace=ServerA");
}

TEST_CASE("acl: inheritance takes the nearest whole ACL (TND worked example)") {
  Tree t;
  auto mk = [&](std::vector<std::string> p, const char* acl) {
    Node* n = t.ensure(p, "node");
    n->acl = acl;
    return n;
  };
  mk({"NodeA"}, "Get=ServerC&Replace=ServerC");
  Node* n1 = mk({"NodeA", "Node1"}, "Get=*");
  mk({"NodeB"}, "Get=ServerA&Replace=ServerA");
  Node* n2 = mk({"NodeB", "Node2"}, "");
  mk({"NodeB", "Node3"}, "Get=ServerB&Replace=ServerB&Delete=ServerB");
  Node* n4 = mk({"NodeB", "Node3", "Node4"}, "");
  CHECK(t.effective_acl(*n1) == "Get=*");
  CHECK(t.effective_acl(*n2) == "Get=ServerA&Replace=ServerA");
  CHECK(t.effective_acl(*n4) == "Get=ServerB&Replace=ServerB&Delete=ServerB");
  CHECK(n4->acl.empty());  // Get ?prop=ACL answers the node's own (empty) value
  CHECK(t.effective_acl(t.root()) == "Add=*&Get=*");
  auto eff = Acl::parse(t.effective_acl(*n4));
  CHECK_FALSE(eff->allows("Get", "ServerA"));  // never merged with NodeB's
}
