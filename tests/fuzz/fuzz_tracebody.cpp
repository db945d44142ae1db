// Fuzz target: dm-trace's one-pass body reader against the full reader (xml::Document and
// message::read). The input is up to three message texts separated by NUL bytes (a byte no
// XML text may hold). Properties, for each text:
// - when the one pass takes it, the full reader reads it too, to the same model;
// - read into the Body the texts before it left (its storage recycled), the one pass answers
//   as it does into a fresh Body, and read_body (one pass, else the full reader) as the full
//   reader does;
// - only syncmldm::Error escapes the full reader (anything else is a crash here).
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "../support/trace_body_dump.hpp"
#include "syncmldm/util/error.hpp"
#include "trace/body_reader.hpp"

namespace {

using syncmldm::trace::detail::Body;

[[noreturn]] void disagree(const char* what, std::string_view text, const std::string& a, const std::string& b) {
  std::fprintf(stderr, "%s\n--- text\n%.*s\n--- expected\n%s\n--- got\n%s\n", what, static_cast<int>(text.size()),
               text.data(), a.c_str(), b.c_str());
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> texts;
  while (texts.size() < 2) {
    std::size_t sep = input.find('\0');
    if (sep == std::string_view::npos) break;
    texts.push_back(input.substr(0, sep));
    input.remove_prefix(sep + 1);
  }
  texts.push_back(input);

  Body recycled;  // the one pass only
  Body mixed;     // read_body: the one pass, or the full reader into the same storage
  for (std::string_view text : texts) {
    const std::string expected = trace_body_dump::full(text);
    const bool readable = !expected.starts_with("error: ");
    Body fresh;
    const std::string got = trace_body_dump::one_pass(text, fresh);
    if (!got.empty() && !readable) disagree("the one pass took a text the full reader refuses", text, expected, got);
    if (!got.empty() && got != expected) disagree("the one pass read a text otherwise", text, expected, got);
    if (texts.size() == 1) break;  // a lone text: the recycled readings would be fresh ones

    const std::string again = trace_body_dump::one_pass(text, recycled);
    if (again != got) disagree("read into recycled storage, the one pass answered otherwise", text, got, again);

    std::string copy(text);
    std::string through;
    try {
      syncmldm::trace::detail::read_body(copy, false, "t.xml", mixed);
      through = trace_body_dump::dump(mixed);
    } catch (const syncmldm::Error& e) {
      through = "error: " + e.message();  // the trace reads the next message into it all the same
    }
    if (through != expected) disagree("read_body into recycled storage answered otherwise", text, expected, through);
  }
  return 0;
}
