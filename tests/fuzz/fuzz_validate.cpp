// Fuzz target: the validator on any input (XML, WBXML, wrapped), both profiles, every report
// format. Findings must lie inside the input and name a rule of the registry. SARIF is written
// for one profile only: it lists the whole rule registry each time, which would otherwise take
// most of every run.
#include <cstdint>
#include <string>
#include <string_view>

#include "syncmldm/report/report.hpp"
#include "syncmldm/validate/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace validate = syncmldm::validate;
  namespace report = syncmldm::report;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto profile : {validate::Profile::windows, validate::Profile::oma}) {
    validate::Options options;
    options.profile = profile;
    std::vector<validate::FileReport> files;
    files.push_back(validate::validate_input(text, "fuzz", options));
    for (const auto& d : files.back().diagnostics) {
      if (!validate::find_rule(d.rule)) __builtin_trap();
      if (d.offset && *d.offset > size) __builtin_trap();
      if (d.line && (*d.line == 0 || !d.column || *d.column == 0)) __builtin_trap();
    }
    (void)report::text(files, {});
    (void)report::json(files, profile, "0");
    if (profile == validate::Profile::windows) (void)report::sarif(files, profile, "0");
    (void)report::github(files);
  }
  return 0;
}
