#include <doctest/doctest.h>

#include "syncmldm/codes/status.hpp"

using namespace syncmldm;

TEST_CASE("codes: status table is sorted, complete at the edges, and found by number") {
  auto all = codes::status_codes();
  for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].code < all[i].code);
  CHECK(codes::find_status(507)->name == "Atomic failed");
  CHECK(codes::find_status(216)->name == "Atomic roll back OK");
  CHECK_FALSE(codes::find_status(515));  // RepPro defines no 515
  CHECK(codes::is_known_status(1404, false));  // application range
  CHECK(codes::is_known_status(603, true));    // Health Attestation, Windows only
  CHECK_FALSE(codes::is_known_status(603, false));
  CHECK_FALSE(codes::is_known_status(299, true));
}

TEST_CASE("codes: alerts, Cmd values, formats and marks") {
  CHECK(codes::find_alert(1226)->name == "GENERIC ALERT");
  CHECK(codes::find_alert(1224)->direction == codes::AlertDirection::client_to_server);
  CHECK_FALSE(codes::find_alert(1221));
  CHECK_FALSE(codes::find_alert(1100)->windows_supported);
  CHECK(codes::is_status_cmd("SyncHdr"));
  CHECK_FALSE(codes::is_status_cmd("Sync"));
  CHECK(codes::is_format("float"));
  CHECK_FALSE(codes::is_format("string"));
  CHECK(codes::is_mark("critical"));
  CHECK_FALSE(codes::is_mark("urgent"));
  CHECK(codes::parse_code("1226") == 1226);
  CHECK_FALSE(codes::parse_code("12a"));
  CHECK_FALSE(codes::parse_code("12345"));
  CHECK_FALSE(codes::parse_code(""));
}
