#pragma once
// Sessions rebuilt from captured messages: grouped by SessionID and device (the device's
// Source LocURI), in capture order, each server command paired with the device's Status and
// Results across messages (MsgRef/CmdRef, TargetRef per Item), large objects (MoreData) joined
// into one command, multi-message packages (Alert 1222) followed. The commands the device sends
// unasked (its alerts, the DevInfo of package 1) are rows too, marked `from` the device and
// paired with the server's Status for them. A Status or Results whose
// command is not in the capture becomes a row of its own marked `unpaired`; a command no
// Status answers keeps an empty status. A session is handed over as soon as it has ended (the
// server's last package, which holds no command) and the rest when the capture ends, so memory
// holds the sessions still open, not the capture.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "syncmldm/trace/capture.hpp"
#include "syncmldm/validate/validate.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::trace {

struct ResultItem {
  std::string source;  // Source LocURI of the Results Item
  std::string format;  // its Meta Format, "" when absent
  std::string data;
};

// One command, per Item when it has several (one row per target): the server's, or one the
// device sent unasked (`from`).
struct Row {
  std::string msg_id, cmd_id;  // of the server message and command
  std::string cmd;             // "Get", "Replace", ... (the Status's Cmd for an unpaired row)
  std::string target;          // Item Target LocURI ("" for a command without one)
  std::string format;          // Item or command Meta Format
  std::string data;            // Item Data (Alert: the alert code), at most ReadOptions::max_data bytes
  bool data_cut = false;       // `data` was longer and is cut
  std::optional<int> status;   // the device's Status code
  std::optional<std::uint32_t> hresult;  // the Status Data's msft:originalerror
  std::vector<ResultItem> results;
  std::optional<double> ms;    // time of the exchange that carried the command
  bool unpaired = false;       // a Status/Results whose command the capture does not hold
  std::size_t message = 0;     // index in Session::messages of the message it was read from
  std::vector<validate::Diagnostic> findings;  // --validate: about this command
  // Who sent the command: the server (the device answers with Status and Results), or the
  // device unasked (Alert 1201/1224/1226, Replace of DevInfo in package 1; the server's Status
  // answers it). msg_id and cmd_id are then the device's.
  Side from = Side::server;
  std::string type;            // an Alert Item's Meta Type (a generic alert's event), "" otherwise
};

struct MessageInfo {
  std::string msg_id;
  Side side = Side::unknown;
  std::string place;
  std::size_t bytes = 0;       // the message as captured (WBXML or XML)
  bool wbxml = false;
  std::size_t commands = 0;
  std::optional<double> ms;
  std::optional<int> header_status;  // the Status this message gives the other side's SyncHdr
  std::vector<validate::Diagnostic> findings;  // --validate: about the message, not a command
};

struct Session {
  std::size_t number = 0;    // 1-based, in order of first appearance
  std::string session_id, device, server;
  std::vector<MessageInfo> messages;
  std::vector<Row> rows;
};

// A message decoded to XML, for --extract.
struct DecodedMessage {
  const Session* session;    // the session it belongs to (still being built)
  const MessageInfo* info;
  std::string_view xml;
};

struct BuildOptions {
  std::size_t max_data = std::size_t{1} << 20;  // Data kept per row
  std::size_t max_open_sessions = 4096;          // more open at once: the oldest is handed over
  bool validate = false;                         // run the validator on every message
  validate::Options validate_options;            // its direction is set per message
  // Decode bodies on a second thread while this one reads the capture and builds sessions.
  // What comes out is the same, in the same order; the callbacks still run on the caller's
  // thread. Messages held in between: 64 at most, 8 MB of bodies beyond the one at hand.
  bool decode_ahead = false;
};

class SessionBuilder {
 public:
  using SessionSink = std::function<void(Session&&)>;
  using MessageSink = std::function<void(const DecodedMessage&)>;

  SessionBuilder(BuildOptions options, SessionSink on_session, NoteSink notes, MessageSink on_message = {});
  ~SessionBuilder();
  SessionBuilder(const SessionBuilder&) = delete;
  SessionBuilder& operator=(const SessionBuilder&) = delete;

  // Decodes one record (XML, WBXML, or what the input layer unwraps); a body that is not a
  // SyncML message is a note and is skipped. With decode_ahead the record is taken in during
  // a later add() or note(), or finish().
  void add(Record&& record);
  // A note about the capture (a reader's NoteSink), given to `notes` in its place among the
  // records: after the notes about the records added before it.
  void note(const Note& note);
  // Hands over every session still open, in order of first appearance.
  void finish();

  std::size_t messages() const;  // messages taken so far
  std::size_t skipped() const;   // bodies skipped

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A row counts as failed when its status is not 1xx/2xx or it carries an HRESULT.
bool failed(const Row& row);

}  // namespace syncmldm::trace
SYNCMLDM_API_END
