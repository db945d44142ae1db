#include <doctest/doctest.h>

#include <cstring>

#include "syncmldm/trace/capture.hpp"
#include "syncmldm/trace/har.hpp"
#include "syncmldm/trace/render.hpp"
#include "syncmldm/trace/session.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/wbxml/wbxml.hpp"
#include "trace/json_cursor.hpp"
#include "trace_sessions.hpp"

#include <nlohmann/json.hpp>

using namespace syncmldm;

namespace {

// Hands out its bytes `step` at a time: every split point of a capture is tried somewhere.
class TrickleSource : public trace::Source {
 public:
  TrickleSource(std::string data, std::size_t step) : Source("t.har"), data_(std::move(data)), step_(step) {}
  std::size_t read(char* buffer, std::size_t size) override {
    std::size_t n = std::min({size, step_, data_.size() - at_});
    if (n > 0) std::memcpy(buffer, data_.data() + at_, n);
    at_ += n;
    return n;
  }

 private:
  std::string data_;
  std::size_t step_, at_ = 0;
};

std::vector<trace::Record> read_all(trace::Source& source, trace::CaptureFormat format = trace::CaptureFormat::automatic) {
  std::vector<trace::Record> out;
  trace::ReadOptions o;
  o.format = format;
  trace::read_capture(source, o, [&](trace::Record&& r) { out.push_back(std::move(r)); }, [](const trace::Note&) {});
  return out;
}

std::string error_of(const std::string& text) {
  auto source = trace::string_source(text, "x.har");
  try {
    read_all(*source, trace::CaptureFormat::har);
  } catch (const Error& e) {
    return e.describe();
  }
  return "";
}

}  // namespace

TEST_CASE("trace: a HAR read a byte at a time gives what it gives read whole") {
  std::string har = read_file("testdata/trace/session-wbxml.har");
  auto whole = trace::string_source(har, "t.har");
  auto expected = read_all(*whole);
  REQUIRE(expected.size() == 10);
  for (std::size_t step : {1u, 7u, 4096u}) {
    TrickleSource trickle(har, step);
    auto got = read_all(trickle);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].body == expected[i].body);
      CHECK(got[i].side == expected[i].side);
      CHECK(got[i].place == expected[i].place);
    }
  }
  CHECK(expected[0].side == trace::Side::client);
  CHECK(expected[1].side == trace::Side::server);
  CHECK(expected[1].ms.has_value());
  CHECK(static_cast<unsigned char>(expected[0].body[0]) == 0x02);  // WBXML 1.2, from Base64
}

TEST_CASE("trace: HAR errors say where") {
  CHECK(error_of("") == "x.har: offset 0: JSON that is not HAR: the input is empty");
  CHECK(error_of("[1]") == "x.har: offset 0: JSON that is not HAR: the document is not an object");
  CHECK(error_of(R"({"log": {"entries": {}}})") == "x.har: offset 20: JSON that is not HAR: log.entries is not an array");
  CHECK(error_of(R"({"log": {"entries": [{"a": "b"}, )") ==
        "x.har: offset 33: truncated HAR: the input ends before the document is closed");
  CHECK(error_of(R"({"log": {"entries": [{"a": "b)") == "x.har: offset 29: truncated HAR: the input ends inside entry 1");
  CHECK(error_of(R"({"log": {"entries": [3]}})") == "x.har: offset 21: entry 1 is not a JSON object");
  CHECK(error_of(R"({"log": {"entries": []}} x)") == "x.har: offset 25: data after the end of the HAR document");
  CHECK(error_of(R"({"log": {"entries": [{"request": 5}]}})") == "x.har: offset 33: HAR: request is not an object");
  // Keys elsewhere named like the path do not count.
  CHECK(error_of(R"({"x": {"log": {"entries": []}}})") == "x.har: offset 0: JSON that is not HAR: no log.entries array");
  std::string deep = R"({"log": {"entries": [{"x": )" + std::string(2000, '[') + std::string(2000, ']') + "}]}}";
  CHECK(error_of(deep).find("JSON nested too deeply") != std::string::npos);
}

TEST_CASE("trace: the JSON cursor unescapes what it reads and skips the rest") {
  std::string source = "t";
  std::string text = R"({"a": "x\"y\\\u00e9\ud83d\ude00", "skip": [1, {"k": [true, null, -2.5e3]}, "s\""], "n": 42})";
  trace::json_scan::Cursor c(text, source, 0);
  std::string key;
  c.begin_object();
  REQUIRE(c.member(key));
  CHECK(key == "a");
  CHECK(c.string() == "x\"y\\\xC3\xA9\xF0\x9F\x98\x80");
  REQUIRE(c.member(key));
  c.skip();
  REQUIRE(c.member(key));
  CHECK(key == "n");
  CHECK(c.number() == 42);
  CHECK_FALSE(c.member(key));
}

