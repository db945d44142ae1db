// --resolve HOST:PORT:ADDRESS entries, checked before libcurl sees them: libcurl would take a
// host name as the address and look it up, which is exactly what the option is there to avoid.
#include <arpa/inet.h>

#include <string>

#include "syncmldm/util/error.hpp"
#include "syncmldm/util/resolve_entry.hpp"

namespace syncmldm {

namespace {

bool literal_ip(std::string_view text) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (text.empty() || text.size() > 64) return false;
  std::string s(text);
  unsigned char buf[16];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

[[noreturn]] void refuse(std::string_view entry, const std::string& why) {
  throw Error(ErrorKind::usage, "\"" + std::string(entry) + "\": " + why + " (HOST:PORT:ADDRESS expected)");
}

}  // namespace

void check_resolve_entry(std::string_view entry) {
  auto first = entry.find(':');
  if (first == std::string_view::npos) refuse(entry, "no port");
  auto second = entry.find(':', first + 1);
  if (second == std::string_view::npos) refuse(entry, "no address");
  std::string_view host = entry.substr(0, first), port = entry.substr(first + 1, second - first - 1);
  std::string_view addresses = entry.substr(second + 1);
  if (host.empty() || host.size() > 253) refuse(entry, "no host name");
  for (char c : host)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'))
      refuse(entry, "the host name holds '" + std::string(1, c) + "'");
  unsigned long value = 0;
  for (char c : port) {
    if (c < '0' || c > '9' || value > 65535) refuse(entry, "the port is not a number from 1 to 65535");
    value = value * 10 + static_cast<unsigned long>(c - '0');
  }
  if (port.empty() || value == 0 || value > 65535) refuse(entry, "the port is not a number from 1 to 65535");
  if (addresses.empty()) refuse(entry, "no address");
  while (!addresses.empty()) {
    auto comma = addresses.find(',');
    std::string_view one = addresses.substr(0, comma);
    if (!literal_ip(one)) refuse(entry, "\"" + std::string(one) + "\" is not a literal IPv4 or IPv6 address");
    addresses = comma == std::string_view::npos ? std::string_view{} : addresses.substr(comma + 1);
    if (comma != std::string_view::npos && addresses.empty()) refuse(entry, "an empty address after ','");
  }
}

}  // namespace syncmldm
