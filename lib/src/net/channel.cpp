// One client's message channel: credentials, encoding, posting, decoding the reply.
#include <string>

#include "syncmldm/util/error.hpp"
#include "syncmldm/net/session.hpp"

namespace syncmldm::session {

namespace {

bool looks_like_xml(std::string_view body) {
  std::size_t i = 0;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) ++i;
  return i < body.size() && body[i] == '<';
}

std::string short_type(const std::string& content_type) {
  return content_type.empty() ? std::string("no Content-Type") : "Content-Type " + content_type;
}

}  // namespace

Channel::Channel(net::HttpOptions http, Credentials credentials, bool wbxml, Codec codec)
    : http_(std::make_unique<net::HttpClient>(std::move(http))),
      credentials_(std::move(credentials)),
      wbxml_(wbxml),
      codec_(std::move(codec)) {
  net::HttpClient* client = http_.get();
  transport_ = [client](const std::string& url, std::string_view type, std::string_view body,
                        const std::vector<std::string>& extra) { return client->post(url, type, body, extra); };
}

Channel::Channel(Transport transport, Credentials credentials, bool wbxml, Codec codec)
    : transport_(std::move(transport)), credentials_(std::move(credentials)), wbxml_(wbxml), codec_(std::move(codec)) {}

Channel::~Channel() { auth::wipe(credentials_.password); }

std::string Channel::add_credentials(const std::string& xml) const {
  const Credentials& c = credentials_;
  if (c.authenticated) return without_credentials(xml);
  switch (c.scheme) {
    case auth::Scheme::basic:
      return with_credentials(xml, c.user, auth::scheme_meta_type(c.scheme), auth::basic_cred(c.user, c.password));
    case auth::Scheme::md5:
      // Before the first challenge there may be no nonce: send no Cred and let the server ask.
      if (!c.nonce) return xml;
      return with_credentials(xml, c.user, auth::scheme_meta_type(c.scheme),
                              auth::md5_cred(c.user, c.password, auth::nonce_octets(*c.nonce, c.nonce_form)));
    case auth::Scheme::hmac:
    case auth::Scheme::none: break;
  }
  return xml;
}

void Channel::note_header_status(const HeaderStatus& status) {
  if (status.next_nonce) credentials_.nonce = status.next_nonce;
  // 212: authenticated for the rest of the session (HMAC never uses it: every message is signed).
  if (status.code == 212 && credentials_.scheme != auth::Scheme::hmac) credentials_.authenticated = true;
}

Request Channel::prepare(const std::string& xml) const {
  Request r;
  r.xml = add_credentials(xml);
  if (wbxml_) {
    if (!codec_.encode) throw Error(ErrorKind::usage, "WBXML encoding is not available in this build");
    r.body = codec_.encode(r.xml);
    r.content_type = std::string(net::kWbxmlMediaType);
  } else {
    r.body = r.xml;
    r.content_type = std::string(net::kXmlMediaType);
  }
  const Credentials& c = credentials_;
  if (c.scheme == auth::Scheme::hmac && c.nonce) {
    // The mac covers the exact bytes that go on the wire.
    std::string mac = auth::hmac_mac(c.user, c.password, auth::nonce_octets(*c.nonce, c.nonce_form), r.body);
    r.headers.push_back("x-syncml-hmac: " + auth::hmac_header_value(c.user, mac));
  }
  return r;
}

Exchange Channel::send(const std::string& url, const std::string& xml) {
  Request request = prepare(xml);
  Exchange ex;
  ex.url = url;
  ex.request_xml = std::move(request.xml);
  ex.request_body = std::move(request.body);
  ex.request_content_type = std::move(request.content_type);
  std::vector<std::string>& extra = request.headers;
  ex.response = transport_(url, ex.request_content_type, ex.request_body, extra);

  const auto& resp = ex.response;
  std::string type = net::media_type(resp.content_type);
  bool body_empty = resp.body.find_first_not_of(" \t\r\n") == std::string::npos;
  if (!body_empty) {
    if (type == net::kWbxmlMediaType) {
      if (codec_.decode) {
        try {
          ex.reply_xml = codec_.decode(resp.body);
          ex.reply_is_syncml = true;
        } catch (const Error&) {
          if (resp.status >= 200 && resp.status < 300) {
            if (observer) observer(ex);
            throw;
          }
        }
      }
    } else if (type == net::kXmlMediaType || ((type.empty() || type == "text/xml" || type == "application/xml") &&
                                              looks_like_xml(resp.body))) {
      ex.reply_xml = resp.body;
      ex.reply_is_syncml = true;
    }
  }
  if (observer) observer(ex);
  if (resp.status < 200 || resp.status > 299)
    throw Error(ErrorKind::transport,
                "HTTP " + std::to_string(resp.status) + " from " + url + " (" + short_type(resp.content_type) + ", " +
                    std::to_string(resp.body.size()) + " bytes)");
  if (!body_empty && !ex.reply_is_syncml)
    throw Error(ErrorKind::input, "the reply from " + url + " is not SyncML (" + short_type(resp.content_type) + ", " +
                                      std::to_string(resp.body.size()) + " bytes)");
  return ex;
}

}  // namespace syncmldm::session