TEST_CASE("trace: Base64 that does not decode is a note, not an error") {
  std::string har = R"({"log": {"entries": [{"request": {"postData": {"text": "@@@", "encoding": "base64"}}}]}})";
  auto source = trace::string_source(har, "b.har");
  std::vector<trace::Note> notes;
  std::size_t records = 0;
  trace::read_capture(*source, {}, [&](trace::Record&&) { ++records; }, [&](const trace::Note& n) { notes.push_back(n); });
  CHECK(records == 0);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].place == "b.har: entry 1 request");
}

TEST_CASE("trace: formats sniffed from the first bytes") {
  CHECK(trace::sniff_capture("  {\"log\"") == trace::CaptureFormat::har);
  CHECK(trace::sniff_capture("[{\"_index\"") == trace::CaptureFormat::tshark);
  CHECK(trace::sniff_capture("\xD4\xC3\xB2\xA1....") == trace::CaptureFormat::pcap);
  CHECK(trace::sniff_capture("\x0A\x0D\x0D\x0A....") == trace::CaptureFormat::pcap);
  CHECK(trace::sniff_capture("> https://x/dm\nPOST") == trace::CaptureFormat::dmsend);
  CHECK(trace::sniff_capture("POST /dm HTTP/1.1\r\n") == trace::CaptureFormat::http);
  CHECK(trace::sniff_capture("<SyncML>") == trace::CaptureFormat::messages);
}

namespace {

std::string server_msg(const std::string& id, const std::string& body) {
  return "<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><SessionID>5</SessionID><MsgID>" + id +
         "</MsgID><Target><LocURI>dev</LocURI></Target><Source><LocURI>https://s/dm</LocURI></Source></SyncHdr>"
         "<SyncBody>" + body + "<Final/></SyncBody></SyncML>";
}
std::string device_msg(const std::string& id, const std::string& body) {
  return "<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><SessionID>5</SessionID><MsgID>" + id +
         "</MsgID><Target><LocURI>https://s/dm</LocURI></Target><Source><LocURI>dev</LocURI></Source></SyncHdr>"
         "<SyncBody>" + body + "<Final/></SyncBody></SyncML>";
}

std::vector<trace::Session> build(const std::vector<std::string>& messages, std::size_t max_data = 1 << 20) {
  trace::BuildOptions o;
  o.max_data = max_data;
  return build_sessions(messages, o);
}

}  // namespace

TEST_CASE("trace: statuses paired per TargetRef, HRESULTs read, dangling references kept") {
  auto sessions = build({
      server_msg("1", "<Get><CmdID>2</CmdID><Item><Target><LocURI>./A</LocURI></Target></Item>"
                      "<Item><Target><LocURI>./B</LocURI></Target></Item></Get>"),
      device_msg("2", "<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Get</Cmd><TargetRef>./B</TargetRef>"
                      "<Data msft:originalerror='-2046820350' xmlns:msft='urn:x'>404</Data></Status>"
                      "<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Get</Cmd><TargetRef>A</TargetRef><Data>200</Data></Status>"
                      "<Results><CmdID>3</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Item><Source><LocURI>./A</LocURI></Source><Data>va</Data></Item></Results>"
                      "<Status><CmdID>4</CmdID><MsgRef>1</MsgRef><CmdRef>9</CmdRef><Cmd>Replace</Cmd><Data>500</Data></Status>"),
  });
  REQUIRE(sessions.size() == 1);
  const auto& rows = sessions[0].rows;
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].target == "./A");
  CHECK(rows[0].status == 200);
  REQUIRE(rows[0].results.size() == 1);
  CHECK(rows[0].results[0].data == "va");
  CHECK(rows[1].target == "./B");
  CHECK(rows[1].status == 404);
  CHECK(rows[1].hresult == 0x86000002u);  // Intune's negative decimal of 0x86000002
  CHECK(trace::failed(rows[1]));
  CHECK(rows[2].unpaired);
  CHECK(rows[2].cmd == "Replace");
  CHECK(rows[2].cmd_id == "9");
  CHECK(rows[2].status == 500);
}

