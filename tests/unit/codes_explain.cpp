#include <doctest/doctest.h>

#include "syncmldm/codes/explain.hpp"
#include "syncmldm/util/error.hpp"

using namespace syncmldm;

TEST_CASE("codes: the HRESULT table is sorted and every entry names a source") {
  auto all = codes::hresult_codes();
  REQUIRE(all.size() > 80);
  for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].value < all[i].value);
  for (const auto& h : all) {
    CHECK_FALSE(h.source.empty());
    CHECK_FALSE(h.meaning.empty());
  }
  // The whole documented configuration-manager run 0x86000002..0x86000019 and 0x86000020..23.
  for (std::uint32_t v = 0x86000002; v <= 0x86000019; ++v)
    if (v != 0x86000007) CHECK_MESSAGE(codes::find_hresult(v), v);  // 7 is the success code 0x06000007
  CHECK(codes::find_hresult(0x06000007));
  for (std::uint32_t v = 0x86000020; v <= 0x86000023; ++v) CHECK_MESSAGE(codes::find_hresult(v), v);
  CHECK_FALSE(codes::find_hresult(0x8600001A));  // not defined by the SDK header
}

TEST_CASE("codes: explain reads SyncML statuses") {
  auto e = codes::explain("404");
  CHECK(e.known);
  CHECK(e.kind == codes::Kind::syncml_status);
  CHECK(e.code == "404");
  CHECK(e.name == "Not found");
  CHECK(e.source.find("RepPro") != std::string::npos);
  CHECK_FALSE(e.decimal);

  auto unknown = codes::explain("499");
  CHECK_FALSE(unknown.known);
  CHECK(unknown.meaning.find("4xx: originator error") != std::string::npos);
  CHECK(codes::explain("299").meaning.find("2xx: success") != std::string::npos);
  CHECK(codes::explain("1404").meaning.find("application-specific") != std::string::npos);
  CHECK(codes::status_label(507) == "507 Atomic failed");
  CHECK(codes::status_label(599).find("599 (unknown: 5xx") == 0);
}

TEST_CASE("codes: explain reads HRESULTs in every form") {
  for (std::string token : {"0x86000002", "0X86000002", "86000002", "-2046820350", "2248146946", " 0x86000002 "}) {
    auto e = codes::explain(token);
    CAPTURE(token);
    CHECK(e.known);
    CHECK(e.kind == codes::Kind::hresult);
    CHECK(e.code == "0x86000002");
    CHECK(e.name == "CFGMGR_E_NODENOTFOUND");
    CHECK(e.decimal == -2046820350);
    CHECK(e.source.find("cfgmgr2err.h") != std::string::npos);
  }
  CHECK(codes::explain("-2046820350").note.find("negative decimal") != std::string::npos);
  auto last = codes::explain("0x86000023");
  CHECK(last.name == "RESOURCEMGR_E_RESOURCEALREADYOWNED");
}

TEST_CASE("codes: explain reads enrolment errors") {
  auto e = codes::explain("0x80180014");
  CHECK(e.kind == codes::Kind::enrollment);
  CHECK(e.name == "MENROLL_E_DEVICENOTSUPPORTED");
  CHECK(codes::explain("80180026").name == "MENROLL_E_DEVICE_MANAGEMENT_BLOCKED");
  // -2145910764 is 0x80180014 as a signed 32-bit number.
  CHECK(codes::explain("-2145910764").name == "MENROLL_E_DEVICENOTSUPPORTED");
  auto unknown = codes::explain("0x801800FF");
  CHECK_FALSE(unknown.known);
  CHECK(unknown.kind == codes::Kind::enrollment);
  CHECK(unknown.meaning.find("facility 24") != std::string::npos);
}

TEST_CASE("codes: Intune's forms: 0x87D1xxxx wraps a SyncML status; negative decimals convert") {
  auto e = codes::explain("-2016345612");  // 0x87D101F4
  CHECK(e.kind == codes::Kind::syncml_status);
  CHECK(e.code == "500");
  CHECK(e.name == "Command failed");
  CHECK(e.decimal == -2016345612);
  CHECK(e.note.find("0x87D101F4") != std::string::npos);
  CHECK(codes::explain("0x87D10194").name == "Not found");
  // -2016345060 is 0x87D1041C: an explicit Intune entry, not a status (0x41C = 1052 is no status).
  auto app = codes::explain("-2016345060");
  CHECK(app.code == "0x87D1041C");
  CHECK(app.kind == codes::Kind::hresult);
  CHECK(app.known);
  auto other = codes::explain("0x87D1FFFF");
  CHECK_FALSE(other.known);
  CHECK(other.meaning.find("facility 2001") != std::string::npos);
  auto win32 = codes::explain("0x80070003");
  CHECK_FALSE(win32.known);
  CHECK(win32.meaning.find("Win32 error 3") != std::string::npos);
}

TEST_CASE("codes: explain refuses what is not a code") {
  for (std::string token : {"", "xyz", "0x", "0x123456789", "-0", "-5000000000", "12.5", "404x", "99999999999"}) {
    CAPTURE(token);
    CHECK_THROWS_AS(codes::explain(token), Error);
  }
  try {
    codes::explain("nope");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(e.message().find("'nope'") != std::string::npos);
  }
}

TEST_CASE("codes: a short hex token with letters is an HRESULT; digits alone are a status") {
  CHECK(codes::explain("abc").code == "0x00000ABC");
  CHECK(codes::explain("0200").code == "200");
}
