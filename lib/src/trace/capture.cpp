// Capture formats by name and by content, byte sources, and the dispatch to the readers.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "syncmldm/input/input.hpp"
#include "syncmldm/trace/capture.hpp"
#include "syncmldm/util/error.hpp"
#include "trace/readers.hpp"

namespace syncmldm::trace {

namespace {

constexpr std::pair<CaptureFormat, std::string_view> kNames[] = {
    {CaptureFormat::automatic, "auto"}, {CaptureFormat::har, "har"},           {CaptureFormat::http, "http"},
    {CaptureFormat::dmsend, "dmsend"},  {CaptureFormat::messages, "messages"}, {CaptureFormat::folder, "folder"},
    {CaptureFormat::pcap, "pcap"},      {CaptureFormat::tshark, "tshark"},
};

class FdSource : public Source {
 public:
  FdSource(int fd, bool owned, std::string name) : Source(std::move(name)), fd_(fd), owned_(owned) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  std::size_t read(char* buffer, std::size_t size) override {
    for (;;) {
      ssize_t n = ::read(fd_, buffer, size);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno == EINTR) continue;
      throw Error(ErrorKind::io, fmt::format("cannot read: {}", std::strerror(errno)), Location{name()});
    }
  }

 private:
  int fd_;
  bool owned_;
};

class StringSource : public Source {
 public:
  StringSource(std::string data, std::string name) : Source(std::move(name)), data_(std::move(data)) {}
  std::size_t read(char* buffer, std::size_t size) override {
    std::size_t n = std::min(size, data_.size() - at_);
    std::memcpy(buffer, data_.data() + at_, n);
    at_ += n;
    return n;
  }

 private:
  std::string data_;
  std::size_t at_ = 0;
};

}  // namespace

std::string_view capture_format_name(CaptureFormat format) {
  for (const auto& [f, name] : kNames) {
    if (f == format) return name;
  }
  return "auto";
}

std::optional<CaptureFormat> parse_capture_format(std::string_view name) {
  for (const auto& [f, n] : kNames) {
    if (n == name) return f;
  }
  return std::nullopt;
}

std::string_view side_name(Side side) {
  switch (side) {
    case Side::client: return "device";
    case Side::server: return "server";
    case Side::unknown: break;
  }
  return "unknown";
}

CaptureFormat sniff_capture(std::string_view head) {
  if (head.size() >= 4) {
    auto u = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
    std::uint32_t magic = (u(0) << 24) | (u(1) << 16) | (u(2) << 8) | u(3);
    if (magic == 0xA1B2C3D4 || magic == 0xD4C3B2A1 || magic == 0xA1B23C4D || magic == 0x4D3CB2A1 ||
        magic == 0x0A0D0D0A) {
      return CaptureFormat::pcap;
    }
  }
  std::string_view t = head;
  if (t.starts_with("\xEF\xBB\xBF")) t.remove_prefix(3);
  std::size_t first = t.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return CaptureFormat::messages;
  t.remove_prefix(first);
  if (t.front() == '{') return CaptureFormat::har;
  if (t.front() == '[') return CaptureFormat::tshark;
  // dm-send --trace: "> URL" then the request head.
  if (t.starts_with("> http://") || t.starts_with("> https://")) return CaptureFormat::dmsend;
  if (t.front() != '<' && input::sniff(t) == input::Format::http) return CaptureFormat::http;
  return CaptureFormat::messages;
}

std::unique_ptr<Source> open_source(const std::string& path) {
  if (path == "-") return std::make_unique<FdSource>(STDIN_FILENO, false, "-");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(ErrorKind::io, fmt::format("cannot read: {}", std::strerror(errno)), Location{path});
  return std::make_unique<FdSource>(fd, true, path);
}

std::unique_ptr<Source> string_source(std::string data, std::string name) {
  return std::make_unique<StringSource>(std::move(data), std::move(name));
}

void read_capture(Source& source, const ReadOptions& options, const RecordSink& sink, const NoteSink& notes) {
  // The first piece decides the format; it is handed on to the reader with the rest.
  std::string head(64 * 1024, '\0');
  std::size_t got = 0;
  while (got < head.size()) {
    std::size_t n = source.read(head.data() + got, head.size() - got);
    if (n == 0) break;
    got += n;
  }
  head.resize(got);
  CaptureFormat format = options.format == CaptureFormat::automatic ? sniff_capture(head) : options.format;
  switch (format) {
    case CaptureFormat::har: return detail::read_har(source, head, options, sink, notes);
    case CaptureFormat::tshark: return detail::read_tshark(source, head, options, sink, notes);
    case CaptureFormat::pcap:
      throw Error(ErrorKind::usage, "a pcap capture is read through tshark", Location{source.name()});
    case CaptureFormat::folder:
      throw Error(ErrorKind::usage, "not a folder", Location{source.name()});
    case CaptureFormat::automatic:
    case CaptureFormat::http:
    case CaptureFormat::dmsend:
    case CaptureFormat::messages: break;
  }
  // The text formats are read whole: they hold a session or a few, not a proxy's day.
  std::string all = std::move(head);
  std::vector<char> chunk(1 << 20);
  for (;;) {
    std::size_t n = source.read(chunk.data(), chunk.size());
    if (n == 0) break;
    if (all.size() + n > options.max_message_bytes * 4) {
      throw Error(ErrorKind::input, fmt::format("larger than {} bytes", options.max_message_bytes * 4),
                  Location{source.name(), all.size()});
    }
    all.append(chunk.data(), n);
  }
  switch (format) {
    case CaptureFormat::http: return detail::read_http_stream(all, source.name(), sink, notes);
    case CaptureFormat::dmsend: return detail::read_dmsend(all, source.name(), sink, notes);
    default: return detail::read_messages(std::move(all), source.name(), sink, notes);
  }
}

}  // namespace syncmldm::trace
