#pragma once
// The bootstrap MAC check (rule bootstrap-mac), run on the input as a tool reads it.

#include <string_view>

#include "syncmldm/input/input.hpp"
#include "syncmldm/validate/validate.hpp"

namespace syncmldm::validate::detail {

// Appends bootstrap-mac findings to `report` when options.bootstrap_key is set. `payload` is the
// unwrapped input (nullptr for XML or WBXML given as they are); `raw` the input as given, where
// the Content-Type header is looked up for its line when the input is the HTTP message itself.
void check_bootstrap_mac(const input::Payload* payload, std::string_view raw, const Options& options,
                         FileReport& report);

}  // namespace syncmldm::validate::detail
