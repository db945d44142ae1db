// Fuzz target: TNDS state files. Whatever reads must write back to a document that reads again.
#include <cstdint>
#include <string>
#include <string_view>

#include "syncmldm/tree/tnds.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace tnds = syncmldm::tnds;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string written;
  try {
    written = tnds::write_state(tnds::read_state(text, "fuzz.tnds"));
  } catch (const syncmldm::Error&) {
    try {
      (void)tnds::read_payload(text, "fuzz.tnds");
    } catch (const syncmldm::Error&) {
    }
    return 0;
  }
  try {
    (void)tnds::read_state(written, "rewritten.tnds");
  } catch (const syncmldm::Error&) {
    __builtin_trap();  // the writer produced a state file the reader refuses
  }
  return 0;
}
