// Rows of a trace: the flat index that pairs answers with commands, the storage sessions hand
// on to the next, and renderers that write into a buffer shared by many sessions.
#include <doctest/doctest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "syncmldm/trace/render.hpp"
#include "syncmldm/trace/session.hpp"
#include "trace/command_index.hpp"
#include "trace_sessions.hpp"

using namespace syncmldm;

namespace {

std::string message(const std::string& session, const std::string& msg_id, bool from_server, const std::string& body) {
  std::string device = "<LocURI>dev</LocURI>", server = "<LocURI>https://s/dm</LocURI>";
  return "<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><SessionID>" + session + "</SessionID><MsgID>" + msg_id +
         "</MsgID><Target>" + (from_server ? device : server) + "</Target><Source>" + (from_server ? server : device) +
         "</Source></SyncHdr><SyncBody>" + body + "<Final/></SyncBody></SyncML>";
}

std::vector<std::size_t> rows_of(trace::detail::CommandIndex& index, std::string_view msg, std::string_view cmd,
                                 bool* marked = nullptr) {
  std::vector<std::size_t> rows{99};  // find() empties it first
  bool m = index.find(msg, cmd, rows);
  if (marked) *marked = m;
  return rows;
}

}  // namespace

TEST_CASE("trace rows: the command index gives each command its rows, in order") {
  trace::detail::CommandIndex index;
  CHECK(rows_of(index, "1", "2").empty());
  index.add("1", "2", 0);
  index.add("1", "2", 1);
  index.add("1", "23", 2);
  index.add("12", "3", 3);  // MsgID and CmdID are told apart, not run together
  index.add("", "", 4);
  index.add("1234567890", "1234567890", 6);  // longer than a key holds in place
  index.add("123456789", "01234567890", 7);
  index.add("12345678", "12345678", 8);       // just fits
  index.add("2", "2", 0);   // a large object's next piece: an earlier row again
  index.add("1", "2", 5);   // the same IDs again later (a repeated message)
  CHECK(rows_of(index, "1", "2") == std::vector<std::size_t>{0, 1, 5});
  CHECK(rows_of(index, "1", "23") == std::vector<std::size_t>{2});
  CHECK(rows_of(index, "12", "3") == std::vector<std::size_t>{3});
  CHECK(rows_of(index, "", "") == std::vector<std::size_t>{4});
  CHECK(rows_of(index, "2", "2") == std::vector<std::size_t>{0});
  CHECK(rows_of(index, "1234567890", "1234567890") == std::vector<std::size_t>{6});
  CHECK(rows_of(index, "123456789", "01234567890") == std::vector<std::size_t>{7});
  CHECK(rows_of(index, "12345678", "12345678") == std::vector<std::size_t>{8});
  CHECK(rows_of(index, "1234567890", "123456789").empty());
  CHECK(rows_of(index, "12345678", "1234567").empty());
  CHECK(rows_of(index, "123", "").empty());
  CHECK(rows_of(index, "2", "").empty());

  bool marked = true;
  rows_of(index, "1", "2", &marked);
  CHECK_FALSE(marked);
  index.mark("3", "1");
  CHECK(rows_of(index, "3", "1", &marked).empty());
  CHECK(marked);
  rows_of(index, "3", "2", &marked);
  CHECK_FALSE(marked);

  // Thousands of commands: the table grows and finds every one.
  for (std::size_t i = 0; i < 5000; ++i) index.add(std::to_string(i / 50 + 1000), std::to_string(i % 50), 100 + i);
  bool all = true;
  for (std::size_t i = 0; i < 5000; ++i) {
    all = all && rows_of(index, std::to_string(i / 50 + 1000), std::to_string(i % 50)) == std::vector<std::size_t>{100 + i};
  }
  CHECK(all);
  CHECK(rows_of(index, "1", "2") == std::vector<std::size_t>{0, 1, 5});

  index.clear();
  CHECK(rows_of(index, "1", "2").empty());
  CHECK(rows_of(index, "3", "1", &marked).empty());
  CHECK_FALSE(marked);
  index.add("1", "2", 7);
  CHECK(rows_of(index, "1", "2") == std::vector<std::size_t>{7});
}

