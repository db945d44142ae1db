#pragma once
// Where one WBXML document ends: for inputs that hold several documents one after another (a
// file of captured messages), and for tools that say what follows a document.
#include <cstdint>
#include <string>
#include <string_view>

#include "syncmldm/wbxml/wbxml.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::wbxml {

// The length in bytes of the WBXML document at the start of `bytes`: its header and string
// table, its body up to the END that closes the root element, and the processing instructions
// that follow it. The tokens are walked with the Reader (every check of a full read, nothing
// kept), and reading stops there: what follows is not looked at, so the next byte may start
// another document. Throws Error{input} as the Reader does, with the offset within `bytes`
// (a document cut short: "truncated: ...").
// The Reader's own string-table budget would be sized by all of `bytes`, the rest of a file:
// a caller that walks many documents of one input passes one TableBudget (options.budget) for
// all of them, so that the walks together stay within what decoding them will take.
std::uint64_t document_length(std::string_view bytes, const std::string& source_name, const ReadOptions& options = {});

}  // namespace syncmldm::wbxml
SYNCMLDM_API_END
