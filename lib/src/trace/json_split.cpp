// The array splitter: strings skipped with memchr, nesting followed with a small stack.
#include "trace/json_split.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "syncmldm/util/error.hpp"
#include "util/byte_buffer.hpp"

namespace syncmldm::trace::json_scan {

namespace {

constexpr std::size_t kChunk = std::size_t{1} << 20;
constexpr std::size_t kMaxDepth = 512;
constexpr std::size_t kMaxKey = 256;

struct Level {
  char kind;           // '{' or '['
  bool on_path;        // this container lies on the path to the array
  std::string key;     // the member being read (on-path objects only)
};

std::string dotted(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& p : path) out += (out.empty() ? "" : ".") + p;
  return out;
}

}  // namespace

void split(Source& source, std::string_view head, const SplitOptions& o,
           const std::function<void(std::string_view, std::uint64_t, std::size_t)>& on_element) {
  const std::string& file = source.name();
  // The part of the document still needed, the source read straight into it (no zero fill
  // before each read, as std::string::resize would do).
  syncmldm::detail::ByteBuffer buf;
  buf.append(head);
  std::uint64_t base = 0;  // offset of buf[0] in the document
  std::size_t p = 0;
  bool eof = false;
  std::vector<Level> stack;
  bool expect_key = false, in_string = false, root_done = false, array_seen = false;
  std::size_t string_start = 0, element_start = std::string::npos, index = 0;
  const std::size_t target_depth = o.path.size() + 1;  // stack size inside the array
  auto fail = [&](std::size_t at, const std::string& what) {
    throw Error(ErrorKind::input, what, Location{file, base + at});
  };
  auto not_wanted = [&](std::size_t at, const std::string& why) {
    fail(at, fmt::format("JSON that is not {}: {}", o.what, why));
  };
  for (;;) {
    if (p >= buf.size()) {
      if (eof) break;
      // Keep only what is still open: the element being read, or the string being read.
      std::size_t keep = p;
      if (element_start != std::string::npos) keep = std::min(keep, element_start);
      if (in_string) keep = std::min(keep, string_start);
      if (keep > 0) {
        buf.erase_front(keep);
        base += keep;
        p -= keep;
        if (element_start != std::string::npos) element_start -= keep;
        string_start -= std::min(string_start, keep);
      }
      if (buf.size() > o.max_element_bytes) {
        fail(0, fmt::format("{} {} is larger than {} bytes", o.element, index + 1, o.max_element_bytes));
      }
      // Read straight into the buffer: no copy through a chunk.
      std::size_t have = buf.size();
      std::size_t n = source.read(buf.extend(kChunk), kChunk);
      buf.truncate(have + n);
      if (n == 0) eof = true;
      continue;
    }
    if (in_string) {
      std::size_t q = p;
      bool closed = false;
      while (q < buf.size()) {
        const void* hit = std::memchr(buf.data() + q, '"', buf.size() - q);
        if (!hit) break;
        std::size_t at = static_cast<const char*>(hit) - buf.data();
        std::size_t slashes = 0;
        while (at - slashes > string_start + 1 && buf[at - slashes - 1] == '\\') ++slashes;
        if (slashes % 2 == 0) {
          q = at;
          closed = true;
          break;
        }
        q = at + 1;
      }
      if (!closed) {
        p = buf.size();
        continue;
      }
      in_string = false;
      if (expect_key && !stack.empty() && stack.back().on_path && stack.size() <= o.path.size()) {
        stack.back().key.assign(buf.data() + string_start + 1, std::min(q - string_start - 1, kMaxKey));
      }
      p = q + 1;
      continue;
    }
    char c = buf[p];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      ++p;
      continue;
    }
    if (root_done) fail(p, fmt::format("data after the end of the {} document", o.what));
    bool in_array = stack.size() == target_depth && stack.back().on_path;
    if (in_array && element_start == std::string::npos && c != ',' && c != ']' && c != '{') {
      fail(p, fmt::format("{} {} is not a JSON object", o.element, index + 1));
    }
    switch (c) {
      case '"':
        in_string = true;
        string_start = p++;
        break;
      case '{':
      case '[': {
        if (stack.size() >= kMaxDepth) fail(p, "JSON nested too deeply");
        bool on_path = false;
        if (stack.empty()) {
          if (c != (o.path.empty() ? '[' : '{')) {
            not_wanted(p, o.path.empty() ? "the document is not an array" : "the document is not an object");
          }
          on_path = true;
        } else if (stack.back().on_path && stack.size() <= o.path.size() && stack.back().kind == '{' &&
                   stack.back().key == o.path[stack.size() - 1]) {
          on_path = true;
          if (stack.size() == o.path.size() && c != '[') not_wanted(p, dotted(o.path) + " is not an array");
          if (stack.size() < o.path.size() && c != '{') not_wanted(p, o.path[stack.size() - 1] + " is not an object");
        }
        if (in_array) {
          element_start = p;
          ++index;
        }
        if (on_path && stack.size() + 1 == target_depth) array_seen = true;
        stack.push_back({c, on_path, {}});
        expect_key = c == '{';
        ++p;
        break;
      }
      case '}':
      case ']': {
        if (stack.empty() || stack.back().kind != (c == '}' ? '{' : '[')) fail(p, fmt::format("JSON: unexpected '{}'", c));
        stack.pop_back();
        ++p;
        if (stack.size() == target_depth && stack.back().on_path && element_start != std::string::npos) {
          std::string_view text(buf.data() + element_start, p - element_start);
          std::uint64_t at = base + element_start;
          element_start = std::string::npos;
          on_element(text, at, index);
        }
        if (stack.empty()) root_done = true;
        expect_key = false;
        break;
      }
      case ',':
        expect_key = !stack.empty() && stack.back().kind == '{';
        ++p;
        break;
      case ':':
        expect_key = false;
        ++p;
        break;
      default:
        if (stack.empty()) {
          not_wanted(p, o.path.empty() ? "the document is not an array" : "the document is not an object");
        }
        ++p;
        break;
    }
  }
  auto not_wanted_at_start = [&](const std::string& why) {
    throw Error(ErrorKind::input, fmt::format("JSON that is not {}: {}", o.what, why), Location{file, std::uint64_t{0}});
  };
  if (stack.empty() && !root_done) not_wanted_at_start("the input is empty");
  if (!stack.empty() || in_string) {
    if (element_start != std::string::npos) {
      fail(buf.size(), fmt::format("truncated {}: the input ends inside {} {}", o.what, o.element, index));
    }
    fail(buf.size(), fmt::format("truncated {}: the input ends before the document is closed", o.what));
  }
  if (!array_seen) not_wanted_at_start(o.path.empty() ? "no array" : "no " + dotted(o.path) + " array");
}

}  // namespace syncmldm::trace::json_scan
