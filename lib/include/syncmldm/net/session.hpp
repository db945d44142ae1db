#pragma once
// What a DM client needs to read and write around the commands of a message: credentials in the
// SyncHdr, the server's header Status with its challenge, and the bookkeeping of a session.
// The session driver itself (package 1, executing server packages, 1222, chunks) builds on these.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "syncmldm/auth/auth.hpp"

namespace syncmldm::message {
struct Message;
}

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::session {

// The part of a server reply that decides how authentication goes on.
struct HeaderStatus {
  int code = 0;                        // 200, 212, 401, 407, ... (0: no header Status found)
  std::optional<auth::Scheme> chal;    // scheme asked for in Chal, if a Chal came
  std::string chal_type;               // the Chal Meta Type as written (for messages)
  std::optional<std::string> next_nonce;  // NextNonce text as on the wire (Base64), if any
};

// Facts of a SyncML message a client acts on: the library's one reader of the Statuses in a
// message (the single package's reply, every reply of a session, the -v and JSON summaries).
struct ReplySummary {
  std::string session_id;
  std::string msg_id;
  std::string resp_uri;           // SyncHdr RespURI, "" when absent
  HeaderStatus header_status;     // the Status for the SyncHdr (CmdRef 0)
  bool final = false;
  int commands = 0;               // commands other than Status and Results
  int statuses = 0;
  int failed_statuses = 0;        // Status codes 400 and above
  int results = 0;
  std::map<std::string, int> status_codes;  // every Status, the header's included: code -> count
};
// From the message model (message::read).
ReplySummary summarize(const message::Message& message);
// Parses `xml` first. Throws Error{input} when it is not a SyncML message (wrong root, no
// SyncHdr/SyncBody); `source_name` is used in error locations.
ReplySummary summarize(std::string_view xml, const std::string& source_name);

// A header Status that asks for (other) credentials: 401 (missing or wrong) or 407 (missing).
constexpr bool is_challenge(int header_code) { return header_code == 401 || header_code == 407; }

// Returns `xml` with `loc_name` as SyncHdr/Source/LocName and a SyncHdr Cred of `meta_type`
// (Format b64) holding `data`. An existing LocName or Cred is replaced; everything else keeps
// its bytes. Throws Error{input} when `xml` has no SyncHdr/Source.
std::string with_credentials(std::string_view xml, std::string_view loc_name, std::string_view meta_type,
                             std::string_view data);
// Returns `xml` with no SyncHdr Cred (used when the server said 212).
std::string without_credentials(std::string_view xml);

// Offset just past the end of the element that starts at `start` (its '<') in well-formed XML.
std::size_t element_end(std::string_view xml, std::size_t start);

}  // namespace syncmldm::session

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "syncmldm/net/net.hpp"

namespace syncmldm::session {

// WBXML conversion supplied by the caller (the transport does not depend on the codec).
struct Codec {
  std::function<std::string(std::string_view xml)> encode;     // XML -> WBXML
  std::function<std::string(std::string_view wbxml)> decode;   // WBXML -> XML
};

// Credentials and the nonce state of one client.
struct Credentials {
  auth::Scheme scheme = auth::Scheme::none;
  std::string user;
  std::string password;                      // wiped by ~Channel
  auth::NonceForm nonce_form = auth::NonceForm::decoded;
  std::optional<std::string> nonce;          // current NextNonce as on the wire (Base64 text)
  bool authenticated = false;                // header Status 212 seen: stop sending Cred
};

// One request and its reply, as a trace shows them.
struct Exchange {
  std::string url;
  std::string request_xml;     // the message (XML) before any WBXML encoding
  std::string request_body;    // the bytes sent
  std::string request_content_type;
  net::HttpResponse response;
  std::string reply_xml;       // decoded reply ("" for an empty body or a non-SyncML reply)
  bool reply_is_syncml = false;
};

// A message made ready to post: credentials in (Cred, or the x-syncml-hmac header), encoded.
struct Request {
  std::string xml;                   // the message with its credentials, before any encoding
  std::string body;                  // the bytes that go on the wire
  std::string content_type;
  std::vector<std::string> headers;  // extra headers it needs ("Name: value")
};

// Sends messages of one client: adds credentials (Cred or x-syncml-hmac) for the current nonce,
// encodes to WBXML when asked, posts, decodes the reply by its Content-Type, and remembers the
// NextNonce of every challenge. Authentication decisions (retry, give up) stay with the caller.
class Channel {
 public:
  // What carries one request: url, Content-Type, body, extra headers -> the HTTP reply.
  using Transport = std::function<net::HttpResponse(const std::string& url, std::string_view content_type,
                                                    std::string_view body, const std::vector<std::string>& extra_headers)>;

