#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "syncmldm/report/report.hpp"

using namespace syncmldm;

namespace {

std::vector<validate::FileReport> sample() {
  validate::FileReport xml_file;
  xml_file.path = "prov.xml";
  xml_file.format = input::Format::xml;
  validate::Diagnostic d;
  d.file = "prov.xml";
  d.line = 12;
  d.column = 5;
  d.offset = 311;
  d.rule = "atomic-nested";
  d.status = 500;
  d.cmdid = "4";
  d.message = "Atomic inside Atomic is not supported";
  xml_file.diagnostics.push_back(d);
  validate::FileReport wbxml_file;
  wbxml_file.path = "a b.wbxml";
  wbxml_file.format = input::Format::wbxml;
  validate::Diagnostic w;
  w.file = "a b.wbxml";
  w.offset = 40;
  w.severity = validate::Severity::warning;
  w.rule = "meta-namespace";
  w.message = "50%, done\nnext";
  wbxml_file.diagnostics.push_back(w);
  return {xml_file, wbxml_file};
}

}  // namespace

TEST_CASE("report: text lines follow the contract") {
  auto out = report::text(sample(), {});
  CHECK(out ==
        "prov.xml:12:5: error: Atomic inside Atomic is not supported [atomic-nested] (status 500)\n"
        "a b.wbxml: offset 40: warning: 50%, done\nnext [meta-namespace]\n");
}

TEST_CASE("report: text shows the source line and a caret when asked") {
  report::TextOptions o;
  o.show_source = true;
  auto files = sample();
  auto out = report::text(std::span(files).first(1), o,
                          [](const std::string&, std::size_t) { return std::string_view("\t<Atomic>"); });
  CHECK(out.find("\n  \t<Atomic>\n  \t   ^\n") != std::string::npos);
}

TEST_CASE("report: JSON has the contract's shape") {
  auto j = nlohmann::json::parse(report::json(sample(), validate::Profile::windows, "0.1.0"));
  CHECK(j["tool"] == "dm-validate");
  CHECK(j["profile"] == "windows");
  auto& d = j["files"][0]["diagnostics"][0];
  CHECK(d["line"] == 12);
  CHECK(d["status"] == 500);
  CHECK(d["cmdid"] == "4");
  auto& w = j["files"][1]["diagnostics"][0];
  CHECK(w["line"].is_null());
  CHECK(w["column"].is_null());
  CHECK(w["offset"] == 40);
  CHECK(w["status"].is_null());
  CHECK(j["summary"]["errors"] == 1);
  CHECK(j["summary"]["warnings"] == 1);
}

TEST_CASE("report: SARIF carries what code scanning needs") {
  auto j = nlohmann::json::parse(report::sarif(sample(), validate::Profile::windows, "0.1.0"));
  CHECK(j["version"] == "2.1.0");
  auto& run = j["runs"][0];
  CHECK(run["tool"]["driver"]["rules"].size() == validate::rules().size());
  auto& r = run["results"][0];
  CHECK(r["ruleId"] == "atomic-nested");
  CHECK(run["tool"]["driver"]["rules"][r["ruleIndex"].get<std::size_t>()]["id"] == "atomic-nested");
  CHECK(r["level"] == "error");
  CHECK(r["locations"][0]["physicalLocation"]["region"]["startLine"] == 12);
  CHECK(run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a%20b.wbxml");
  CHECK(run["results"][1]["locations"][0]["physicalLocation"]["region"]["byteOffset"] == 40);
}

TEST_CASE("report: GitHub annotations escape data and properties") {
  auto out = report::github(sample());
  CHECK(out.find("::error file=prov.xml,line=12,col=5,title=atomic-nested::Atomic inside Atomic is not supported "
                 "(status 500)\n") == 0);
  CHECK(out.find("::warning file=a b.wbxml,title=meta-namespace::50%25, done%0Anext (byte offset 40)\n") !=
        std::string::npos);
}
