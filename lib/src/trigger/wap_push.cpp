// The WSP push PDU (connectionless WAP Push) around package 0.
#include "syncmldm/trigger/wap_push.hpp"

#include <fmt/format.h>

#include "syncmldm/trigger/trigger.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm::trigger {

namespace {

constexpr unsigned char kPushPdu = 0x06;
constexpr unsigned kNotificationCode = 0x44;       // well-known content type
constexpr unsigned char kAppIdHeader = 0x2F | 0x80;  // X-WAP-Application-ID
constexpr unsigned kSyncmlDmAppId = 0x07;           // x-wap-application:syncml.dm
constexpr std::string_view kSyncmlDmAppName = "x-wap-application:syncml.dm";

struct Reader {
  std::string_view b;
  std::size_t pos;
  const std::string& source;

  [[noreturn]] void fail(std::string message, std::size_t at) const {
    throw Error(ErrorKind::input, std::move(message), Location{source, at});
  }
  unsigned char byte(std::string_view what) {
    if (pos >= b.size()) fail(fmt::format("push PDU ends before its {}", what), pos);
    return static_cast<unsigned char>(b[pos++]);
  }
  // A uintvar: 7 bits per byte, the high bit says more follow; at most 5 bytes (32 bits).
  std::size_t uintvar(std::string_view what) {
    std::size_t start = pos, value = 0;
    for (int i = 0; i < 5; ++i) {
      unsigned char c = byte(what);
      value = value << 7 | (c & 0x7F);
      if (!(c & 0x80)) return value;
    }
    fail(fmt::format("the {} is not a valid uintvar (more than 5 bytes)", what), start);
  }
  // A NUL-terminated text string.
  std::string text(std::string_view what, std::size_t end) {
    std::size_t start = pos, nul = b.find('\0', pos);
    if (nul == std::string_view::npos || nul >= end) fail(fmt::format("the {} text has no end", what), start);
    pos = nul + 1;
    return std::string(b.substr(start, nul - start));
  }
};

// Content-Type: a well-known code, a text, or the general form (length, then either of those).
std::string content_type(Reader& r, std::size_t end) {
  std::size_t start = r.pos;
  unsigned char c = r.byte("content type");
  auto named = [](unsigned code) {
    return code == kNotificationCode ? std::string(kMediaType) : fmt::format("content type code 0x{:02X}", code);
  };
  if (c & 0x80) return named(c & 0x7F);
  if (c >= 0x20) {
    r.pos = start;
    return r.text("content type", end);
  }
  std::size_t length = c == 31 ? r.uintvar("content type length") : c;
  if (length > end - r.pos) r.fail(fmt::format("the content type's length {} runs past the headers", length), start);
  std::size_t value_end = r.pos + length;
  unsigned char m = r.byte("media type");
  std::string type;
  if (m & 0x80) {
    type = named(m & 0x7F);
  } else {
    --r.pos;
    type = r.text("media type", value_end);
  }
  r.pos = value_end;  // parameters are skipped
  return type;
}

}  // namespace

std::string wrap_push(std::string_view message) {
  std::string out = {0x01, static_cast<char>(kPushPdu), 0x03, static_cast<char>(kNotificationCode | 0x80),
                     static_cast<char>(kAppIdHeader), static_cast<char>(kSyncmlDmAppId | 0x80)};
  out += message;
  return out;
}

bool looks_like_push(std::string_view bytes) {
  if (bytes.size() < 4 || static_cast<unsigned char>(bytes[1]) != kPushPdu) return false;
  std::string unused;
  try {
    PushPdu pdu = unwrap_push(bytes, unused);
    return pdu.content_type == kMediaType;
  } catch (const Error&) {
    return false;
  }
}

PushPdu unwrap_push(std::string_view bytes, const std::string& source) {
  Reader r{bytes, 0, source};
  r.byte("transaction id");
  std::size_t type_at = r.pos;
  unsigned char type = r.byte("PDU type");
  if (type != kPushPdu) r.fail(fmt::format("PDU type 0x{:02X} is not a push PDU (0x06)", type), type_at);
  std::size_t length_at = r.pos;
  std::size_t headers = r.uintvar("headers length");
  if (headers > bytes.size() - r.pos)
    r.fail(fmt::format("the headers length {} runs past the end: {} bytes follow", headers, bytes.size() - r.pos),
           length_at);
  std::size_t end = r.pos + headers;
  PushPdu pdu;
  std::size_t type_start = r.pos;
  pdu.content_type = content_type(r, end);
  if (pdu.content_type != kMediaType)
    r.fail(fmt::format("the push PDU carries {}, not {}", pdu.content_type, kMediaType), type_start);
  // The one header this toolkit cares for; others are skipped with the rest of the headers.
  if (r.pos + 1 < end && static_cast<unsigned char>(bytes[r.pos]) == kAppIdHeader) {
    ++r.pos;
    unsigned char v = static_cast<unsigned char>(bytes[r.pos]);
    if (v & 0x80) {
      ++r.pos;
      pdu.application_id = (v & 0x7F) == kSyncmlDmAppId ? std::string(kSyncmlDmAppName)
                                                         : fmt::format("application id 0x{:02X}", v & 0x7F);
    } else if (v >= 0x20) {
      pdu.application_id = r.text("application id", end);
    }
  }
  pdu.body_offset = end;
  pdu.body = std::string(bytes.substr(end));
  return pdu;
}

}  // namespace syncmldm::trigger

namespace syncmldm::trigger {

Received receive(std::string_view bytes, const std::string& source) {
  Received r;
  if (looks_like_push(bytes)) {
    r.push = unwrap_push(bytes, source);
    r.message = r.push->body;
  } else {
    r.message = std::string(bytes);
    // Neither a good push PDU nor a good message, but shaped like a push PDU (type byte 0x06):
    // what is wrong with the PDU is the more useful message.
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[1]) == kPushPdu) {
      try {
        (void)parse(r.message, source);
      } catch (const Error&) {
        unwrap_push(bytes, source);  // throws: looks_like_push said it is not a notification PDU
        throw;
      }
    }
  }
  try {
    r.notification = parse(r.message, source);
  } catch (const Error& e) {
    if (!r.push || !e.where().offset) throw;
    Location at = e.where();
    at.offset = *at.offset + r.push->body_offset;  // offsets count from the start of the PDU
    throw Error(e.kind(), e.message() + fmt::format(" (offset {} of the message)", *e.where().offset), at);
  }
  return r;
}

}  // namespace syncmldm::trigger
