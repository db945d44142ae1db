#pragma once
// The WSP push PDU that carries package 0 over SMS (WAP Push, connectionless): transaction id,
// PDU type 0x06, the length of the headers, Content-Type application/vnd.syncml.notification
// (well-known code 0x44), X-WAP-Application-ID x-wap-application:syncml.dm (code 0x07), then
// the message.

#include <optional>
#include <string>
#include <string_view>

#include "syncmldm/trigger/trigger.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::trigger {

// 01 06 03 C4 AF 87 + message.
std::string wrap_push(std::string_view message);

// Whether `bytes` start like a push PDU whose content type is the notification type (by code
// or by name). A raw message (random digest first) almost never does.
bool looks_like_push(std::string_view bytes);

struct PushPdu {
  std::string content_type;     // "application/vnd.syncml.notification" or what the PDU names
  std::string application_id;   // "x-wap-application:syncml.dm" when the header says so, else ""
  std::size_t body_offset = 0;  // where the message starts in the PDU
  std::string body;
};

// Reads a push PDU. Throws Error{input} at the byte offset of the fault: not a push PDU type,
// a header length or content type running past the end, a content type that is not the
// notification type.
PushPdu unwrap_push(std::string_view bytes, const std::string& source);

// A package 0 as it arrives: the message itself, or a push PDU around it (recognised by
// looks_like_push). Errors in the message give their offset in `bytes`.
struct Received {
  std::optional<PushPdu> push;
  std::string message;  // the package 0 bytes (digest first)
  Notification notification;
};
Received receive(std::string_view bytes, const std::string& source);

}  // namespace syncmldm::trigger
SYNCMLDM_API_END
