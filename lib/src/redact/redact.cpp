// The format of an input, and a body by its content.
#include "syncmldm/redact/redact.hpp"

#include "syncmldm/util/error.hpp"
#include "syncmldm/wbxml/document.hpp"
#include "syncmldm/wbxml/wbxml.hpp"

namespace syncmldm::redact {
namespace {

std::string_view skip_space(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  return s;
}

bool starts_http(std::string_view s) {
  if (s.starts_with("HTTP/")) return true;
  for (std::string_view m : {"GET ", "POST ", "PUT ", "HEAD ", "DELETE ", "OPTIONS ", "PATCH "})
    if (s.starts_with(m)) return true;
  return false;
}

// WBXML documents one after another (a file of captured messages), each redacted in place; white
// space between them stays. Bytes that are no document are an error: nothing is copied unread.
Result wbxml_documents(std::string_view bytes, const Options& options, std::string_view source) {
  const std::string name(source);
  Result all;
  all.bytes.reserve(bytes.size());
  // One budget of string-table expansion for the walks of all documents (see wbxml/document.hpp).
  wbxml::TableBudget budget;
  budget.limit = wbxml::table_expansion_limit(bytes.size());
  wbxml::ReadOptions walk;
  walk.budget = &budget;
  for (std::size_t at = 0; at < bytes.size();) {
    std::size_t blank = at;
    while (blank < bytes.size() && (bytes[blank] == ' ' || bytes[blank] == '\t' || bytes[blank] == '\r' || bytes[blank] == '\n'))
      ++blank;
    all.bytes.append(bytes.substr(at, blank - at));
    if ((at = blank) >= bytes.size()) break;
    try {
      if (static_cast<unsigned char>(bytes[at]) > 0x03) throw Error(ErrorKind::input, "bytes after a WBXML document that are not one", Location{name, 0});
      std::string_view rest = bytes.substr(at);
      std::size_t n = static_cast<std::size_t>(wbxml::document_length(rest, name, walk));
      budget.limit += wbxml::table_expansion_limit(0);
      Result one = wbxml(rest.substr(0, n), options, source);
      all.bytes += one.bytes;
      all.redacted += one.redacted;
      at += n;
    } catch (const Error& e) {
      // The place within the document, counted from the start of the input.
      throw Error(e.kind(), e.message(), Location{name, at + e.where().offset.value_or(0)});
    }
  }
  return all;
}

}  // namespace

std::string_view format_name(Format format) {
  switch (format) {
    case Format::xml: return "XML";
    case Format::wbxml: return "WBXML";
    case Format::http: return "HTTP";
    case Format::har: return "HAR";
  }
  return "";
}

Format sniff(std::string_view bytes, std::string_view source) {
  if (wbxml::looks_like_wbxml(bytes)) return Format::wbxml;
  std::string_view s = skip_space(bytes);
  if (s.starts_with("{")) return Format::har;
  if (s.starts_with("<")) return Format::xml;
  if (starts_http(s)) return Format::http;
  throw Error(ErrorKind::input, "cannot tell the format: --redact takes XML, WBXML, an HTTP stream or a HAR document",
              Location{std::string(source)});
}

Result body(std::string_view bytes, const Options& options, std::string_view source) {
  if (wbxml::looks_like_wbxml(bytes)) return wbxml(bytes, options, source);
  std::string_view s = skip_space(bytes);
  if (s.starts_with("<")) return xml(bytes, options);
  Result r;
  r.bytes = std::string(bytes);
  if (!s.empty()) r.notes.push_back("a body that is neither XML nor WBXML was left as it is");
  return r;
}

Result any(std::string_view bytes, const Options& options, std::string_view source) {
  switch (sniff(bytes, source)) {
    case Format::xml: return xml(bytes, options);
    case Format::wbxml: return wbxml_documents(bytes, options, source);
    case Format::http: return http(bytes, options, source);
    case Format::har: return har(bytes, options, source);
  }
  return {};
}

}  // namespace syncmldm::redact
