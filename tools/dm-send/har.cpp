// --har: the session as HAR 1.2, entry by entry. Secrets are masked as --trace masks them
// (net::mask_secrets): header values, and Cred Data, which in a WBXML request means the
// masked message encoded again.
#include <chrono>

#include "dm-send/dm_send.hpp"
#include "syncmldm/trace/har.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/version.hpp"

namespace dm_send {

using namespace syncmldm;

struct Har::Writer {
  trace::HarWriter har;
  session::Codec codec = make_codec();
};

Har::Har(const std::string& path) {
  if (path.empty()) return;
  if (path == "-") {
    out_ = stdout;
  } else {
    out_ = std::fopen(path.c_str(), "w");
    if (!out_) throw Error(ErrorKind::io, "cannot write the HAR file", {path});
    owned_ = true;
  }
  std::FILE* out = out_;
  writer_ = std::make_unique<Writer>(Writer{trace::HarWriter(
      [out](std::string_view piece) {
        std::fwrite(piece.data(), 1, piece.size(), out);
        std::fflush(out);
      },
      kTool, syncmldm::kVersion)});
}

Har::~Har() {
  if (writer_) writer_->har.finish();
  if (owned_) std::fclose(out_);
}

void Har::write(const session::Exchange& ex) {
  if (!writer_) return;
  trace::HarEntry e;
  e.elapsed = ex.response.elapsed;
  e.started = std::chrono::system_clock::now() - ex.response.elapsed;
  e.url = ex.url;
  std::string head = ex.response.raw_request_headers;
  if (head.empty()) head = net::request_head(ex.url, ex.request_content_type, ex.request_body.size(), {});
  e.request = trace::parse_head(net::mask_secrets(head));
  if (e.request.content_type.empty()) e.request.content_type = ex.request_content_type;
  bool wbxml = net::media_type(ex.request_content_type) == net::kWbxmlMediaType;
  if (wbxml && !ex.request_xml.empty()) {
    std::string masked = net::mask_secrets(ex.request_xml);
    e.request.body = masked == ex.request_xml ? ex.request_body : writer_->codec.encode(masked);
  } else {
    e.request.body = net::mask_secrets(ex.request_body);
  }
  e.response = trace::parse_head(net::mask_secrets(ex.response.raw_response_headers));
  if (e.response.content_type.empty()) e.response.content_type = ex.response.content_type;
  if (e.response.start_line.empty()) e.response.start_line = "HTTP/1.1 " + std::to_string(ex.response.status);
  bool reply_wbxml = net::media_type(ex.response.content_type) == net::kWbxmlMediaType;
  e.response.body = reply_wbxml ? ex.response.body : net::mask_secrets(ex.response.body);
  writer_->har.add(e);
}

}  // namespace dm_send
