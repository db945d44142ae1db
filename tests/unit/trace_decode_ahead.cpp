// Decoding on a second thread changes nothing the builder's user sees: the same sessions, the
// same notes, in the same order, whatever the capture holds.
#include <doctest/doctest.h>

#include <stdexcept>

#include "syncmldm/trace/capture.hpp"
#include "syncmldm/trace/render.hpp"
#include "syncmldm/trace/session.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "trace/decode_ahead.hpp"

using namespace syncmldm;

namespace {

// What a run prints, sessions and notes interleaved as they come.
struct Seen {
  std::string log;
  std::size_t messages = 0, skipped = 0;
};

// Builds sessions out of `records`, with `notes_between[i]` given as a reader's note before
// record i; each session rendered as text and JSON.
Seen run(const std::vector<trace::Record>& records, bool ahead, std::size_t every_note = 0) {
  Seen seen;
  trace::BuildOptions o;
  o.decode_ahead = ahead;
  trace::SessionBuilder b(
      o,
      [&](trace::Session&& s) {
        seen.log += trace::text(s, {}, {});
        seen.log += trace::json(s, {}, false);
      },
      [&](const trace::Note& n) { seen.log += "note " + n.place + ": " + n.text + "\n"; });
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (every_note && i % every_note == 0) b.note({"reader", "before record " + std::to_string(i)});
    trace::Record copy = records[i];
    b.add(std::move(copy));
  }
  b.finish();
  seen.messages = b.messages();
  seen.skipped = b.skipped();
  return seen;
}

std::vector<trace::Record> records_of(const std::string& path) {
  std::vector<trace::Record> out;
  auto source = trace::open_source(path);
  trace::read_capture(*source, {}, [&](trace::Record&& r) { out.push_back(std::move(r)); }, [](const trace::Note&) {});
  return out;
}

std::string sample_message(int session, int msg_id, bool server, const std::string& body) {
  std::string dev = "IMEI:" + std::to_string(1000 + session), url = "https://s/dm";
  return "<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>" +
         std::to_string(session) + "</SessionID><MsgID>" + std::to_string(msg_id) + "</MsgID><Target><LocURI>" +
         (server ? dev : url) + "</LocURI></Target><Source><LocURI>" + (server ? url : dev) +
         "</LocURI></Source></SyncHdr><SyncBody>" + body + "<Final/></SyncBody></SyncML>";
}

// Many sessions, interleaved, with bodies that are not messages among them and one large
// body: the ring wraps many times and its byte budget is passed.
std::vector<trace::Record> many_sessions() {
  std::vector<trace::Record> out;
  auto add = [&](std::string body, trace::Side side) {
    trace::Record r;
    r.body = std::move(body);
    r.side = side;
    r.place = "r" + std::to_string(out.size() + 1);
    r.ms = static_cast<double>(out.size() % 7);
    out.push_back(std::move(r));
  };
  for (int s = 0; s < 60; ++s) {
    add(sample_message(s, 1, false, "<Alert><CmdID>1</CmdID><Data>1201</Data></Alert>"), trace::Side::client);
    std::string data = s == 30 ? std::string(20u << 20, 'x') : "v" + std::to_string(s);
    add(sample_message(s, 1, true, "<Replace><CmdID>2</CmdID><Item><Target><LocURI>./Vendor/MSFT/X" + std::to_string(s) +
                                "</LocURI></Target><Data>" + data + "</Data></Item></Replace>"),
        trace::Side::server);
    if (s % 9 == 4) add("<html>not a message</html>", trace::Side::client);
    add(sample_message(s, 2, false, "<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Replace</Cmd><Data>" +
                                 std::string(s % 5 ? "200" : "405") + "</Data></Status>"),
        trace::Side::client);
    add(sample_message(s, 2, true, ""), trace::Side::server);
  }
  return out;
}

}  // namespace

TEST_CASE("trace decode ahead: the same sessions and notes, in the same order, as without the thread") {
  SUBCASE("captures of the tests, notes about their bodies among them") {
    for (const char* path : {"testdata/trace/bad-bodies.har", "testdata/trace/session-wbxml.har",
                             "testdata/trace/session-large.har", "testdata/trace/session-split.har"}) {
      CAPTURE(path);
      auto records = records_of(path);
      REQUIRE_FALSE(records.empty());
      Seen inline_run = run(records, false, 2), ahead = run(records, true, 2);
      CHECK(ahead.log == inline_run.log);
      CHECK(ahead.messages == inline_run.messages);
      CHECK(ahead.skipped == inline_run.skipped);
    }
  }
  SUBCASE("many sessions: the ring wraps and its byte budget is passed") {
    auto records = many_sessions();
    Seen inline_run = run(records, false, 5), ahead = run(records, true, 5);
    CHECK(inline_run.skipped == 7);
    CHECK(inline_run.log.find("note r") != std::string::npos);
    CHECK(ahead.log == inline_run.log);
    CHECK(ahead.messages == inline_run.messages);
    CHECK(ahead.skipped == inline_run.skipped);
  }
}

TEST_CASE("trace decode ahead: the ring itself: order, notes, flush and a sink that throws") {
  for (bool ahead : {false, true}) {
    CAPTURE(ahead);
    std::vector<std::string> order;
    trace::detail::DecodeAhead ring(
        false, ahead, [&](trace::detail::Decoded& d) { order.push_back(d.record.place + (d.not_a_message ? "!" : "")); },
        [&](const trace::Note& n) { order.push_back(n.place); });
    std::vector<std::string> expected;
    for (int i = 0; i < 300; ++i) {
      if (i % 7 == 0) {
        ring.note({"n" + std::to_string(i), ""});
        expected.push_back("n" + std::to_string(i));
      }
      trace::Record r;
      r.body = i % 11 == 0 ? "not xml" : sample_message(i, 1, true, "");
      r.place = "m" + std::to_string(i);
      ring.add(std::move(r));
      expected.push_back("m" + std::to_string(i) + (i % 11 == 0 ? "!" : ""));
    }
    ring.flush();
    CHECK(order == expected);
    ring.flush();  // nothing left: nothing happens
    CHECK(order.size() == expected.size());
  }
  // A sink that throws: the error comes out of add or flush, and the ring can still be destroyed.
  for (bool ahead : {false, true}) {
    CAPTURE(ahead);
    int handed = 0;
    bool thrown = false;
    {
      trace::detail::DecodeAhead ring(
          false, ahead,
          [&](trace::detail::Decoded&) {
            if (++handed == 3) throw std::runtime_error("sink");
          },
          [](const trace::Note&) {});
      try {
        for (int i = 0; i < 200; ++i) {
          trace::Record r;
          r.body = sample_message(i, 1, true, "");
          r.place = "m";
          ring.add(std::move(r));
        }
        ring.flush();
      } catch (const std::runtime_error&) {
        thrown = true;
      }
    }
    CHECK(thrown);
    CHECK(handed == 3);
  }
}
