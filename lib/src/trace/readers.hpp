#pragma once
// The capture readers behind read_capture, one file each.
#include <string>
#include <string_view>

#include "syncmldm/trace/capture.hpp"

namespace syncmldm::trace::detail {

// HAR 1.2, streamed: `head` is what was read of `source` already.
void read_har(Source& source, std::string_view head, const ReadOptions& options, const RecordSink& sink,
              const NoteSink& notes);
// tshark -T json -x output (tshark_arguments), streamed the same way.
void read_tshark(Source& source, std::string_view head, const ReadOptions& options, const RecordSink& sink,
                 const NoteSink& notes);
// HTTP requests and responses one after another.
// The line at `pos` without its line ending ("\n" or "\r\n"); `pos` moves past it.
std::string_view line_at(std::string_view text, std::size_t& pos);

void read_http_stream(std::string_view text, const std::string& name, const RecordSink& sink, const NoteSink& notes);
// dm-send --trace output.
void read_dmsend(std::string_view text, const std::string& name, const RecordSink& sink, const NoteSink& notes);
// SyncML messages one after another (XML), or one message in any form input::unwrap reads.
void read_messages(std::string text, const std::string& name, const RecordSink& sink, const NoteSink& notes);

// A body as the capture gave it: text, or Base64 when `encoding` says so. nullopt (and a note)
// when Base64 does not decode.
std::optional<std::string> body_bytes(std::string text, std::string_view encoding, const std::string& place,
                                      const NoteSink& notes);

}  // namespace syncmldm::trace::detail