TEST_CASE("trace rows: a session starts empty whatever the one before it held") {
  // Session 1 ends (the server's package without commands); session 2 starts with the storage
  // session 1 had, and its device answers a command number only session 1 sent.
  std::string get = "<Get><CmdID>2</CmdID><Item><Target><LocURI>./A</LocURI></Target></Item></Get>";
  std::string status = "<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Get</Cmd><Data>200</Data></Status>";
  std::string status_2 = "<Status><CmdID>1</CmdID><MsgRef>2</MsgRef><CmdRef>2</CmdRef><Cmd>Get</Cmd><Data>200</Data></Status>";
  auto sessions = build_sessions({
      message("1", "1", true, get),
      message("1", "1", false, status),
      message("1", "2", true, ""),
      message("2", "1", false, status),
      message("2", "2", true, get),
      message("2", "2", false, status_2),
  });
  REQUIRE(sessions.size() == 2);
  REQUIRE(sessions[0].rows.size() == 1);
  CHECK(sessions[0].rows[0].status == 200);
  REQUIRE(sessions[1].rows.size() == 2);
  CHECK(sessions[1].rows[0].unpaired);  // not paired with session 1's Get
  CHECK(sessions[1].rows[0].message == 0);
  CHECK(sessions[1].messages[sessions[1].rows[0].message].place == "m4");
  CHECK_FALSE(sessions[1].rows[1].unpaired);
  CHECK(sessions[1].rows[1].status == 200);
  CHECK(sessions[1].rows[1].message == 1);
  CHECK(sessions[1].messages[sessions[1].rows[1].message].place == "m5");
}

TEST_CASE("trace rows: renderers append to the buffer, each row with its own status") {
  trace::Session s;
  s.number = 1;
  s.session_id = "7";
  s.device = "dev";
  // More different statuses than the renderers keep made, each twice, out of order.
  std::vector<int> codes = {200, 405, 404, 500, 418, 213, 215, 507, 216, 401, 200, 425, 406};
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 0; i < codes.size(); ++i) {
      trace::Row& r = s.rows.emplace_back();
      r.msg_id = "1";
      r.cmd_id = std::to_string(s.rows.size());
      r.cmd = "Get";
      r.target = "./N" + std::to_string(i);
      r.status = codes[i];
      if (i % 3 == 1) r.hresult = 0x86000000u + static_cast<std::uint32_t>(i);
      r.ms = i % 2 ? 1.5 : 2.0;
    }
  }
  trace::Row& last = s.rows.emplace_back();
  last.msg_id = "2";
  last.cmd_id = "1";
  last.cmd = "Replace";
  last.unpaired = true;

  std::string text = "before\n";
  trace::append_text(text, s, {}, {});
  CHECK(text == "before\n" + trace::text(s, {}, {}));
  std::string jsonl = "{}\n";
  trace::append_jsonl(jsonl, s, {});
  CHECK(jsonl == "{}\n" + trace::jsonl(s, {}));
  std::string json = "[";
  trace::append_json(json, s, {}, false);
  CHECK(json == "[" + trace::json(s, {}, false));

  std::size_t line_at = text.find("  1/1 ");
  std::size_t row = 0;
  std::istringstream lines(jsonl.substr(3));
  std::string line;
  while (std::getline(lines, line)) {
    REQUIRE(row < s.rows.size());
    const trace::Row& r = s.rows[row];
    auto j = nlohmann::json::parse(line);
    if (r.status) CHECK(j["status"] == *r.status);
    else CHECK(j["status"].is_null());
    CHECK(j["meaning"] == (r.status ? nlohmann::json(trace::status_meaning(*r.status)) : nlohmann::json()));
    if (r.hresult) CHECK(j["hresult"] == trace::hresult_text(*r.hresult));
    else CHECK(j["hresult"].is_null());
    if (r.ms) CHECK(j["ms"] == *r.ms);

    REQUIRE(line_at != std::string::npos);
    std::string text_line = text.substr(line_at, text.find('\n', line_at) - line_at);
    std::string said = r.status ? "-> " + std::to_string(*r.status) + " " + trace::status_meaning(*r.status)
                                : "-> results (unpaired";
    if (r.hresult) said += " " + trace::hresult_text(*r.hresult);
    CAPTURE(text_line);
    CHECK(text_line.find(said) != std::string::npos);
    CHECK((text_line.find("  2 ms") != std::string::npos) == r.ms.has_value());  // 1.5 and 2.0 both read 2
    line_at = text.find('\n', line_at) + 1;
    ++row;
  }
  CHECK(row == s.rows.size());
}
