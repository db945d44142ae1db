#pragma once
// The -v note that says how a text input was read when it was not plain UTF-8 (UTF-16 converted,
// a UTF-8 byte order mark): "FILE: input: UTF-16LE with BOM, converted to UTF-8".
#include <string>
#include <string_view>

#include "syncmldm/input/input.hpp"

namespace tools {

void note_input_encoding(std::string_view tool, const std::string& path, syncmldm::input::TextEncoding encoding);
// That note, and (unless -q) the payload's own notes ("FILE: offset N: ...").
void note_input(std::string_view tool, const std::string& path, const syncmldm::input::Payload& payload);

}  // namespace tools
