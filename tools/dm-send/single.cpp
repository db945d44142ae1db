// dm-send with one package: send it (answering one authentication challenge), print the reply.
#include <unistd.h>

#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/exit_codes.hpp"
#include "common/input_note.hpp"
#include "common/messages.hpp"
#include "common/output.hpp"
#include "dm_send.hpp"
#include "syncmldm/codec/codec.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/util/error.hpp"

namespace dm_send {

namespace {

using syncmldm::Error;
using syncmldm::ErrorKind;
namespace net = syncmldm::net;
namespace session = syncmldm::session;

// The package to send as XML: any input form the toolkit reads (XML, WBXML, hex, Base64, an
// HTTP capture), WBXML decoded.
std::string read_package(const Options& o, const session::Codec& codec) {
  auto payload = syncmldm::input::load(o.input, syncmldm::input::parse_format(o.input_format.format));
  tools::note_input_encoding("dm-send", o.input, payload.encoding);
  if (payload.payload == syncmldm::input::Format::wbxml) return codec.decode(payload.bytes);
  return std::move(payload.bytes);
}

// --offline: the request as it would go on the wire, credentials masked.
int print_offline(const Options& o, const session::Codec& codec, const std::string& package) {
  auto refuse = [](const std::string&, std::string_view, std::string_view,
                   const std::vector<std::string>&) -> net::HttpResponse {
    throw Error(ErrorKind::usage, "--offline sends nothing");
  };
  session::Channel channel(refuse, credentials(o), o.wbxml, codec);
  session::Request request = channel.prepare(package);
  std::vector<std::string> headers = o.headers;
  headers.insert(headers.end(), request.headers.begin(), request.headers.end());
  std::string head =
      net::mask_secrets(net::request_head(o.url, request.content_type, request.body.size(), headers, o.user_agent));
  if (o.wbxml) {
    // Binary, so refused on a terminal without --force; the Cred is masked before encoding.
    tools::write_output(o.output, head + codec.encode(net::mask_secrets(request.xml)), true);
  } else {
    std::string text = head + net::mask_secrets(request.xml);
    if (!text.empty() && text.back() != '\n') text += '\n';
    tools::write_output(o.output, text, false);
  }
  return tools::kExitOk;
}

// The -v line of one exchange.
void verbose_line(const session::Exchange& ex, const session::ReplySummary* reply) {
  if (tools::verbosity() < 1) return;
  fmt::print(stderr, "{}: > {} bytes {}\n", kTool, ex.request_body.size(), ex.request_content_type);
  if (reply)
    fmt::print(stderr, "{}: < HTTP {} MsgID {}: header {}, {} commands, {} statuses ({} failed), {} results{}, {} bytes, {} ms\n",
               kTool, ex.response.status, reply->msg_id, reply->header_status.code, reply->commands, reply->statuses,
               reply->failed_statuses, reply->results, reply->final ? ", Final" : "", ex.response.body.size(),
               ex.response.elapsed.count() / 1000);
  else
    fmt::print(stderr, "{}: < HTTP {}: {} bytes, {} ms\n", kTool, ex.response.status, ex.response.body.size(),
               ex.response.elapsed.count() / 1000);
}

// What the server said when the exchange failed on the way: shown, decoded when it is SyncML.
void show_failed_reply(const Error& e, const std::optional<session::Exchange>& last) {
  if (last) verbose_line(*last, nullptr);
  if (e.kind() != ErrorKind::transport || !last || last->response.body.empty()) return;
  std::string shown = last->reply_xml.empty() ? session::shown_body(last->response.body) : last->reply_xml;
  std::fwrite(shown.data(), 1, shown.size(), stdout);
  if (!shown.empty() && shown.back() != '\n') std::fputc('\n', stdout);
}

struct Totals {
  int messages_sent = 0;
  std::size_t bytes_sent = 0, bytes_received = 0;
  long long ms = 0;
};

void print_json(const Options& o, const Totals& totals, const session::PackageReply& reply) {
  nlohmann::json j;
  j["messages_sent"] = totals.messages_sent;
  j["bytes_sent"] = totals.bytes_sent;
  j["bytes_received"] = totals.bytes_received;
  j["http_status"] = reply.exchange.response.status;
  j["header_status"] = reply.summary ? reply.summary->header_status.code : 0;
  j["statuses"] = reply.summary ? reply.summary->status_codes : std::map<std::string, int>{};
  j["time_ms"] = totals.ms;
  print_write_out(o, j.dump());
}

// The reply as printed: --indent or --compact, else indented for a reader at a terminal and as
// received (WBXML decoded, indented) for a program. XML that does not parse stays as it came.
std::string laid_out(const Options& o, const std::string& xml) {
  bool terminal = (o.output.path.empty() || o.output.path == "-") && ::isatty(STDOUT_FILENO) == 1;
  if (!o.indent && !o.compact && !terminal) return xml;
  syncmldm::codec::DecodeOptions layout;
  layout.indent = o.compact ? -1 : 2;
  layout.xml_declaration = xml.starts_with("<?xml");
  try {
    return syncmldm::codec::reformat_xml(xml, "reply", layout);
  } catch (const Error&) {
    return xml;
  }
}

}  // namespace

int run_single(const Options& o) {
  session::Codec codec = make_codec();
  std::string package = read_package(o, codec);
  session::summarize(package, o.input);  // rejects what is not SyncML before anything is sent
  if (o.offline) return print_offline(o, codec, package);

  Trace trace(o.trace);
  Har har(o.har);
  Totals totals;
  std::optional<session::Exchange> last;
  session::Channel channel(http_options(o), credentials(o), o.wbxml, codec);
  channel.observer = [&](const session::Exchange& ex) {
    trace.write(ex);
    har.write(ex);
    last = ex;
    totals.messages_sent++;
    totals.bytes_sent += ex.request_body.size();
    totals.bytes_received += ex.response.body.size();
    totals.ms += ex.response.elapsed.count() / 1000;
  };
  std::optional<session::PackageReply> reply;
  try {
    reply = session::send_package(channel, o.url, package, verbose_line);
  } catch (const Error& e) {
    // A refused authentication was a reply like any other; anything else broke an exchange.
    if (e.kind() != ErrorKind::auth) show_failed_reply(e, last);
    throw;
  }
  if (reply->summary) save_nonce(o, channel.credentials());
  std::string shown = laid_out(o, reply->exchange.reply_xml);
  if (!shown.empty() && shown.back() != '\n') shown += '\n';
  tools::write_output(o.output, shown, false);
  if (o.write_out == "json") print_json(o, totals, *reply);
  if (o.fail_on_status && reply->summary && reply->summary->failed_statuses > 0) return tools::kExitFindings;
  return tools::kExitOk;
}

}  // namespace dm_send
