#include "output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "mapped_input.hpp"
#include "syncmldm/util/error.hpp"

namespace tools {

namespace {

bool writes_to_stdout(const OutputOptions& options) { return options.path.empty() || options.path == "-"; }

void refuse_binary_on_terminal(const OutputOptions& options, bool binary) {
  if (binary && !options.force && ::isatty(STDOUT_FILENO) == 1) {
    throw syncmldm::Error(syncmldm::ErrorKind::usage,
                          "refusing to write binary output to a terminal (use -o FILE or --force)");
  }
}

// Straight to the file descriptor: the pieces are large, and stdio would first allocate its
// buffer (one more page of memory for the kernel to fault in) only to pass them through.
void write_stdout(std::string_view data) {
  if (std::fflush(stdout) != 0) throw syncmldm::Error(syncmldm::ErrorKind::io, "cannot write to standard output");
  while (!data.empty()) {
    ssize_t n = ::write(STDOUT_FILENO, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw syncmldm::Error(syncmldm::ErrorKind::io, "cannot write to standard output");
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

void write_output(const OutputOptions& options, std::string_view data, bool binary) {
  OutputStream output(options, binary);
  output.write(data);
  output.finish();
}

void OutputStream::open() {
  if (writes_to_stdout(options_)) refuse_binary_on_terminal(options_, binary_);
  else file_.emplace(options_.path);
  opened_ = true;
  if (file_) remove_on_truncated_input(file_->temp_path());
}

OutputStream::~OutputStream() {
  if (file_) remove_on_truncated_input(nullptr);
}

void OutputStream::write(std::string_view piece) {
  if (!opened_) open();
  if (file_) file_->write(piece);
  else write_stdout(piece);
}

void OutputStream::finish() {
  if (!opened_) open();  // an empty result still makes (or empties) the file
  if (!file_) return;
  remove_on_truncated_input(nullptr);
  file_->commit();
}

}  // namespace tools
