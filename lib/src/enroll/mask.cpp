// Masking of enrolment secrets in traces. A small scanner over our own trace text: the content
// of named elements up to the next '<' is replaced, attribute values after a parm name too.
#include <string>

#include "syncmldm/enroll/enroll.hpp"

namespace syncmldm::enroll {

namespace {

constexpr std::string_view kMask = "***";

// The local name of the start tag at `lt` ("<wsse:Password ..."), "" for end tags and others.
std::string_view start_tag_name(std::string_view text, std::size_t lt) {
  std::size_t i = lt + 1;
  if (i >= text.size() || text[i] == '/' || text[i] == '!' || text[i] == '?') return {};
  std::size_t end = text.find_first_of(" \t\r\n/>", i);
  if (end == std::string_view::npos) return {};
  std::string_view name = text.substr(i, end - i);
  if (auto colon = name.find(':'); colon != std::string_view::npos) name = name.substr(colon + 1);
  return name;
}

// Replaces the character data of Password elements and of BinarySecurityToken elements other than
// the (public) PKCS#10 request.
std::string mask_elements(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t lt = text.find('<', i);
    if (lt == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, lt - i));
    std::size_t gt = text.find('>', lt);
    if (gt == std::string_view::npos) {
      out.append(text.substr(lt));
      break;
    }
    std::string_view tag = text.substr(lt, gt + 1 - lt);
    std::string_view name = start_tag_name(text, lt);
    out.append(tag);
    i = gt + 1;
    bool secret = name == "Password" ||
                  (name == "BinarySecurityToken" && tag.find(kPkcs10ValueType) == std::string_view::npos);
    if (secret && tag[tag.size() - 2] != '/') {
      std::size_t next = text.find('<', i);
      if (next == std::string_view::npos) next = text.size();
      if (next > i) out.append(kMask);
      i = next;
    }
  }
  return out;
}

// PEM blocks of private keys ("-----BEGIN ... PRIVATE KEY-----" to the matching END line).
std::string mask_pem_keys(std::string text) {
  std::size_t pos = 0;
  while ((pos = text.find("-----BEGIN ", pos)) != std::string::npos) {
    std::size_t head_end = text.find("-----", pos + 11);
    if (head_end == std::string::npos) break;
    std::string label = text.substr(pos + 11, head_end - pos - 11);
    if (label.find("PRIVATE KEY") == std::string::npos) {
      pos = head_end + 5;
      continue;
    }
    std::string end_line = "-----END " + label + "-----";
    std::size_t end = text.find(end_line, head_end);
    std::size_t stop = end == std::string::npos ? text.size() : end + end_line.size();
    text.replace(pos, stop - pos, "-----" + label + " " + std::string(kMask) + "-----");
    pos += label.size() + 10;
  }
  return text;
}

// value="..." of parms named AAUTHSECRET or AAUTHDATA in provisioning documents.
std::string mask_parms(std::string text) {
  for (std::string_view parm : {"\"AAUTHSECRET\"", "\"AAUTHDATA\""}) {
    std::size_t pos = 0;
    while ((pos = text.find(parm, pos)) != std::string::npos) {
      std::size_t close = text.find('>', pos);
      std::size_t value = text.find("value=\"", pos);
      pos += parm.size();
      if (value == std::string::npos || value > close) continue;
      std::size_t start = value + 7, end = text.find('"', start);
      if (end == std::string::npos) break;
      text.replace(start, end - start, kMask);
    }
  }
  return text;
}

}  // namespace

std::string mask_secrets(std::string_view text) {
  return mask_parms(mask_pem_keys(mask_elements(net::mask_secrets(text))));
}

}  // namespace syncmldm::enroll
