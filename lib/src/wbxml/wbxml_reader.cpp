// The WBXML pull parser: header, tokens, string table, attribute lists, nesting checks.
#include <cstring>

#include <fmt/format.h>

#include "syncmldm/wbxml/wbxml.hpp"

namespace syncmldm::wbxml {

namespace {

constexpr std::size_t kMaxMbBytes = 5;

// Language of a document whose public id is "unknown" (1), from its first tag.
const Language* guess_language(std::string_view body) {
  std::size_t i = 0;
  std::uint8_t page = 0;
  while (i + 1 < body.size() && static_cast<std::uint8_t>(body[i]) == tok::kSwitchPage) {
    page = static_cast<std::uint8_t>(body[i + 1]);
    i += 2;
  }
  if (i >= body.size()) return nullptr;
  std::uint8_t id = static_cast<std::uint8_t>(body[i]) & 0x3F;
  if (page == 0 && id == 0x2D) return &syncml12();
  if (page == 0 && id == 0x0A) return &devinf12();
  if (page == 2 && id == 0x20) return &dmddf12();
  if (page == 1 && id == 0x0E) return &metinf12();
  if (page == 0 && id == 0x05) return &prov10();
  return nullptr;
}

// Clears an event field by field (assigning a fresh Event{} showed up in profiles).
inline void reset(Event& e, EventType type, std::uint64_t offset, std::uint8_t token, std::uint8_t page) {
  e.type = type;
  e.offset = offset;
  e.token = token;
  e.page = page;
  e.name = {};
  e.literal = e.has_attributes = e.has_content = e.synthetic = e.attribute = false;
  e.data = {};
  e.value = 0;
}

}  // namespace

std::string version_name(std::uint8_t version) { return fmt::format("{}.{}", (version >> 4) + 1, version & 0x0F); }

std::uint32_t read_mb_u_int32(std::string_view bytes, std::size_t& pos, const std::string& source_name) {
  std::uint64_t value = 0;
  std::size_t start = pos;
  for (std::size_t n = 0;; ++n) {
    if (n == kMaxMbBytes) {
      throw Error(ErrorKind::input, "multi-byte integer longer than 5 bytes", Location{source_name, start});
    }
    if (pos >= bytes.size()) {
      throw Error(ErrorKind::input, "truncated: input ends inside a multi-byte integer", Location{source_name, start});
    }
    auto b = static_cast<std::uint8_t>(bytes[pos++]);
    value = (value << 7) | (b & 0x7F);
    if (!(b & 0x80)) break;
  }
  if (value > 0xFFFFFFFFu) {
    throw Error(ErrorKind::input, "multi-byte integer overflows 32 bits", Location{source_name, start});
  }
  return static_cast<std::uint32_t>(value);
}

bool looks_like_wbxml(std::string_view bytes) {
  if (bytes.size() < 4) return false;
  auto version = static_cast<std::uint8_t>(bytes[0]);
  if (version > 0x03) return false;
  try {
    std::string none;
    std::size_t pos = 1;
    std::uint32_t id = read_mb_u_int32(bytes, pos, none);
    if (id == 0) read_mb_u_int32(bytes, pos, none);
    if (version != 0) {
      std::uint32_t charset = read_mb_u_int32(bytes, pos, none);
      if (charset != kCharsetUtf8 && charset != 0 && charset != 3 && charset != 4) return false;
    }
    std::uint32_t length = read_mb_u_int32(bytes, pos, none);
    if (length > bytes.size() - pos) return false;
    pos += length;
    // The body starts with a tag (possibly after a page switch or a PI).
    if (pos >= bytes.size()) return false;
    auto first = static_cast<std::uint8_t>(bytes[pos]);
    return first == tok::kSwitchPage || first == tok::kPi || (first & 0x3F) >= 0x04;
  } catch (const Error&) {
    return false;
  }
}

Reader::Reader(std::string_view bytes, std::string source_name, const ReadOptions& options)
    : in_(bytes), source_(std::move(source_name)), options_(options) {
  if (options_.budget) budget_ = options_.budget;
  else own_budget_.limit = table_expansion_limit(in_.size());
  read_header();
}

Error Reader::error(std::uint64_t offset, std::string message) const {
  return Error(ErrorKind::input, std::move(message), Location{source_, offset});
}

void Reader::truncated(std::uint64_t at_token) const { throw error(at_token, "truncated: unexpected end of input"); }

std::uint32_t Reader::mb(std::uint64_t at_token, const char* what) {
  try {
    return read_mb_u_int32(in_, pos_, source_);
  } catch (const Error& e) {
    throw error(e.where().offset.value_or(at_token), fmt::format("{}: {}", what, e.message()));
  }
}

std::size_t Reader::find_nul(std::size_t from) const {
  const void* nul = from < in_.size() ? std::memchr(in_.data() + from, 0, in_.size() - from) : nullptr;
  return nul ? static_cast<std::size_t>(static_cast<const char*>(nul) - in_.data()) : in_.size();
}

std::string_view Reader::inline_string(std::uint64_t at_token) {
  const void* nul = pos_ < in_.size() ? std::memchr(in_.data() + pos_, 0, in_.size() - pos_) : nullptr;
  if (!nul) throw error(at_token, "truncated: inline string without its terminating NUL");
  std::size_t end = static_cast<std::size_t>(static_cast<const char*>(nul) - in_.data());
  std::string_view s = in_.substr(pos_, end - pos_);
  pos_ = end + 1;
  return s;
}

std::string_view Reader::table_string(std::uint32_t index, std::uint64_t at_token) {
  std::string_view table = header_.string_table;
  if (index >= table.size()) {
    throw error(at_token, fmt::format("string table reference {} is past the end of the table ({} bytes)", index,
                                      table.size()));
  }
  std::size_t end = table.find('\0', index);
  if (end == std::string_view::npos) {
    throw error(at_token, fmt::format("string table entry at {} has no terminating NUL", index));
  }
  // Checked before the string is used: the budget bounds the work as well as the output.
  std::uint64_t size = end - index;
  if (size > budget_->limit - budget_->used) {
    budget_->exceeded = true;
    throw error(at_token, fmt::format("string table references would expand the document more than {} times "
                                      "(over {} bytes)", kMaxTableExpansion, budget_->limit));
  }
  budget_->used += size;
  return table.substr(index, end - index);
}

void Reader::read_header() {
  if (in_.empty()) throw error(0, "empty input");
  header_.version = byte(0);
  if (header_.version > 0x03) {
    throw error(0, fmt::format("unsupported WBXML version byte 0x{:02X} (1.0-1.3 are 0x00-0x03)", header_.version));
  }
  std::uint64_t id_offset = pos_;
  header_.public_id = mb(id_offset, "public id");
  if (header_.public_id == 0) {
    header_.public_id_is_string = true;
    header_.public_id_index = mb(id_offset, "public id index");
  }
  if (header_.version != 0x00) {
    std::uint64_t cs_offset = pos_;
    header_.charset = mb(cs_offset, "charset");
    // UTF-8, unknown, and US-ASCII (a subset) are the charsets DM uses.
    if (header_.charset != kCharsetUtf8 && header_.charset != 0 && header_.charset != 3) {
      throw error(cs_offset, fmt::format("charset {} is not supported (only UTF-8, MIBenum 106)", header_.charset));
    }
  }
  std::uint64_t tbl_offset = pos_;
  std::uint32_t length = mb(tbl_offset, "string table length");
  if (length > in_.size() - pos_) {
    throw error(tbl_offset, fmt::format("string table length {} is beyond the end of input ({} bytes left)", length,
                                        in_.size() - pos_));
  }
  header_.string_table_offset = pos_;
  header_.string_table = in_.substr(pos_, length);
  pos_ += length;
  header_.body_offset = pos_;
  if (header_.public_id_is_string) {
    header_.fpi = table_string(header_.public_id_index, id_offset);
  }

  if (options_.language) {
    header_.language = options_.language;
  } else if (header_.public_id_is_string) {
    header_.language = language_by_fpi(header_.fpi);
    if (!header_.language) {
      throw error(id_offset, fmt::format("unknown public id \"{}\" (force a language with --language)", header_.fpi));
    }
  } else if (header_.public_id == 1) {
    header_.language = guess_language(in_.substr(pos_));
    header_.language_guessed = true;
    if (!header_.language) throw error(id_offset, "public id is \"unknown\" (1): force a language with --language");
  } else {
    header_.language = language_by_public_id(header_.public_id);
    if (!header_.language) {
      throw error(id_offset,
                  fmt::format("unknown public id 0x{:X} (force a language with --language)", header_.public_id));
    }
  }
  tag_table_ = header_.language->page(tag_page_);
}

bool Reader::read_attribute(Event& e) {
  // In attribute state: SWITCH_PAGE, END (list done), or an attribute start with its values.
  for (;;) {
    std::uint64_t at = pos_;
    std::uint8_t t = byte(at);
    if (t == tok::kSwitchPage) {
      attr_page_ = byte(at);
      reset(e, EventType::switch_page, at, t, attr_page_);
      e.value = attr_page_;
      e.attribute = true;
      return true;
    }
    if (t == tok::kEnd) {
      in_attributes_ = false;
      return false;
    }
    if (t >= 0x80) throw error(at, fmt::format("attribute value token 0x{:02X} without an attribute name", t));
    reset(e, EventType::attribute, at, t, attr_page_);
    if (t == tok::kLiteral) {
      std::uint32_t index = mb(at, "attribute name");
      // Nokia phones send `04 00` (xmlns at offset 0) without a string table.
      if (header_.string_table.empty() && index == 0) {
        e.name = "xmlns";
      } else {
        e.name = table_string(index, at);
      }
      e.literal = true;
      value_.clear();
    } else {
      // SyncML, MetInf, DevInf and DDF define no attribute tokens; PROV does.
      const AttributeStart* start = header_.language->attribute_start(attr_page_, t);
      if (!start) {
        throw error(at, fmt::format("unknown attribute token 0x{:02X} on attribute page {} of {}", t, attr_page_,
                                    header_.language->name));
      }
      e.name = start->name;
      value_.assign(start->prefix);
    }
    // Values until the next attribute start or END.
    while (pos_ < in_.size()) {
      std::uint64_t vat = pos_;
      auto v = static_cast<std::uint8_t>(in_[pos_]);
      if (v == tok::kSwitchPage) {
        ++pos_;
        attr_page_ = byte(vat);
        continue;
      }
      if (v == tok::kEnd || (v < 0x80 && v != tok::kStrI && v != tok::kEntity && v != tok::kExtI0 &&
                             v != tok::kExtI0 + 1 && v != tok::kExtI0 + 2)) {
        break;
      }
      ++pos_;
      if (v == tok::kStrI) {
        value_.append(inline_string(vat));
      } else if (v == tok::kStrT) {
        value_.append(table_string(mb(vat, "string reference"), vat));
      } else if (v == tok::kEntity) {
        std::uint32_t cp = mb(vat, "entity");
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0) {
          throw error(vat, fmt::format("entity U+{:X} is not a valid character", cp));
        }
        char buf[4];
        int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (n == 1) buf[0] = static_cast<char>(cp);
        else if (n == 2) buf[0] = static_cast<char>(0xC0 | (cp >> 6)), buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
        else if (n == 3)
          buf[0] = static_cast<char>(0xE0 | (cp >> 12)), buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
          buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
        else
          buf[0] = static_cast<char>(0xF0 | (cp >> 18)), buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
          buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
        value_.append(buf, static_cast<std::size_t>(n));
      } else if (v == tok::kOpaque) {
        std::uint32_t len = mb(vat, "opaque length");
        if (len > in_.size() - pos_) throw error(vat, fmt::format("opaque length {} is beyond the end of input", len));
        value_.append(in_.substr(pos_, len));
        pos_ += len;
      } else if (const AttributeValue* known = header_.language->attribute_value(attr_page_, v);
                 known && v != tok::kLiteralA && v != tok::kLiteralAC && (v & 0x3F) > tok::kLiteral) {
        value_.append(known->value);
      } else {
        throw error(vat, fmt::format("attribute value token 0x{:02X} is not defined on attribute page {} of {}", v,
                                     attr_page_, header_.language->name));
      }
    }
    e.data = value_;
    return true;
  }
}

