// The token view of a WBXML document, for debugging captured traffic.
#include <fmt/format.h>

#include "syncmldm/codes/explain.hpp"
#include "syncmldm/codes/status.hpp"
#include "syncmldm/wbxml/wbxml.hpp"

namespace syncmldm::wbxml {

namespace {

constexpr std::size_t kShown = 64;  // longer strings are cut in the dump

// A string shown in double quotes with C-style escapes, cut at kShown bytes.
std::string quoted(std::string_view s) {
  std::string out = "\"";
  std::size_t n = std::min(s.size(), kShown);
  for (std::size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back('"');
  if (s.size() > n) out += fmt::format("... ({} bytes)", s.size());
  return out;
}

std::string hex_bytes(std::string_view s) {
  std::string out;
  std::size_t n = std::min<std::size_t>(s.size(), 8);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) out.push_back(' ');
    out += fmt::format("{:02x}", static_cast<unsigned char>(s[i]));
  }
  if (s.size() > n) out += " ..";
  return out;
}

void line(std::string& out, std::uint64_t offset, std::string_view page, std::string_view bytes, std::string_view what) {
  fmt::format_to(std::back_inserter(out), "{:08x}  {:>4}  {:<14}  {}\n", offset, page, bytes, what);
}

}  // namespace

void dump(std::string_view bytes, const std::string& source_name, std::string& out, const ReadOptions& options) {
  out += "offset    page  token           meaning\n";
  // The header is shown field by field; read it first so a bad header still shows the start.
  if (!bytes.empty()) {
    line(out, 0, "", hex_bytes(bytes.substr(0, 1)),
         fmt::format("version {}", static_cast<std::uint8_t>(bytes[0]) <= 3 ? version_name(static_cast<std::uint8_t>(bytes[0])) : "?"));
  }
  Reader reader(bytes, source_name, options);
  const Header& h = reader.header();
  std::size_t pos = 1;
  std::size_t id_start = pos;
  read_mb_u_int32(bytes, pos, source_name);
  if (h.public_id_is_string) {
    read_mb_u_int32(bytes, pos, source_name);
    line(out, id_start, "", hex_bytes(bytes.substr(id_start, pos - id_start)),
         fmt::format("public id: string table offset {} {}", h.public_id_index, quoted(h.fpi)));
  } else {
    line(out, id_start, "", hex_bytes(bytes.substr(id_start, pos - id_start)),
         fmt::format("public id 0x{:04X}{}", h.public_id,
                     h.language && h.language->public_id == h.public_id ? fmt::format(" ({})", h.language->fpi) : ""));
  }
  if (h.version != 0) {
    std::size_t cs = pos;
    read_mb_u_int32(bytes, pos, source_name);
    line(out, cs, "", hex_bytes(bytes.substr(cs, pos - cs)),
         fmt::format("charset {}{}", h.charset, h.charset == kCharsetUtf8 ? " (UTF-8)" : ""));
  }
  line(out, pos, "", hex_bytes(bytes.substr(pos, h.string_table_offset - pos)),
       fmt::format("string table, {} bytes", h.string_table.size()));
  for (std::size_t i = 0; i < h.string_table.size();) {
    std::size_t end = h.string_table.find('\0', i);
    if (end == std::string_view::npos) end = h.string_table.size();
    line(out, h.string_table_offset + i, "", "", fmt::format("  [{}] {}", i, quoted(h.string_table.substr(i, end - i))));
    i = end + 1;
  }
  fmt::format_to(std::back_inserter(out), "{:08x}  {:>4}  {:<14}  body, decoded as {}{}\n", h.body_offset, "", "",
                 h.language->name, h.language_guessed ? " (guessed from the root tag)" : "");

  std::vector<std::string> names;
  Event e;
  while (reader.next(e)) {
    std::string page = fmt::format("{}", e.page);
    std::string tok = fmt::format("{:02x}", e.token);
    switch (e.type) {
      case EventType::start: {
        std::string name = e.name.empty() ? fmt::format("unknown tag 0x{:02X}", e.token & 0x3F) : std::string(e.name);
        std::string flags;
        if (e.has_content) flags += " +content";
        if (e.has_attributes) flags += " +attributes";
        if (e.literal) flags += " (literal)";
        line(out, e.offset, page, tok, fmt::format("<{}{}>{}", name, e.has_content ? "" : "/", flags));
        names.push_back(name);
        break;
      }
      case EventType::attribute:
        line(out, e.offset, page, tok, fmt::format("attribute {}={}", e.name, quoted(e.data)));
        break;
      case EventType::end: {
        std::string name = names.empty() ? std::string() : names.back();
        if (!names.empty()) names.pop_back();
        if (!e.synthetic) line(out, e.offset, "", tok, fmt::format("END </{}>", name));
        break;
      }
      case EventType::text:
      {
        // A Status's code gets its name from the one table (codes/explain.hpp).
        std::string status;
        if (names.size() >= 2 && names.back() == "Data" && names[names.size() - 2] == "Status") {
          if (auto code = codes::parse_code(e.data)) status = "  = " + codes::status_label(*code);
        }
        if (e.token == tok::kStrT) line(out, e.offset, "", tok, fmt::format("STR_T [{}] {}{}", e.value, quoted(e.data), status));
        else line(out, e.offset, "", tok, fmt::format("STR_I {}{}", quoted(e.data), status));
      }
        break;
      case EventType::entity:
        line(out, e.offset, "", tok, fmt::format("ENTITY U+{:04X}", e.value));
        break;
      case EventType::opaque:
        line(out, e.offset, "", tok, fmt::format("OPAQUE {} bytes: {}", e.data.size(), hex_bytes(e.data)));
        break;
      case EventType::extension:
        line(out, e.offset, "", tok, fmt::format("EXT {}", e.data.empty() ? fmt::format("{}", e.value) : quoted(e.data)));
        break;
      case EventType::pi:
        line(out, e.offset, "", tok, fmt::format("PI {} {}", e.name, quoted(e.data)));
        break;
      case EventType::switch_page:
        line(out, e.offset, "", fmt::format("00 {:02x}", e.value),
             fmt::format("SWITCH_PAGE {}{}", e.value, e.attribute ? " (attributes)" : ""));
        break;
    }
  }
}

}  // namespace syncmldm::wbxml
