// Fuzz target: the client session driver, fed canned server replies instead of a network. The
// input is a list of replies separated by "\n--\n"; the first byte of each picks the HTTP status
// and Content-Type, the rest is the body. The first byte of the input also picks the
// authentication scheme (bits 4-5), WBXML requests (bit 6) and an https:// server URL (bit 7). Whatever the server says, the session must end with a result or an
// Error, and the tree it leaves must save and load again (what dm-send --session writes). Every
// message must go where a RespURI may lead: the server's host (never from https down to http)
// or, over https, the one other host allowed.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/codec/codec.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/net/session.hpp"
#include "syncmldm/tree/tnds.hpp"
#include "syncmldm/tree/tree.hpp"

#include "standard_schema.hpp"

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Whether a message may go to `url` (as follow_resp_uri writes URLs: libcurl's normal form).
bool allowed_url(std::string_view url, bool started_https) {
  std::size_t colon = url.find("://");
  if (colon == std::string_view::npos) return false;
  std::string scheme = lower(url.substr(0, colon));
  std::string_view authority = url.substr(colon + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string host = lower(authority.substr(0, authority.rfind(':')));
  if (authority.find(':') == std::string_view::npos) host = lower(authority);
  if (scheme == "https") return host == "device.test" || host == "allowed.test";
  return scheme == "http" && !started_https && host == "device.test";
}

std::vector<std::string_view> split_replies(std::string_view input) {
  std::vector<std::string_view> replies;
  constexpr std::string_view kSeparator = "\n--\n";
  for (;;) {
    std::size_t at = input.find(kSeparator);
    replies.push_back(input.substr(0, at));
    if (at == std::string_view::npos) break;
    input.remove_prefix(at + kSeparator.size());
  }
  return replies;
}

syncmldm::net::HttpResponse canned_reply(std::string_view reply) {
  static constexpr long kStatuses[] = {200, 200, 401, 500};
  static constexpr std::string_view kTypes[] = {"application/vnd.syncml.dm+xml", "application/vnd.syncml.dm+wbxml",
                                                "text/html", ""};
  syncmldm::net::HttpResponse r;
  unsigned char selector = reply.empty() ? 0 : static_cast<unsigned char>(reply[0]);
  if (!reply.empty()) reply.remove_prefix(1);
  r.status = kStatuses[(selector >> 2) & 3];
  r.content_type = std::string(kTypes[selector & 3]);
  if (!r.content_type.empty()) r.headers.emplace_back("Content-Type", r.content_type);
  r.body = std::string(reply);
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace session = syncmldm::session;
  using syncmldm::auth::Scheme;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> replies = split_replies(input);
  std::size_t next = 0;
  bool https = size && (data[0] & 0x80);
  auto transport = [&](const std::string& url, std::string_view, std::string_view,
                       const std::vector<std::string>&) -> syncmldm::net::HttpResponse {
    if (!allowed_url(url, https)) __builtin_trap();  // a RespURI led the credentials astray
    if (next == replies.size()) throw syncmldm::Error(syncmldm::ErrorKind::transport, "no more canned replies");
    return canned_reply(replies[next++]);
  };
  session::Codec codec;
  codec.encode = [](std::string_view xml) { return syncmldm::codec::xml_to_wbxml(xml, "request", {}); };
  codec.decode = [](std::string_view wbxml) { return syncmldm::codec::wbxml_to_xml(wbxml, "reply", {}); };
  session::Credentials credentials;
  static constexpr Scheme kSchemes[] = {Scheme::none, Scheme::basic, Scheme::md5, Scheme::hmac};
  credentials.scheme = kSchemes[size ? (data[0] >> 4) & 3 : 0];
  credentials.user = "device";
  credentials.password = "secret";
  credentials.nonce = "MTIzNDU2Nzg5MA==";
  bool wbxml = size && (data[0] & 0x40);
  session::Channel channel(session::Channel::Transport(transport), credentials, wbxml, codec);

  auto tree = syncmldm::tree::make_standard_tree({}, standard_schema(), "20260101T000000Z");
  session::ClientOptions options;
  options.url = https ? "https://device.test/dm" : "http://device.test/dm";
  options.respuri_hosts = {"allowed.test"};
  options.session_id = "1";
  options.now = "20260101T000000Z";
  options.max_rounds = 6;
  options.max_messages = 24;
  try {
    (void)session::run_client(channel, tree, options);
  } catch (const syncmldm::Error&) {
  }
  try {
    (void)syncmldm::tnds::read_state(syncmldm::tnds::write_state(tree), "saved.tnds");
  } catch (const syncmldm::Error&) {
    __builtin_trap();  // the session left a tree that does not load again
  }
  return 0;
}
