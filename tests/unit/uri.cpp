#include <doctest/doctest.h>

#include <algorithm>

#include "syncmldm/tree/uri.hpp"

using namespace syncmldm::uri;

namespace {
bool has(const std::vector<Problem>& ps, ProblemKind k) {
  return std::any_of(ps.begin(), ps.end(), [&](const Problem& p) { return p.kind == k; });
}
const Problem& find(const std::vector<Problem>& ps, ProblemKind k) {
  return *std::find_if(ps.begin(), ps.end(), [&](const Problem& p) { return p.kind == k; });
}
}  // namespace

TEST_CASE("uri: parse splits, decodes and reads queries") {
  Uri u = parse("./Vendor/MSFT/DMClient/Provider/MS%20DM%20Server?prop=ACL");
  CHECK(u.dot_prefix);
  REQUIRE(u.segments.size() == 5);
  CHECK(u.segments[4] == "MS DM Server");
  CHECK(u.raw_segments[4] == "MS%20DM%20Server");
  CHECK(u.segment_offsets[0] == 2);
  CHECK(u.query == QueryKind::prop);
  CHECK(u.query_value == "ACL");
  CHECK(to_string(u) == "./Vendor/MSFT/DMClient/Provider/MS%20DM%20Server?prop=ACL");

  CHECK(parse(".").is_root());
  CHECK(parse(".").dot_prefix);
  CHECK(node_string(parse(".")) == ".");
  Uri rel = parse("DMAcc/xyz");
  CHECK_FALSE(rel.dot_prefix);
  CHECK(node_string(rel) == "./DMAcc/xyz");
  Uri l = parse("./A?list=StructData");
  CHECK(l.query == QueryKind::list);
  CHECK(l.query_value == "StructData");
  CHECK(parse("./A?x=1").query == QueryKind::other);
}

TEST_CASE("uri: a slash inside a name survives the round trip") {
  Uri u = parse("./Vendor/MSFT/Diag/Provider%2FAdmin");
  REQUIRE(u.segments.size() == 4);
  CHECK(u.segments[3] == "Provider/Admin");
  CHECK(to_string(u) == "./Vendor/MSFT/Diag/Provider%2FAdmin");
  CHECK(encode_segment("caf\xC3\xA9 x") == "caf%C3%A9%20x");
  bool ok = true;
  CHECK(decode("a%2", &ok) == "a%2");
  CHECK_FALSE(ok);
}

TEST_CASE("uri: scope mapping") {
  CHECK(canonical_key("./Device/Vendor/MSFT/Reboot") == "./Vendor/MSFT/Reboot");
  CHECK(canonical_key("./Vendor/MSFT/Reboot") == "./Vendor/MSFT/Reboot");
  CHECK(canonical_key("Vendor/MSFT/Reboot") == "./Vendor/MSFT/Reboot");
  CHECK(canonical_key("Device/Vendor/MSFT/Reboot") == "./Vendor/MSFT/Reboot");
  CHECK(canonical_key("./user/Vendor/MSFT/X") == "./User/Vendor/MSFT/X");
  CHECK(canonical_key("./Device") == ".");
  CHECK(scope_of(parse("./User/Vendor/MSFT/X")) == Scope::user);
  CHECK(scope_of(parse("./Vendor/MSFT/X")) == Scope::device);
  CHECK(scope_of(parse("./Device/Vendor/MSFT/X")) == Scope::device);
}

TEST_CASE("uri: valid URIs have no problems") {
  for (const char* s : {".", "./DevInfo/DevId", "./Vendor/MSFT/Policy/Config/A~B~C/P", "./a.b/c",
                        "./DMAcc/x?prop=ACL", "./A?list=TNDS+Value+ACL", "./A?list=TNDS-Format",
                        "./Vendor/MSFT/DMClient/Provider/MS%20DM%20Server"}) {
    CAPTURE(s);
    CHECK(check(s).empty());
  }
}

TEST_CASE("uri: Windows and OMA rules") {
  auto p = check("/Vendor/MSFT/A");
  REQUIRE(has(p, ProblemKind::leading_slash));
  CHECK(find(p, ProblemKind::leading_slash).offset == 0);
  CHECK(find(p, ProblemKind::leading_slash).suggestion == "./Vendor/MSFT/A");

  p = check("./A//B");
  REQUIRE(has(p, ProblemKind::empty_segment));
  CHECK(find(p, ProblemKind::empty_segment).offset == 3);
  CHECK(*find(p, ProblemKind::empty_segment).segment == 1);

  CHECK(has(check("./A/B/"), ProblemKind::trailing_slash));
  CHECK(has(check("./"), ProblemKind::trailing_slash));
  CHECK(has(check("./A/*/B"), ProblemKind::star_segment));
  CHECK_FALSE(has(check("./A/a*b"), ProblemKind::star_segment));
  p = check("./Vendor/MSFT/Registry/HKLM/Security/./Test");
  REQUIRE(has(p, ProblemKind::dot_segment));
  CHECK(find(p, ProblemKind::dot_segment).offset == 37);
  CHECK(has(check("./A/../B"), ProblemKind::dot_dot_segment));
  CHECK(has(check("../A"), ProblemKind::dot_dot_segment));
  CHECK(has(check("./A/b."), ProblemKind::trailing_dot));
  CHECK(find(check("./A/b."), ProblemKind::trailing_dot).severity == Severity::warning);
}

