// The request head as HttpClient::post sends it, written out for a request that is not sent.
#include <string>

#include "syncmldm/net/net.hpp"

namespace syncmldm::net {

std::string request_head(const std::string& url, std::string_view content_type, std::size_t content_length,
                         const std::vector<std::string>& headers, std::string_view user_agent) {
  std::string path = url, host;
  if (auto scheme = url.find("://"); scheme != std::string::npos) {
    auto slash = url.find('/', scheme + 3);
    host = url.substr(scheme + 3, slash == std::string::npos ? std::string::npos : slash - scheme - 3);
    path = slash == std::string::npos ? "/" : url.substr(slash);
  }
  std::string out = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n";
  out += "User-Agent: " + (user_agent.empty() ? default_user_agent() : std::string(user_agent)) + "\r\n";
  out += "Accept: " + std::string(kXmlMediaType) + ", " + std::string(kWbxmlMediaType) + "\r\n";
  out += "Content-Type: " + std::string(content_type) + "\r\n";
  out += "Content-Length: " + std::to_string(content_length) + "\r\n";
  for (const auto& h : headers) out += h + "\r\n";
  out += "\r\n";
  return out;
}

}  // namespace syncmldm::net
