// A file of SyncML messages one after another (XML: each ends at its </SyncML>), or one message
// in any form the input layer reads; and folders of message files.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "syncmldm/input/input.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/error.hpp"
#include "trace/readers.hpp"

namespace syncmldm::trace::detail {

namespace {

// The end (one past '>') of the first </SyncML> or </prefix:SyncML> at or after `from`.
std::size_t end_of_message(std::string_view text, std::size_t from) {
  for (std::size_t at = text.find("SyncML>", from); at != std::string_view::npos; at = text.find("SyncML>", at + 1)) {
    std::size_t i = at;
    if (i > 0 && text[i - 1] == ':') {
      --i;
      while (i > 0 && text[i - 1] != '/' && text[i - 1] != '<' && text[i - 1] != '>' && at - i < 64) --i;
    }
    if (i >= 2 && text[i - 1] == '/' && text[i - 2] == '<') return at + 7;
  }
  return std::string_view::npos;
}

}  // namespace

void read_messages(std::string text, const std::string& name, const RecordSink& sink, const NoteSink& notes) {
  (void)notes;
  std::string_view t = text;
  std::size_t first = t.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && t.substr(first).starts_with("\xEF\xBB\xBF")) first += 3;
  bool xml = first != std::string_view::npos && t.substr(first).starts_with("<");
  std::size_t end = xml ? end_of_message(t, first) : std::string_view::npos;
  std::size_t next = end == std::string_view::npos ? std::string_view::npos : t.find('<', end);
  if (!xml || next == std::string_view::npos) {
    // One message: the input layer unwraps it later (hex, Base64, HTTP, WBXML).
    Record r;
    r.body = std::move(text);
    r.place = name;
    sink(std::move(r));
    return;
  }
  std::size_t index = 0;
  for (std::size_t start = first; start != std::string_view::npos;) {
    std::size_t stop = end_of_message(t, start);
    if (stop == std::string_view::npos) stop = t.size();
    Record r;
    r.body = std::string(t.substr(start, stop - start));
    r.place = fmt::format("{}: message {} (offset {})", name, ++index, start);
    sink(std::move(r));
    start = stop < t.size() ? t.find('<', stop) : std::string_view::npos;
  }
}

}  // namespace syncmldm::trace::detail

namespace syncmldm::trace {

void read_folder(const std::string& folder, const RecordSink& sink, const NoteSink& notes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::string leaf = it->path().filename().string();
    if (leaf.empty() || leaf.front() == '.') continue;
    std::error_code type_ec;
    if (it->is_regular_file(type_ec)) files.push_back(it->path());
  }
  if (ec) throw Error(ErrorKind::io, fmt::format("cannot read the folder: {}", ec.message()), Location{folder});
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::string name = path.generic_string();
    std::string bytes;
    try {
      bytes = read_file(name);
    } catch (const Error& e) {
      notes({name, "cannot read: " + e.message() + "; skipped"});
      continue;
    }
    Record r;
    r.body = std::move(bytes);
    r.place = std::move(name);
    sink(std::move(r));
  }
}

}  // namespace syncmldm::trace
