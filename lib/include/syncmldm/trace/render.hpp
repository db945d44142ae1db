#pragma once
// Sessions as dm-trace shows them: text (a block per session, a line per command), one JSON
// document, or JSON Lines (a line per command); and the filters --failed, --session, --grep.
#include <cstdint>
#include <string>
#include <string_view>

#include "syncmldm/trace/session.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::trace {

// What a status code and an HRESULT mean, "" when unknown: the one place the code tables are
// asked, for every format.
std::string status_meaning(int code);
std::string hresult_meaning(std::uint32_t hresult);
// "0x86000002".
std::string hresult_text(std::uint32_t hresult);

struct Filter {
  bool failed_only = false;  // rows that failed (failed())
  std::string session_id;    // "" for all
  std::string uri_glob;      // rows whose target or a result's source matches; "" for all
};
bool wanted(const Session& session, const Filter& filter);
bool wanted(const Row& row, const Filter& filter);
// A shell-style glob: '*' any run of characters ('/' included), '?' one, [...] a set.
bool uri_matches(std::string_view glob, std::string_view uri);

struct TextOptions {
  std::size_t width = 80;    // lines are cut to this many columns (Data first)
  bool full = false;         // no cutting
  bool color = false;        // failures red, unpaired yellow (ANSI)
  bool findings = false;     // --validate: show each message's findings
};
// The session's block: a header line, a line per wanted row (and its results and findings).
std::string text(const Session& session, const Filter& filter, const TextOptions& options);

// The session as an object of `{"sessions": [...]}` (the man page's schema), one line.
std::string json(const Session& session, const Filter& filter, bool findings);
// A line per wanted row: the row's members with "session_id" and "device".
std::string jsonl(const Session& session, const Filter& filter);

// The same three, appended to `out`: a tool writes many sessions through one buffer, without a
// string of their own each.
void append_text(std::string& out, const Session& session, const Filter& filter, const TextOptions& options);
void append_json(std::string& out, const Session& session, const Filter& filter, bool findings);
void append_jsonl(std::string& out, const Session& session, const Filter& filter);

}  // namespace syncmldm::trace
SYNCMLDM_API_END