  // Posts over HTTP(S) with one keep-alive connection.
  Channel(net::HttpOptions http, Credentials credentials, bool wbxml, Codec codec);
  // Posts through `transport` (canned replies for tests and fuzzing: no network).
  Channel(Transport transport, Credentials credentials, bool wbxml, Codec codec);
  ~Channel();

  // Posts `xml` (a SyncML message) to `url`. Throws Error{transport} for transport failures and
  // HTTP statuses outside 2xx (after the observer has seen the exchange), Error{input} when the
  // reply is not SyncML (Content-Type or content).
  Exchange send(const std::string& url, const std::string& xml);

  // The request send() would post for `xml` now, without posting it (dm-send --offline).
  Request prepare(const std::string& xml) const;

  // Called with every exchange, also failed ones that got an HTTP reply (for -v and --trace).
  std::function<void(const Exchange&)> observer;

  Credentials& credentials() { return credentials_; }
  const Credentials& credentials() const { return credentials_; }

  // Takes the header Status of a reply into account: a Chal's NextNonce becomes the nonce,
  // 212 ends Cred for the session (Basic and MD5). Returns the summary.
  void note_header_status(const HeaderStatus& status);

 private:
  std::string add_credentials(const std::string& xml) const;
  std::unique_ptr<net::HttpClient> http_;  // only when posting over HTTP
  Transport transport_;
  Credentials credentials_;
  bool wbxml_;
  Codec codec_;
};

// What a client does about a challenge (is_challenge) to a message it sent with `credentials`,
// after `retries` earlier retries of it: send it once more, or give up for `reason` (an
// Error{auth} for the caller). It retries only when the retry can differ from the refused
// message and may succeed: the scheme is the one the server asks for, and a challenge came (with
// its nonce) or Cred was left out after a 212.
struct RetryDecision {
  bool retry = false;
  std::string reason;  // when not retrying
};
RetryDecision decide_auth_retry(const HeaderStatus& status, const Credentials& credentials, int retries);

// One package sent as a client sends it alone (no session around it): posted, and sent once more
// when the reply's header Status is a challenge that decide_auth_retry answers with a retry. The
// last reply's header Status is noted on the channel (NextNonce, 212). Throws Error{auth} with
// the decision's reason, Error{input} when a reply is not SyncML, and what Channel::send throws.
// `on_reply` sees every exchange with its summary (nullptr when the reply body was empty).
struct PackageReply {
  Exchange exchange;                   // the last one
  std::optional<ReplySummary> summary; // of its reply; nullopt for an empty body
};
PackageReply send_package(Channel& channel, const std::string& url, const std::string& xml,
                          const std::function<void(const Exchange&, const ReplySummary*)>& on_reply = {});

// An exchange as a trace shows it: the URL, the request head and body, the reply's HTTP status
// with its time, head and body. Bodies as shown_body makes them; secrets masked (mask_secrets).
std::string trace_text(const Exchange& exchange);

// A body fit for a terminal: `xml` when there is one (a decoded WBXML reply), else the body when
// it is text (cut after 64 KiB), else its size in bytes.
std::string shown_body(std::string_view body, std::string_view xml = {});

}  // namespace syncmldm::session

// ------------------------------------------------------------------------------------------
// The client session driver: plays a DM client against a server over a Channel, executing every
// server package on a DM tree with device::apply.

namespace syncmldm::tree {
class Tree;
}

