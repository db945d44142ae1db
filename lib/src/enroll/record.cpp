// What the device keeps about its enrolment, as leaves of a toolkit node in the state: the files
// of the client certificate and key (the key itself never enters the state), the user and the
// provider, so that a later session needs no options.
#include <string>

#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/tree/tree.hpp"

namespace syncmldm::enroll {

namespace {

constexpr std::pair<std::string_view, std::string Record::*> kLeaves[] = {
    {"ProviderID", &Record::provider_id}, {"User", &Record::user},
    {"AuthPolicy", &Record::auth_policy}, {"CertFile", &Record::cert_file},
    {"KeyFile", &Record::key_file},       {"TrustFile", &Record::trust_file},
    {"DiscoveryURL", &Record::discovery_url}, {"EnrollmentType", &Record::enrollment_type}};

const std::vector<std::string> kBase{"Vendor", "syncml-dm-tools", "Enrollment"};

}  // namespace

void write_record(tree::Tree& tree, const Record& record) {
  for (const auto& [leaf, member] : kLeaves) {
    std::vector<std::string> segs = kBase;
    segs.emplace_back(leaf);
    tree::Node* n = tree.ensure(segs, "chr");
    if (!n) throw Error(ErrorKind::input, "the state has a leaf where " + std::string(kRecordUri) + " should be");
    n->value = record.*member;
  }
}

std::optional<Record> read_record(const tree::Tree& tree) {
  const tree::Node* base = tree.find_segments(kBase);
  if (!base) return std::nullopt;
  Record r;
  for (const auto& [leaf, member] : kLeaves)
    if (const tree::Node* n = base->child(std::string(leaf))) r.*member = n->value;
  return r;
}

}  // namespace syncmldm::enroll