TEST_CASE("trace: a large object is one row; a package without commands ends the session") {
  auto sessions = build({
      server_msg("1", "<Replace><CmdID>2</CmdID><Item><Target><LocURI>./L</LocURI></Target><Data>abc</Data><MoreData/></Item></Replace>"),
      device_msg("2", "<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Replace</Cmd><Data>213</Data></Status>"),
      server_msg("2", "<Replace><CmdID>3</CmdID><Item><Target><LocURI>./L</LocURI></Target><Data>def</Data></Item></Replace>"),
      device_msg("3", "<Status><CmdID>1</CmdID><MsgRef>2</MsgRef><CmdRef>3</CmdRef><Cmd>Replace</Cmd><Data>200</Data></Status>"),
      server_msg("3", ""),
      device_msg("1", "<Alert><CmdID>1</CmdID><Data>1201</Data></Alert>"),
  }, 5);
  REQUIRE(sessions.size() == 2);  // the last device message starts a new session
  REQUIRE(sessions[0].rows.size() == 1);
  CHECK(sessions[0].rows[0].data == "abcde");  // joined, then cut at max_data
  CHECK(sessions[0].rows[0].data_cut);
  CHECK(sessions[0].rows[0].status == 200);
  CHECK(sessions[0].messages.size() == 5);
}

