// dm-trace --redact: a shareable copy of a capture, in the capture's own format.
#include "common/exit_codes.hpp"
#include "common/messages.hpp"
#include "common/output.hpp"
#include "dm-trace/trace_parts.hpp"
#include "syncmldm/redact/redact.hpp"
#include "syncmldm/util/atomic_file.hpp"

namespace dm_trace {

int run_redact(const std::string& input, const tools::OutputOptions& output, bool ids) {
  using namespace syncmldm;
  std::string bytes = read_file(input);
  redact::Options options;
  options.ids = ids;
  redact::Format format = redact::sniff(bytes, input);
  redact::Result r = redact::any(bytes, options, input);
  for (const auto& n : r.notes) tools::print_note("dm-trace", input + ": " + n);
  if (tools::verbosity() > 0)
    tools::print_note("dm-trace", input + ": " + std::string(redact::format_name(format)) + ", " +
                                      std::to_string(r.redacted) + " value(s) redacted");
  tools::write_output(output, r.bytes, format == redact::Format::wbxml);
  return tools::kExitOk;
}

}  // namespace dm_trace
