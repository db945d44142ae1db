#pragma once
// What is secret in a SyncML message, decided element by element as a reader walks it (the XML
// scanner and the WBXML reader feed the same judge), and the marker that replaces it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/redact/redact.hpp"

namespace syncmldm::redact::detail {

// Overwrites out[pos, pos+len) with the marker, keeping leading and trailing white space, line
// breaks and a trailing run of '=' (Base64 padding). Returns false when nothing was replaced.
bool mark(std::string& out, std::size_t pos, std::size_t len);

// Inside a value that may hold a whole document (a Wi-Fi profile in a Data, escaped or in
// CDATA or as a WBXML string), marks the content of embedded secret elements (keyMaterial,
// Password...). Returns how many were marked.
std::size_t mark_embedded(std::string& out, std::size_t pos, std::size_t len);

// A secret name of an element anywhere (Password, NextNonce, BinarySecurityToken, keyMaterial).
bool is_secret_element(std::string_view local_name);
// A secret <parm name="..."> of a provisioning document.
bool is_secret_parm(std::string_view name);

class Judge {
 public:
  enum class Verdict { keep, secret, embedded };

  explicit Judge(const Options& options) : options_(options) {}

  // Element events, by local name (prefix removed).
  void start(std::string_view name);
  void end();
  // What to do with text directly inside the current element; `value` is the text as read.
  Verdict verdict(std::string_view value) const;
  // The text's value (as read: escaped XML or a WBXML string), for LocURIs and node names
  // that later verdicts depend on. Call for every text piece, after verdict().
  void text(std::string_view value);

 private:
  std::string_view parent(std::size_t up) const {
    return stack_.size() > up ? std::string_view(stack_[stack_.size() - 1 - up]) : std::string_view{};
  }

  Options options_;
  std::vector<std::string> stack_;
  std::size_t item_depth_ = 0;  // depth of the open Item (0: none)
  std::string item_uri_;        // its Target or Source LocURI
  std::vector<std::string> node_names_;  // TNDS: NodeName of each open Node
};

}  // namespace syncmldm::redact::detail
