#pragma once
// DM node URIs (OMA DM TND 1.2 and the Windows client's rules): parsing into segments with
// percent-decoding, the `?prop=` and `?list=` queries, scope prefixes (`./Device`, `./User`),
// a canonical form for comparing and looking up URIs, and a checker that reports every problem
// as data (kind, place, status) so that each tool can word and rank them itself.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::uri {

// Who a URI addresses on a Windows device. No prefix means the device.
enum class Scope { device, user };

enum class QueryKind { none, prop, list, other };  // other: '?' then anything else

// A URI split into its parts. Segments are percent-decoded node names (raw bytes, UTF-8 in
// practice); `raw_segments` keep them as written, for messages and positions.
struct Uri {
  bool dot_prefix = false;             // written with "./" (or is ".")
  std::vector<std::string> segments;   // decoded names, scope prefix included as written
  std::vector<std::string> raw_segments;
  std::vector<std::size_t> segment_offsets;  // byte offset of each raw segment in the text
  QueryKind query = QueryKind::none;
  std::string query_value;             // text after "?prop=" or "?list=", decoded

  bool is_root() const { return segments.empty(); }
};

// Splits `text` without judging it: never fails. Use check() for the rules.
// Invalid percent escapes are kept literally.
Uri parse(std::string_view text);

// Writes `./a/b` (or `.` for the root) with every name percent-encoded, plus the query.
std::string to_string(const Uri& uri);
// The node part only ("./a/b"), no query.
std::string node_string(const Uri& uri);

// Scope of a URI: `./User/...` (any case) is user scope; everything else is device scope.
Scope scope_of(const Uri& uri);

// The form used to compare and look up URIs: `./Device/X` and `Device/X` become `./X`, a
// lower-case `user` prefix becomes `User`, and the query is kept. `./Vendor/MSFT/A` and
// `./Device/Vendor/MSFT/A` have the same canonical form.
Uri canonical(const Uri& uri);
// Canonical node path as a string key: "./Vendor/MSFT/A" (percent-encoded), "." for the root.
std::string canonical_key(std::string_view text);

// Percent-encodes one node name: letters, digits and `-_.!~'()*:@&=+$,` stay, everything
// else (space, '/', '%', '?', non-ASCII bytes...) becomes %XX. `*` stays as it is legal
// inside a name.
std::string encode_segment(std::string_view name);
// Decodes %XX escapes; invalid escapes are kept literally and reported through `ok`.
std::string decode(std::string_view text, bool* ok = nullptr);

// DevDetail/URI limits; 0 means unlimited. Counted in characters of the URI as written.
struct Limits {
  std::uint16_t max_depth = 0;    // number of segments (the "." root is not one)
  std::uint16_t max_tot_len = 0;  // characters of the whole URI, query included
  std::uint16_t max_seg_len = 0;  // characters of one segment
};

// The property names `?prop=` accepts (TND 1.2).
bool is_property_name(std::string_view name);

// `?list=` request: Struct, StructData, or TNDS with +/- property lists.
struct ListRequest {
  enum class Kind { structure, structure_data, tnds } kind = Kind::structure;
  std::vector<std::string> properties;  // TNDS+A+B (include) or TNDS-A-B (exclude)
  bool exclude = false;                 // properties name the ones to leave out
};
// Parses the value after "?list=". nullopt: unsupported attribute or property (406).
std::optional<ListRequest> parse_list(std::string_view value);

enum class ProblemKind {
  empty,                  // the URI is empty
  leading_slash,          // starts with '/'
  empty_segment,          // "//" or a name that is empty
  trailing_slash,         // ends with '/' (so "./" too)
  star_segment,           // a name that is "*" alone
  dot_segment,            // "." anywhere but first
  dot_dot_segment,        // ".." anywhere
  trailing_dot,           // a name ending in '.' (the OMA grammar and libdmclient refuse it)
  whitespace,             // space, tab or line break (copy-paste); Windows answers 404
  unescaped_character,    // a reserved or unsafe ASCII character that must be %-escaped
  non_ascii,              // raw non-ASCII byte: must be UTF-8 and percent-encoded
  bad_escape,             // '%' not followed by two hex digits
  escaped_invalid_utf8,   // the decoded bytes of a name are not valid UTF-8
  bad_query,              // text after '?' that is neither "prop=" nor "list="
  unknown_property,       // ?prop= with a name TND does not define (406)
  unknown_list,           // ?list= with an unsupported attribute or property (406)
  no_prefix,              // relative without "./": works (device scope) but is ambiguous
  lowercase_scope,        // "./user" or "./device" instead of "./User" / "./Device"
  too_deep,               // more segments than MaxDepth (414)
  too_long,               // more characters than MaxTotLen (414)
  segment_too_long,       // a segment longer than MaxSegLen (414)
};

enum class Severity { error, warning };

struct Problem {
  ProblemKind kind;
  Severity severity = Severity::error;
  std::size_t offset = 0;               // byte offset in the URI text
  std::size_t length = 0;               // bytes concerned
  std::optional<std::size_t> segment;   // 0-based index in Uri::segments, where it applies
  std::optional<int> status;            // status a Windows/OMA client returns, if known
  std::string suggestion;               // a corrected URI where one is obvious, else "";
                                        // given once, on the first problem that it fixes
};

struct CheckOptions {
  Limits limits;
  bool allow_query = true;   // false where only a node URI is allowed (e.g. Add targets)
};

// At most this many problems are reported for one URI (hostile input can have millions).
inline constexpr std::size_t kMaxProblems = 100;

// All problems of `text`, in order of position. Empty means the URI is fine.
std::vector<Problem> check(std::string_view text, const CheckOptions& options = {});
// True when a problem list has an error (warnings do not count).
bool has_error(const std::vector<Problem>& problems);

// A stable kebab-case identifier ("leading-slash") and a one-line description in English.
std::string_view rule_id(ProblemKind kind);
std::string_view describe(ProblemKind kind);

// Number of UTF-8 characters (code points; invalid bytes count one each).
std::size_t char_count(std::string_view text);

}  // namespace syncmldm::uri
SYNCMLDM_API_END
