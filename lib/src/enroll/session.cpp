// A session of an enrolled device: everything it needs comes from its state.
#include <string>

#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/tree/dm_account.hpp"
#include "syncmldm/tree/tree.hpp"

namespace syncmldm::enroll {

std::optional<EnrolledSession> enrolled_session(const tree::Tree& tree) {
  auto record = read_record(tree);
  if (!record) return std::nullopt;
  EnrolledSession s;
  s.record = *record;
  std::string why;
  auto address = tree::dm_server_address(tree, record->provider_id, &why);
  if (!address) throw Error(ErrorKind::input, "the enrolment record names provider " + record->provider_id + ", but " + why);
  s.url = *address;
  for (const auto& account : tree::dm_accounts(tree)) {
    if (account.server_id != record->provider_id) continue;
    if (const tree::Node* enc = tree.find(account.uri + "/Ext/Microsoft/DefaultEncoding"))
      s.wbxml = enc->value.find("wbxml") != std::string::npos;
  }
  std::string provider = "./Vendor/MSFT/DMClient/Provider/" + record->provider_id;
  if (const tree::Node* id = tree.find(provider + "/EntDMID"); id && !id->value.empty())
    s.headers.push_back("client-request-id: " + id->value);
  s.package1_nodes.push_back("./Vendor/MSFT/DMClient/HWDevID");
  return s;
}

}  // namespace syncmldm::enroll