bool Reader::next_token(Event& e) {
  if (in_attributes_ && read_attribute(e)) return true;
  if (pending_empty_end_) {
    pending_empty_end_ = false;
    reset(e, EventType::end, pending_start_offset_, 0, tag_page_);
    e.synthetic = true;
    if (depth_ == 0) root_done_ = true;
    return true;
  }
  for (;;) {
    if (pos_ >= in_.size()) {
      if (depth_ > 0) {
        throw error(pos_, fmt::format("truncated: input ends inside {} open element{}", depth_, depth_ == 1 ? "" : "s"));
      }
      if (!root_seen_) throw error(pos_, "truncated: no root element");
      return false;
    }
    std::uint64_t at = pos_;
    std::uint8_t t = byte(at);
    reset(e, EventType::end, at, t, tag_page_);
    bool inside = depth_ > 0;
    switch (t) {
      case tok::kSwitchPage:
        tag_page_ = byte(at);
        tag_table_ = header_.language->page(tag_page_);
        e.type = EventType::switch_page;
        e.value = tag_page_;
        e.page = tag_page_;
        return true;
      case tok::kEnd:
        if (depth_ == 0) throw error(at, "END without an open element");
        --depth_;
        if (depth_ == 0) root_done_ = true;
        e.type = EventType::end;
        return true;
      case tok::kPi: {
        std::uint8_t name_tok = byte(at);
        if (name_tok != tok::kLiteral) throw error(at, "processing instruction without a literal target");
        e.name = table_string(mb(at, "PI target"), at);
        e.type = EventType::pi;
        std::string_view value;
        while (pos_ < in_.size() && static_cast<std::uint8_t>(in_[pos_]) != tok::kEnd) {
          std::uint64_t vat = pos_;
          std::uint8_t v = byte(vat);
          if (v == tok::kStrI) value = inline_string(vat);
          else if (v == tok::kStrT) value = table_string(mb(vat, "string reference"), vat);
          else throw error(vat, fmt::format("unexpected token 0x{:02X} in a processing instruction", v));
        }
        byte(at);  // END
        e.data = value;
        return true;
      }
      default:
        break;
    }
    bool is_text = t == tok::kStrI || t == tok::kStrT || t == tok::kEntity || t == tok::kOpaque ||
                   (t >= tok::kExtI0 && t <= tok::kExtI0 + 2) || (t >= tok::kExtT0 && t <= tok::kExtT0 + 2) ||
                   (t >= tok::kExt0 && t <= tok::kExt0 + 2);
    if (is_text) {
      if (!inside) {
        throw error(at, root_done_ ? "content after the root element" : "content before the root element");
      }
      if (t == tok::kStrI) {
        e.type = EventType::text;
        e.data = inline_string(at);
      } else if (t == tok::kStrT) {
        e.type = EventType::text;
        e.value = mb(at, "string reference");
        e.data = table_string(e.value, at);
      } else if (t == tok::kEntity) {
        e.type = EventType::entity;
        e.value = mb(at, "entity");
        if (e.value > 0x10FFFF || (e.value >= 0xD800 && e.value <= 0xDFFF)) {
          throw error(at, fmt::format("entity U+{:X} is not a valid character", e.value));
        }
      } else if (t == tok::kOpaque) {
        e.type = EventType::opaque;
        std::uint32_t len = mb(at, "opaque length");
        if (len > in_.size() - pos_) {
          throw error(at, fmt::format("opaque length {} is beyond the end of input ({} bytes left)", len,
                                      in_.size() - pos_));
        }
        e.data = in_.substr(pos_, len);
        pos_ += len;
      } else {
        e.type = EventType::extension;
        if (t < 0x80) e.data = inline_string(at);
        else if (t < 0xC0) e.value = mb(at, "extension value");
      }
      return true;
    }
    // An element.
    if (root_done_) throw error(at, "a second root element");
    if (depth_ >= options_.max_depth) {
      throw error(at, fmt::format("elements nested deeper than {}", options_.max_depth));
    }
    root_seen_ = true;
    e.type = EventType::start;
    e.has_attributes = (t & tok::kHasAttributes) != 0;
    e.has_content = (t & tok::kHasContent) != 0;
    std::uint8_t id = t & 0x3F;
    if (id == tok::kLiteral) {
      e.literal = true;
      e.name = table_string(mb(at, "literal tag"), at);
      if (e.name.empty()) throw error(at, "literal tag with an empty name");
    } else {
      // 0x00-0x03 with flags are not tags (EXT/STR_T/OPAQUE were handled above).
      if (id < 0x05) throw error(at, fmt::format("token 0x{:02X} is not valid here", t));
      // Language::tag, with the page looked up once per SWITCH_PAGE.
      e.name = tag_table_ ? tag_table_->tags[id] : std::string_view{};
    }
    if (e.has_content) ++depth_;
    in_attributes_ = e.has_attributes;
    // An element without content: the caller sees its start, then a synthetic end.
    pending_empty_end_ = !e.has_content;
    pending_start_offset_ = at;
    return true;
  }
}

}  // namespace syncmldm::wbxml
