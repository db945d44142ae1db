// The meanings dm-trace prints beside codes: the one place that asks the code tables.
#include <fmt/format.h>

#include "syncmldm/trace/render.hpp"
#include "syncmldm/codes/explain.hpp"
#include "syncmldm/codes/status.hpp"

namespace syncmldm::trace {

std::string status_meaning(int code) {
  if (auto s = codes::find_status(code)) return std::string(s->name);
  return {};
}

std::string hresult_meaning(std::uint32_t hresult) {
  codes::Explanation e = codes::explain(hresult_text(hresult));
  if (!e.known) return {};
  return e.kind == codes::Kind::syncml_status ? e.code + " " + e.name : e.name + ": " + e.meaning;
}

std::string hresult_text(std::uint32_t hresult) { return fmt::format("0x{:08X}", hresult); }

}  // namespace syncmldm::trace
