// --extract: each message as XML in its own file, named so that a listing sorts by session and
// round: s001-SESSIONID-m2-device.xml (characters other than letters, digits, '-', '.' and '_'
// become '_').
#include <filesystem>

#include <fmt/format.h>

#include "dm-trace/dm_trace.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/error.hpp"

namespace dm_trace {

namespace {

std::string safe(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 64)) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    out.push_back(ok ? c : '_');
  }
  if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
  return out;
}

}  // namespace

Extractor::Extractor(std::string dir) : dir_(std::move(dir)) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec || !std::filesystem::is_directory(dir_)) {
    throw syncmldm::Error(syncmldm::ErrorKind::io, "cannot make the folder for --extract: " + ec.message(),
                          syncmldm::Location{dir_});
  }
}

void Extractor::write(const syncmldm::trace::DecodedMessage& m) {
  std::string base = fmt::format("s{:03}-{}-m{}-{}", m.session->number, safe(m.session->session_id),
                                 safe(m.info->msg_id), syncmldm::trace::side_name(m.info->side));
  std::string path = dir_ + "/" + base + ".xml";
  for (int n = 2; used_.count(path); ++n) path = fmt::format("{}/{}-{}.xml", dir_, base, n);
  std::string xml(m.xml);
  if (!xml.empty() && xml.back() != '\n') xml += '\n';
  used_.insert(path);
  syncmldm::write_file_atomically(path, xml);
  ++written_;
}

}  // namespace dm_trace
