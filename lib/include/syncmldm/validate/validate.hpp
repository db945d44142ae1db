// Validation of OMA DM messages and provisioning fragments.
//
// The validator judges a message as a DM client would: the Windows DM client
// (Profile::windows, the default) or a strict OMA DM 1.2 RepPro reader
// (Profile::oma). Findings are data: every problem in the input becomes one
// Diagnostic; nothing is thrown for bad input (a malformed document is itself
// a finding, rule "xml-malformed").
//
// Rules live in one registry (rules()), the single source for
// `dm-validate --list-rules`, `--explain` and the manual page.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/input/input.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::ddf {
class Schema;
}

namespace syncmldm::validate {

enum class Severity { note, warning, error };
enum class Profile { windows, oma };
/// Which side sent the message: it decides which commands may appear.
enum class Direction { automatic, server, client };

std::string_view to_string(Severity);
std::string_view to_string(Profile);
std::optional<Profile> parse_profile(std::string_view);
std::optional<Direction> parse_direction(std::string_view);

/// One finding. `line`/`column` are 1-based and point at the start tag of the
/// element at fault; both are null for WBXML input, where `offset` is the
/// byte offset of the token. `rule` points into the registry (static).
struct Diagnostic {
    std::string file;
    std::optional<std::size_t> line;
    std::optional<std::size_t> column;
    std::optional<std::size_t> offset;
    Severity severity = Severity::error;
    std::string_view rule;
    std::optional<int> status;      ///< status a Windows client returns, if known
    std::optional<std::string> cmdid;
    std::string message;
};

/// A rule as the registry describes it.
struct Rule {
    std::string_view id;            ///< stable kebab-case id
    std::string_view area;          ///< structure, cmdid, atomic, items, locuri, meta, responses, ddf, prov
    std::optional<Severity> windows;  ///< severity under --profile windows (nullopt: not checked)
    std::optional<Severity> oma;      ///< severity under --profile oma (nullopt: not checked)
    int status;                     ///< Windows status code, 0 when none is defined
    std::string_view summary;       ///< one line
    std::string_view explanation;   ///< a paragraph: why, and what the client does
    std::string_view example;       ///< a short fragment that breaks the rule
};

/// Every rule, in a stable order (by area, then id).
std::span<const Rule> rules();
/// The rule with that id, or nullptr.
const Rule* find_rule(std::string_view id);

struct Options {
    Profile profile = Profile::windows;
    Direction direction = Direction::automatic;
    std::vector<std::string> disabled;        ///< rule ids not reported
    const ddf::Schema* schema = nullptr;      ///< enables the ddf-* rules
    std::optional<std::string> bootstrap_key; ///< enables bootstrap-mac (validate_input only)
};

/// Result for one input.
struct FileReport {
    std::string path;
    input::Format format = input::Format::xml;  ///< xml or wbxml
    std::vector<Diagnostic> diagnostics;      ///< in document order
};

/// Validate XML text (a whole message, a bare SyncBody, or bare commands).
/// `source_name` is used in the diagnostics' `file`.
FileReport validate_xml(std::string_view text, std::string_view source_name, const Options& options);

/// The same for text the validator may keep: a large whole message is parsed in place, with no
/// second copy of the input.
FileReport validate_owned_xml(std::string text, std::string_view source_name, const Options& options);

/// Validate WBXML bytes: decoded first; diagnostics carry byte offsets of the
/// WBXML tokens and null line/column. Undecodable input is a finding
/// ("wbxml-malformed").
FileReport validate_wbxml(std::string_view bytes, std::string_view source_name,
                          const Options& options);

/// Validate a provisioning document (wap-provisioningdoc, XML or WBXML): the prov-* rules.
/// validate_xml, validate_wbxml and validate_input hand such documents here by their root or
/// public id.
FileReport validate_provisioning(std::string_view bytes, std::string_view source_name, const Options& options);

/// Validate input as it reaches a tool: XML, WBXML, or either wrapped in hex, Base64 or an HTTP
/// message (see input.hpp), sniffed by content unless `forced`. Input that is none of these is
/// a finding ("not-syncml").
FileReport validate_input(std::string_view bytes, std::string_view source_name, const Options& options,
                          input::Format forced = input::Format::automatic);
/// The same, taking the bytes: XML is validated with validate_owned_xml.
FileReport validate_owned_input(std::string bytes, std::string_view source_name, const Options& options,
                                input::Format forced = input::Format::automatic);

struct Counts {
    std::size_t errors = 0, warnings = 0, notes = 0;
};
Counts count(std::span<const FileReport> reports);

}  // namespace syncmldm::validate
SYNCMLDM_API_END
