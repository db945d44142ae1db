// Fuzz target: HAR captures. The input is read as HAR (the splitter over a source that hands
// out uneven pieces, the entry reader, Base64 bodies) and every message found goes through the
// session builder and all three renderers. Properties: only syncml::Error escapes; the same
// input read whole and in pieces gives the same records, or the same error.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/trace/capture.hpp"
#include "syncmldm/trace/render.hpp"
#include "syncmldm/trace/session.hpp"
#include "syncmldm/util/error.hpp"

namespace {

using namespace syncmldm;

class PieceSource : public trace::Source {
 public:
  PieceSource(std::string_view data, std::size_t step) : Source("f.har"), data_(data), step_(step) {}
  std::size_t read(char* buffer, std::size_t size) override {
    std::size_t n = std::min({size, step_, data_.size() - at_});
    if (n > 0) std::memcpy(buffer, data_.data() + at_, n);
    at_ += n;
    step_ = step_ * 3 % 17 + 1;  // uneven pieces
    return n;
  }

 private:
  std::string_view data_;
  std::size_t step_, at_ = 0;
};

// The records' bodies and places, or the error's text.
std::vector<std::string> read(trace::Source& source, trace::SessionBuilder* builder) {
  std::vector<std::string> out;
  trace::ReadOptions o;
  o.format = trace::CaptureFormat::har;
  o.max_message_bytes = 1 << 20;
  try {
    trace::read_capture(
        source, o,
        [&](trace::Record&& r) {
          out.push_back(r.place + "\n" + r.body);
          if (builder) builder->add(std::move(r));
        },
        [](const trace::Note&) {});
  } catch (const Error& e) {
    out.push_back("error: " + e.message());
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  trace::BuildOptions bo;
  bo.validate = size < 4096;  // the validator is fuzzed on its own; here only that it copes
  trace::SessionBuilder builder(
      bo,
      [](trace::Session&& s) {
        trace::TextOptions t;
        t.width = 40;
        (void)trace::text(s, {}, t);
        (void)trace::json(s, {}, true);
        (void)trace::jsonl(s, {true, "", "./*"});
      },
      [](const trace::Note&) {});
  auto whole = trace::string_source(std::string(input), "f.har");
  std::vector<std::string> a = read(*whole, &builder);
  builder.finish();
  PieceSource pieces(input, 1);
  std::vector<std::string> b = read(pieces, nullptr);
  // Errors name the same thing at the same place whichever way the bytes came.
  if (a != b) __builtin_trap();
  return 0;
}
