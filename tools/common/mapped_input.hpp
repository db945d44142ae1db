#pragma once
// Loading a tool's input with large files mapped instead of copied (input::load_mapped).

#include <string>
#include <string_view>

#include "syncmldm/input/input.hpp"

namespace tools {

// input::load_mapped, after making sure that a mapped file truncated by another process while
// it is read ends the tool with an input error (exit 3) naming the file, not with a crash.
syncmldm::input::Loaded load_mapped_input(std::string_view tool, const std::string& path,
                                          syncmldm::input::Format forced,
                                          syncmldm::input::Utf8Scan scan = syncmldm::input::Utf8Scan::now,
                                          syncmldm::MappedFile::Mode mode = syncmldm::MappedFile::Mode::by_size);

// A file for that exit on a truncated input to remove first: the temporary file an OutputStream is writing (its
// result, half made, must not be left behind). nullptr for none. `path` must stay valid.
void remove_on_truncated_input(const char* path) noexcept;

}  // namespace tools