TEST_CASE("uri: escaping, whitespace, non-ASCII") {
  auto p = check("./ DevDetail/HwV");
  REQUIRE(has(p, ProblemKind::whitespace));
  CHECK(find(p, ProblemKind::whitespace).status == 404);
  CHECK(find(p, ProblemKind::whitespace).offset == 2);
  CHECK(find(p, ProblemKind::whitespace).suggestion == "./DevDetail/HwV");

  p = check("./A/caf\xC3\xA9");
  REQUIRE(has(p, ProblemKind::non_ascii));
  CHECK(find(p, ProblemKind::non_ascii).length == 2);
  CHECK(find(p, ProblemKind::non_ascii).suggestion == "./A/caf%C3%A9");

  p = check("./A/b\"c");
  REQUIRE(has(p, ProblemKind::unescaped_character));
  CHECK(find(p, ProblemKind::unescaped_character).suggestion == "./A/b%22c");
  CHECK(find(check("./A/{1234}"), ProblemKind::unescaped_character).severity == Severity::warning);

  CHECK(has(check("./A/100%"), ProblemKind::bad_escape));
  CHECK(has(check("./A/%zz"), ProblemKind::bad_escape));
  CHECK(has(check("./A/%FF%FE"), ProblemKind::escaped_invalid_utf8));
  CHECK_FALSE(has(check("./A/%C3%A9"), ProblemKind::escaped_invalid_utf8));
}

TEST_CASE("uri: prefixes and scope case") {
  auto p = check("Vendor/MSFT/Reboot/RebootNow");
  REQUIRE(has(p, ProblemKind::no_prefix));
  CHECK(find(p, ProblemKind::no_prefix).severity == Severity::warning);
  CHECK_FALSE(has_error(p));
  p = check("./user/Vendor/MSFT/X");
  REQUIRE(has(p, ProblemKind::lowercase_scope));
  CHECK(find(p, ProblemKind::lowercase_scope).suggestion == "./User/Vendor/MSFT/X");
  CHECK_FALSE(has(check("./User/Vendor/MSFT/X"), ProblemKind::lowercase_scope));
  CHECK(has(check(""), ProblemKind::empty));
}

TEST_CASE("uri: queries") {
  CHECK(find(check("./A?prop=Colour"), ProblemKind::unknown_property).status == 406);
  CHECK(find(check("./A?list=Tree"), ProblemKind::unknown_list).status == 406);
  CHECK(has(check("./A?list=TNDS+Value-ACL"), ProblemKind::unknown_list));
  CHECK(has(check("./A?foo=bar"), ProblemKind::bad_query));
  CheckOptions no_query;
  no_query.allow_query = false;
  CHECK(has(check("./A?prop=ACL", no_query), ProblemKind::bad_query));
  auto l = parse_list("TNDS-Format-ACL");
  REQUIRE(l);
  CHECK(l->kind == ListRequest::Kind::tnds);
  CHECK(l->exclude);
  CHECK(l->properties == std::vector<std::string>{"Format", "ACL"});
  CHECK(parse_list("Struct")->kind == ListRequest::Kind::structure);
  CHECK_FALSE(parse_list("TNDS+Colour"));
  CHECK_FALSE(parse_list("TNDSX"));
}

TEST_CASE("uri: limits give 414") {
  CheckOptions o;
  o.limits.max_depth = 2;
  o.limits.max_seg_len = 4;
  o.limits.max_tot_len = 12;
  auto p = check("./A/B", o);
  CHECK(p.empty());
  p = check("./A/B/C", o);
  REQUIRE(has(p, ProblemKind::too_deep));
  CHECK(find(p, ProblemKind::too_deep).status == 414);
  p = check("./ABCDE", o);
  REQUIRE(has(p, ProblemKind::segment_too_long));
  CHECK(*find(p, ProblemKind::segment_too_long).segment == 0);
  // characters, not bytes: four two-byte characters fit in MaxSegLen 4 (as decoded text)
  CHECK(char_count("\xC3\xA9\xC3\xA9") == 2);
  p = check("./AB/CD?prop=ACL", o);
  CHECK(has(p, ProblemKind::too_long));
  CHECK(rule_id(ProblemKind::too_long) == "uri-too-long");
  CHECK_FALSE(describe(ProblemKind::dot_segment).empty());
}

TEST_CASE("uri: hostile URIs give a bounded problem list, with the fix given once") {
  std::string text = "./A/";
  for (int i = 0; i < 100000; ++i) text += "\"";
  auto problems = syncmldm::uri::check(text);
  CHECK(problems.size() == syncmldm::uri::kMaxProblems);
  CHECK_FALSE(problems.front().suggestion.empty());
  CHECK(problems.back().suggestion.empty());
}