TEST_CASE("trace: renderers cut, filter and keep the schema") {
  auto sessions = build({server_msg("1", "<Replace><CmdID>2</CmdID><Item><Target><LocURI>./Vendor/X</LocURI></Target><Data>" +
                                             std::string(200, 'd') + "</Data></Item></Replace>")});
  REQUIRE(sessions.size() == 1);
  trace::TextOptions t;
  t.width = 60;
  std::string text = trace::text(sessions[0], {}, t);
  auto line = text.substr(text.find("  1/2"));
  line = line.substr(0, line.find('\n'));
  CHECK(line.find("\u2026") != std::string::npos);
  CHECK(trace::uri_matches("./Vendor/*", "./Vendor/X/Y"));
  CHECK_FALSE(trace::uri_matches("./Device/*", "./Vendor/X"));
  trace::Filter failed_only{true, "", ""};
  CHECK_FALSE(trace::wanted(sessions[0], failed_only));
  std::string json = trace::json(sessions[0], {}, false);
  CHECK(json.find(R"("commands":[{"msg_id":"1","cmd_id":"2","cmd":"Replace","target":"./Vendor/X","data":")") != std::string::npos);
  CHECK(json.find(R"("status":null,"meaning":null,"hresult":null,"hresult_meaning":null,"results":[],"ms":null,)"
                  R"("from":"server","type":""})") != std::string::npos);
}

TEST_CASE("trace: HAR written and read back") {
  std::string out;
  trace::HarWriter w([&](std::string_view s) { out += s; }, "test", "1");
  trace::HarEntry e;
  e.url = "http://h/dm";
  e.elapsed = std::chrono::microseconds(2500);
  e.request = trace::parse_head("POST /dm HTTP/1.1\r\nContent-Type: application/vnd.syncml.dm+wbxml\r\n\r\n");
  e.request.body = std::string("\x02\xA4\x01\x6A\x00", 5);
  e.response = trace::parse_head("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n");
  e.response.body = "ok";
  w.add(e);
  w.finish();
  auto source = trace::string_source(out, "w.har");
  auto records = read_all(*source);
  REQUIRE(records.size() == 2);
  CHECK(records[0].body == e.request.body);  // Base64 both ways
  CHECK(records[0].content_type == "application/vnd.syncml.dm+wbxml");
  CHECK(records[1].body == "ok");
  CHECK(records[1].ms == 2.5);
  CHECK(out.find(R"("status":200,"statusText":"OK")") != std::string::npos);
}

TEST_CASE("trace: sessions that never end are handed over once too many are open") {
  std::vector<std::size_t> order;
  trace::BuildOptions o;
  o.max_open_sessions = 2;
  trace::SessionBuilder b(o, [&](trace::Session&& s) { order.push_back(s.number); }, [](const trace::Note&) {});
  for (int i = 0; i < 3; ++i) {
    trace::Record r;
    r.body = "<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><SessionID>" + std::to_string(i) +
             "</SessionID><MsgID>1</MsgID><Target><LocURI>https://s/dm</LocURI></Target><Source><LocURI>dev</LocURI></Source>"
             "</SyncHdr><SyncBody><Alert><CmdID>1</CmdID><Data>1201</Data></Alert><Final/></SyncBody></SyncML>";
    r.place = "m";
    b.add(std::move(r));
  }
  CHECK(order == std::vector<std::size_t>{1});  // the third pushed the first out
  b.finish();
  CHECK(order == std::vector<std::size_t>{1, 2, 3});
}

TEST_CASE("trace: JSON Lines stay JSON whatever the Data holds") {
  trace::Session s;
  s.session_id = "1\"";
  s.device = "d\\";
  trace::Row& r = s.rows.emplace_back();
  r.msg_id = "1";
  r.cmd_id = "2";
  r.cmd = "Replace";
  r.data = std::string("a\x01\tb\xC3\xA9\xFF\xED\xA0\x80z\"", 12);
  r.status = 405;
  r.hresult = 0x86000002u;
  r.ms = 1.5;
  r.results.push_back({"./X", "chr", "v\n"});
  std::string line = trace::jsonl(s, {});
  REQUIRE(line.ends_with("}\n"));
  auto j = nlohmann::json::parse(line);  // throws on anything that is not JSON
  CHECK(j["session_id"] == "1\"");
  CHECK(j["data"] == "a\x01\tb\xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz\"");
  CHECK(j["status"] == 405);
  CHECK(j["hresult"] == "0x86000002");
  CHECK(j["ms"] == 1.5);
  CHECK(j["results"][0]["data"] == "v\n");
  auto doc = nlohmann::json::parse(trace::json(s, {}, false));
  CHECK(doc["commands"][0]["meaning"].is_string());
}

TEST_CASE("trace: the device's own commands are rows, paired with the server's Status") {
  auto sessions = build({
      device_msg("1", "<Alert><CmdID>2</CmdID><Data>1201</Data></Alert>"
                      "<Alert><CmdID>3</CmdID><Data>1226</Data><Item><Meta><Type xmlns='syncml:metinf'>"
                      "com.microsoft:mdm.unenrollment.userrequest</Type><Format xmlns='syncml:metinf'>int</Format>"
                      "</Meta><Data>1</Data></Item></Alert>"
                      "<Replace><CmdID>4</CmdID><Item><Source><LocURI>./DevInfo/DevId</LocURI></Source><Data>dev</Data></Item>"
                      "<Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Data>en-US</Data></Item></Replace>"
                      "<Alert><CmdID>5</CmdID><Data>1222</Data></Alert>"),
      server_msg("1", "<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>"
                      "<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Alert</Cmd><Data>200</Data></Status>"
                      "<Status><CmdID>3</CmdID><CmdRef>3</CmdRef><Cmd>Alert</Cmd><Data>200</Data></Status>"
                      "<Status><CmdID>4</CmdID><MsgRef>1</MsgRef><CmdRef>4</CmdRef><Cmd>Replace</Cmd>"
                      "<SourceRef>DevInfo/Lang</SourceRef><Data>405</Data></Status>"
                      "<Status><CmdID>5</CmdID><MsgRef>1</MsgRef><CmdRef>5</CmdRef><Cmd>Alert</Cmd><Data>200</Data></Status>"
                      "<Status><CmdID>6</CmdID><MsgRef>1</MsgRef><CmdRef>9</CmdRef><Cmd>Alert</Cmd><Data>404</Data></Status>"
                      "<Get><CmdID>7</CmdID><Item><Target><LocURI>./DevInfo/Man</LocURI></Target></Item></Get>"),
      device_msg("2", "<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>7</CmdRef><Cmd>Get</Cmd><Data>200</Data></Status>"
                      "<Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>7</CmdRef><Item><Source><LocURI>./DevInfo/Man</LocURI>"
                      "</Source><Data>C</Data></Item></Results>"),
      server_msg("2", "<Status><CmdID>1</CmdID><MsgRef>2</MsgRef><CmdRef>2</CmdRef><Cmd>Results</Cmd><Data>200</Data></Status>"),
  });
  REQUIRE(sessions.size() == 1);
  const auto& rows = sessions[0].rows;
  // 1201, 1226, two Replace items, the unpaired Status for CmdRef 9, the server's Get; no row
  // for 1222, for the device's Status and Results, or for the server's Status on the Results.
  REQUIRE(rows.size() == 6);
  for (std::size_t i = 0; i < 5; ++i) CHECK(rows[i].from == trace::Side::client);
  CHECK(rows[5].from == trace::Side::server);
  CHECK(rows[0].cmd == "Alert");
  CHECK(rows[0].data == "1201");
  CHECK(rows[0].status == 200);
  CHECK(rows[1].type == "com.microsoft:mdm.unenrollment.userrequest");
  CHECK(rows[1].format == "int");
  CHECK(rows[1].data == "1226 1");
  CHECK(rows[1].status == 200);  // MsgRef left out: the device's last message
  CHECK(rows[2].target == "./DevInfo/DevId");
  CHECK_FALSE(rows[2].status.has_value());  // the Status names the other item (SourceRef)
  CHECK(rows[3].target == "./DevInfo/Lang");
  CHECK(rows[3].status == 405);
  CHECK(trace::failed(rows[3]));
  CHECK(rows[4].unpaired);
  CHECK(rows[4].cmd_id == "9");
  CHECK(rows[4].status == 404);
  CHECK(rows[5].cmd == "Get");
  CHECK(rows[5].status == 200);
  REQUIRE(rows[5].results.size() == 1);

  std::string text = trace::text(sessions[0], {}, {});
  CHECK(text.find("  1/3    device Alert com.microsoft:mdm.unenrollment.userrequest (int) 1226 1  -> 200 OK\n") !=
        std::string::npos);
  CHECK(text.find("  1/4    device Replace ./DevInfo/Lang en-US  -> 405 ") != std::string::npos);
  CHECK(text.find("  1/7    Get      ./DevInfo/Man  -> 200 OK\n") != std::string::npos);
  auto doc = nlohmann::json::parse(trace::json(sessions[0], {}, false));
  CHECK(doc["commands"][1]["from"] == "device");
  CHECK(doc["commands"][1]["type"] == "com.microsoft:mdm.unenrollment.userrequest");
  CHECK(doc["commands"][5]["from"] == "server");
  CHECK(doc["commands"][5]["type"] == "");
  auto line = nlohmann::json::parse(trace::jsonl(sessions[0], {}).substr(0, trace::jsonl(sessions[0], {}).find('\n')));
  CHECK(line["from"] == "device");
  CHECK(line["cmd_id"] == "2");
  // --grep reaches the device's rows by their nodes.
  trace::Filter lang{false, "", "./DevInfo/L*"};
  CHECK(trace::wanted(rows[3], lang));
  CHECK_FALSE(trace::wanted(rows[2], lang));
}

namespace {

struct Split {
  std::vector<trace::Record> records;
  std::vector<trace::Note> notes;
};

Split split(const std::string& bytes) {
  Split out;
  auto source = trace::string_source(bytes, "m.bin");
  trace::ReadOptions o;
  o.format = trace::CaptureFormat::messages;
  trace::read_capture(*source, o, [&](trace::Record&& r) { out.records.push_back(std::move(r)); },
                      [&](const trace::Note& n) { out.notes.push_back(n); });
  return out;
}

// <SyncML><SyncHdr><MsgID>N</MsgID></SyncHdr></SyncML> in WBXML (SyncML 1.2, no string table).
std::string wbxml_message(char msg_id) {
  return std::string("\x02\xA4\x01\x6A\x00\x6D\x6C\x5B\x03", 9) + msg_id + std::string("\x00\x01\x01\x01", 4);
}

}  // namespace

TEST_CASE("trace: WBXML messages one after another are split where each document ends") {
  std::string a = wbxml_message('1'), b = wbxml_message('2'), c = wbxml_message('3');
  auto three = split(a + b + "\r\n" + c);
  REQUIRE(three.records.size() == 3);
  CHECK(three.notes.empty());
  CHECK(three.records[0].body == a);
  CHECK(three.records[1].body == b);
  CHECK(three.records[2].body == c);
  CHECK(three.records[1].place == "m.bin: message 2 (offset " + std::to_string(a.size()) + ")");
  CHECK(three.records[2].place == "m.bin: message 3 (offset " + std::to_string(a.size() + b.size() + 2) + ")");

  // One document alone is handed over whole, as before.
  auto one = split(a);
  REQUIRE(one.records.size() == 1);
  CHECK(one.records[0].place == "m.bin");

  // XML and WBXML mixed.
  std::string xml = "<SyncML><SyncHdr><MsgID>9</MsgID></SyncHdr></SyncML>\n";
  auto mixed = split(xml + a + xml);
  REQUIRE(mixed.records.size() == 3);
  CHECK(mixed.records[1].body == a);
  CHECK(mixed.records[2].body == xml.substr(0, xml.size() - 1));

  // The second document cut short: a note with the offset where it ends, the first kept.
  auto cut = split(a + b.substr(0, b.size() - 2));
  REQUIRE(cut.records.size() == 1);
  REQUIRE(cut.notes.size() == 1);
  CHECK(cut.notes[0].place == "m.bin");
  CHECK(cut.notes[0].text == "offset " + std::to_string(a.size() + b.size() - 2) + ": message 2 (from offset " +
                                 std::to_string(a.size()) + "): truncated: input ends inside 2 open elements; skipped");

  // Bytes after the last document that are none.
  auto junk = split(a + b + "\xFF\xFE");
  REQUIRE(junk.records.size() == 2);
  REQUIRE(junk.notes.size() == 1);
  CHECK(junk.notes[0].text == "offset " + std::to_string(a.size() + b.size()) + ": 2 bytes after message 2 that are not a message; skipped");
}

TEST_CASE("trace: the walks of a file's WBXML documents share one string-table budget") {
  // <SyncML> with `refs` references to a 199-byte string of its table.
  auto doc = [](std::size_t refs) {
    std::string table(199, 'a');
    table += '\0';
    std::string d = std::string("\x02\xA4\x01\x6A", 4);
    wbxml::put_mb_u_int32(d, static_cast<std::uint32_t>(table.size()));
    d += table;
    d += '\x6D';
    for (std::size_t i = 0; i < refs; ++i) d += std::string("\x83\x00", 2);
    d += '\x01';
    return d;
  };
  // Each within what its decoder allows (64 times its size plus 1 KiB): all are found.
  std::string fine;
  for (int i = 0; i < 20; ++i) fine += doc(400);
  auto ok = split(fine);
  CHECK(ok.records.size() == 20);
  CHECK(ok.notes.empty());
  // Each beyond it: alone, a walk would have the rest of the file as its limit and pass; together
  // they run out well before the end, and the rest is a note.
  std::string heavy;
  for (int i = 0; i < 20; ++i) heavy += doc(2000);
  auto cut = split(heavy);
  CHECK(cut.records.size() < 18);
  REQUIRE(cut.notes.size() == 1);
  CHECK(cut.notes[0].text.find("string table references would expand") != std::string::npos);
}