namespace syncmldm::session {

// Who is logged on, as the Windows 1224 LoginStatus alert says it.
enum class LoginStatus { user, others, none };
// "user", "others", "none".
std::string_view login_status_name(LoginStatus status);
std::optional<LoginStatus> parse_login_status(std::string_view name);

// A generic alert (1226) a device sends in package 1 beside 1201 and 1224, e.g. the unenrolment
// Windows announces: Type com.microsoft:mdm.unenrollment.userrequest, Format int, Mark critical, Data 1.
struct GenericAlert {
  std::string type;
  std::string format;
  std::string mark;
  std::string data;
};

struct ClientOptions {
  std::string url;                 // first request; a RespURI from the server replaces it
  std::string session_id;          // SyncHdr SessionID
  bool server_initiated = false;   // Alert 1200 instead of 1201
  std::optional<LoginStatus> login_status;  // adds the Windows 1224 alert
  bool login_status_format = true;  // its Meta Format chr (Windows 11 captures carry the Type only)
  int max_rounds = 50;             // server packages with commands before we abort with 1223
  std::string server_id;           // for ACL checks; "" = ACLs not enforced
  std::string now;                 // TStamp of changed nodes
  std::size_t max_messages = 1000; // hard stop for a server that never ends the session
  // Hosts other than the current one that a RespURI may lead to, over HTTPS only.
  std::vector<std::string> respuri_hosts;
  std::vector<GenericAlert> generic_alerts;  // 1226 alerts of package 1
  // Nodes package 1's Replace reports after ./DevInfo (an enrolled Windows device adds
  // ./Vendor/MSFT/DMClient/HWDevID); those the tree lacks are left out.
  std::vector<std::string> package1_nodes;
};

// The URL a client sends its next message to when the server names `resp_uri` (SyncHdr
// RespURI; a relative one is resolved against `current`). Followed only on the same host with the
// same scheme or HTTPS, or over HTTPS to one of `allowed_hosts`: credentials must not go to
// plain HTTP or to a host nobody named. Throws Error{transport} naming both URLs otherwise.
std::string follow_resp_uri(const std::string& current, const std::string& resp_uri,
                            const std::vector<std::string>& allowed_hosts);

// One message as -v shows it.
struct MessageEvent {
  bool outgoing = false;
  std::string msg_id;
  std::map<std::string, int> commands;   // element name -> count (Status and Results included)
  std::map<std::string, int> statuses;   // status code -> count
  int header_status = 0;                 // incoming: the server's Status for our header
  bool final = false;
  std::size_t bytes = 0;
  long long ms = 0;
};

// How a session ended.
enum class SessionEnd {
  completed,     // a server package without commands
  max_rounds,    // we aborted with 1223 after ClientOptions::max_rounds
  server_abort,  // the server sent 1223
  refused,       // a header Status other than 200, 212, 401 or 407 (SessionSummary::refused_code)
};
// "completed", "max-rounds", "server-abort", "refused".
std::string_view session_end_name(SessionEnd end);

struct SessionSummary {
  int messages_sent = 0;
  int messages_received = 0;
  int rounds = 0;                              // server packages that held commands
  std::map<std::string, int> commands_received;  // by element name
  std::map<std::string, int> statuses_sent;      // by code
  std::map<std::string, int> statuses_received;  // by code
  std::size_t bytes_sent = 0;
  std::size_t bytes_received = 0;
  long long ms = 0;
  SessionEnd end = SessionEnd::completed;
  int refused_code = 0;
  bool failed = false;          // some Status we sent is 400 or above
  std::vector<std::string> execs;  // URIs of accepted Exec commands
  std::size_t chunks_sent = 0;
  std::size_t chunks_received = 0;
};

// Runs a whole session. Throws Error{transport} / Error{input} / Error{auth} as Channel::send and
// the authentication rules say; the tree holds every change the server made when it returns.
SessionSummary run_client(Channel& channel, tree::Tree& tree, const ClientOptions& options,
                          const std::function<void(const MessageEvent&)>& on_message = {});

// Totals over the sessions of a run (dm-send --repeat).
struct SessionTotals {
  int sessions = 0;
  int completed = 0;
  int messages_sent = 0;
  int messages_received = 0;
  std::size_t bytes_sent = 0;
  std::size_t bytes_received = 0;
  std::map<std::string, int> ends;  // session_end_name -> count
  bool failed = false;              // some session sent a Status of 400 or above
  void add(const SessionSummary& summary);
};

// A SessionID for a new session: 1..9999 from the clock and the process id, so that two clients
// started together differ.
std::string fresh_session_id();
// The SessionID of session `k` (0-based) of a run whose first session has `first`: a numeric id
// counts up, any other id is used by every session.
std::string nth_session_id(const std::string& first, int k);

// Splits `text` into pieces of at most `size` bytes; with `b64`, sizes are rounded down to a
// multiple of 4 so that every piece decodes on its own.
std::vector<std::string> split_chunks(std::string_view text, std::size_t size, bool b64);

}  // namespace syncmldm::session
SYNCMLDM_API_END
