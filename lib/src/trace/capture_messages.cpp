// A file of SyncML messages one after another (XML: each ends at its </SyncML>; WBXML: each ends
// where the END of its root element is; the two may be mixed), or one message in any form the
// input layer reads; and folders of message files.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "syncmldm/input/input.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/wbxml/document.hpp"
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

std::size_t skip_blanks(std::string_view t, std::size_t from) {
  std::size_t i = t.find_first_not_of(" \t\r\n", from);
  return i == std::string_view::npos ? t.size() : i;
}

// A WBXML document starts with its version byte (1.0-1.3: 0x00-0x03), which text never holds.
bool version_byte(std::string_view t, std::size_t at) {
  return at < t.size() && static_cast<unsigned char>(t[at]) <= 0x03;
}

// The end of the WBXML document at `start`; an Error (with an offset inside the document) when
// it does not read. All the documents of a file draw on one budget of string-table expansion,
// as much as decoding each within its own limit may use (the file, plus the constant part per
// document): a walk on its own would have the rest of the file as its limit, again and again.
std::size_t end_of_wbxml(std::string_view t, std::size_t start, const std::string& name, wbxml::TableBudget& budget) {
  budget.limit = budget.limit == 0 ? wbxml::table_expansion_limit(t.size())
                                   : budget.limit + wbxml::table_expansion_limit(0);
  wbxml::ReadOptions options;
  options.budget = &budget;
  return start + static_cast<std::size_t>(wbxml::document_length(t.substr(start), name, options));
}

}  // namespace

void read_messages(std::string text, const std::string& name, const RecordSink& sink, const NoteSink& notes) {
  std::string_view t = text;
  std::size_t first = t.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && t.substr(first).starts_with("\xEF\xBB\xBF")) first += 3;
  bool xml = first != std::string_view::npos && t.substr(first).starts_with("<");
  bool binary = first != std::string_view::npos && version_byte(t, first) && wbxml::looks_like_wbxml(t.substr(first));
  // The end of the first message; npos when it cannot be told (the decoder then says why).
  std::size_t end = std::string_view::npos;
  wbxml::TableBudget budget;
  if (xml) {
    end = end_of_message(t, first);
  } else if (binary) {
    try {
      end = end_of_wbxml(t, first, name, budget);
    } catch (const Error&) {
    }
  }
  std::size_t next = end == std::string_view::npos ? t.size() : skip_blanks(t, end);
  if (xml && next < t.size() && t[next] != '<' && !version_byte(t, next)) next = std::min(t.find('<', next), t.size());
  if (next >= t.size()) {
    // One message: the input layer unwraps it later (hex, Base64, HTTP, WBXML).
    Record r;
    r.body = std::move(text);
    r.place = name;
    sink(std::move(r));
    return;
  }
  std::size_t index = 0;
  for (std::size_t start = first; start < t.size();) {
    ++index;
    bool is_xml = t[start] == '<';
    std::size_t stop = t.size();
    if (is_xml) {
      stop = std::min(end_of_message(t, start), t.size());
    } else {
      try {
        stop = end_of_wbxml(t, start, name, budget);
      } catch (const Error& e) {
        // Nothing after a document that does not read can be found again: the rest is skipped.
        std::size_t at = start + static_cast<std::size_t>(e.where().offset.value_or(0));
        notes({name, fmt::format("offset {}: message {} (from offset {}): {}; skipped", at, index, start,
                                 e.message())});
        return;
      }
    }
    Record r;
    r.body = std::string(t.substr(start, stop - start));
    r.place = fmt::format("{}: message {} (offset {})", name, index, start);
    sink(std::move(r));
    start = skip_blanks(t, stop);
    if (start >= t.size() || t[start] == '<' || version_byte(t, start)) continue;
    if (is_xml) {
      // Text between XML messages (a log's own lines) is passed over.
      start = std::min(t.find('<', start), t.size());
    } else {
      notes({name, fmt::format("offset {}: {} byte{} after message {} that are not a message; skipped", start,
                               t.size() - start, t.size() - start == 1 ? "" : "s", index)});
      return;
    }
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
