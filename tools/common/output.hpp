#pragma once
// Writing a tool's result: to stdout, or atomically to the file named by -o.

#include <optional>
#include <string_view>

#include "option_defs.hpp"
#include "syncmldm/util/atomic_file.hpp"

namespace tools {

// Writes `data` where `options` say. Binary data is refused on a terminal unless --force
// (throws syncmldm::Error{usage}). Files are replaced atomically, never left half-written.
void write_output(const OutputOptions& options, std::string_view data, bool binary);

// A result written in pieces as it is made, so that it is never gathered in memory (write_output
// is the one-piece case): stdout (no -o, or "-o -") gets each piece at once; the file named by -o gets them in a temporary file beside it, which
// finish() renames over the file. Destroyed without finish() (an error on the way), the
// temporary is removed and the file is left as it was. Nothing is opened before the first piece,
// so an input refused before any output leaves no trace. A mapped input truncated meanwhile
// (mapped_input.hpp) removes the temporary file too.
class OutputStream {
 public:
  OutputStream(const OutputOptions& options, bool binary) : options_(options), binary_(binary) {}
  OutputStream(const OutputStream&) = delete;
  OutputStream& operator=(const OutputStream&) = delete;
  ~OutputStream();

  void write(std::string_view piece);
  void finish();

 private:
  void open();

  const OutputOptions& options_;
  bool binary_;
  bool opened_ = false;
  std::optional<syncmldm::AtomicFileWriter> file_;
};

}  // namespace tools
