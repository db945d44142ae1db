#include "input_note.hpp"

#include <fmt/format.h>

#include "messages.hpp"

namespace tools {

void note_input_encoding(std::string_view tool, const std::string& path, syncmldm::input::TextEncoding encoding) {
  using syncmldm::input::TextEncoding;
  if (verbosity() < 1 || encoding == TextEncoding::utf8) return;
  print_note(tool, fmt::format("{}: input: {}{}", path, syncmldm::input::encoding_name(encoding),
                               syncmldm::input::converted(encoding) ? ", converted to UTF-8" : ""));
}

void note_input(std::string_view tool, const std::string& path, const syncmldm::input::Payload& payload) {
  note_input_encoding(tool, path, payload.encoding);
  for (const auto& note : payload.notes) print_note(tool, fmt::format("{}: {}", path, note));
}

}  // namespace tools
