// Masking of secrets in trace output: header values and SyncHdr Cred data.
#include <cctype>
#include <string>

#include "syncmldm/net/net.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::net {

namespace {

constexpr std::string_view kMask = "***";

// One header line (without its line ending), masked if it carries a secret.
std::string mask_header_line(std::string_view line) {
  for (std::string_view name : {"authorization:", "proxy-authorization:"}) {
    if (istarts_with(line, name)) {
      // Keep the scheme word ("Basic", "Bearer") so the trace still says what was used.
      std::string_view value = line.substr(name.size());
      std::size_t start = value.find_first_not_of(' ');
      std::size_t space = start == std::string_view::npos ? std::string_view::npos : value.find(' ', start);
      std::string out(line.substr(0, name.size()));
      if (space != std::string_view::npos) out.append(value.substr(0, space)).append(" ");
      else out.append(" ");
      out.append(kMask);
      return out;
    }
  }
  if (istarts_with(line, "x-syncml-hmac:")) {
    // The user name is not secret; the mac is.
    std::string out(line);
    std::string lowered = ascii_lower(out);
    std::size_t pos = lowered.find("mac=", 14);
    while (pos != std::string::npos && pos > 0 && std::isalnum(static_cast<unsigned char>(lowered[pos - 1])))
      pos = lowered.find("mac=", pos + 4);
    if (pos == std::string::npos) return std::string(line.substr(0, 14)) + " " + std::string(kMask);
    std::size_t vstart = pos + 4;
    std::size_t vend = out.find(',', vstart);
    if (vend == std::string::npos) vend = out.size();
    out.replace(vstart, vend - vstart, kMask);
    return out;
  }
  return std::string(line);
}

// Masks the character data of every <Data> inside every <Cred> (any namespace prefix).
// A small tag scanner is enough: the text is our own trace of a parsed or generated message.
std::string mask_cred_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_cred = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '<') {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t gt = text.find('>', i);
    if (gt == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    std::string_view tag = text.substr(i + 1, gt - i - 1);
    bool closing = !tag.empty() && tag.front() == '/';
    if (closing) tag.remove_prefix(1);
    bool empty = !tag.empty() && tag.back() == '/';
    std::string_view name = tag.substr(0, tag.find_first_of(" \t\r\n/"));
    if (auto colon = name.find(':'); colon != std::string_view::npos) name = name.substr(colon + 1);
    out.append(text.substr(i, gt + 1 - i));
    i = gt + 1;
    if (name == "Cred" && !empty) in_cred = !closing;
    if (in_cred && name == "Data" && !closing && !empty) {
      std::size_t next = text.find("</", i);  // CDATA included
      if (next == std::string_view::npos) next = text.size();
      if (next > i) out.append(kMask);
      i = next;
    }
  }
  return out;
}

}  // namespace

std::string mask_secrets(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(start, end - start);
    bool cr = !line.empty() && line.back() == '\r';
    if (cr) line.remove_suffix(1);
    out.append(mask_header_line(line));
    if (cr) out.push_back('\r');
    if (nl != std::string_view::npos) out.push_back('\n');
    start = end + (nl == std::string_view::npos ? 0 : 1);
  }
  return mask_cred_data(out);
}

}  // namespace syncmldm::net
