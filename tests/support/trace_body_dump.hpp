#pragma once
// The trace's two body readers side by side: the parts of the model the trace reads, as text
// (a difference shows where it is), and each reader's answer in that form. Shared by the unit
// test (tests/unit/trace_body.cpp) and the differential fuzz target (tests/fuzz/fuzz_tracebody.cpp).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/message/message.hpp"
#include "syncmldm/util/error.hpp"
#include "trace/body_reader.hpp"

namespace trace_body_dump {

using syncmldm::trace::detail::Body;
namespace message = syncmldm::message;

inline std::string opt(const std::optional<std::string>& s) { return s ? "'" + *s + "'" : "-"; }

inline void dump_meta(std::string& out, const message::Meta& m) {
  out += " meta{" + opt(m.format) + opt(m.type) + opt(m.mark) + opt(m.size) + opt(m.version) + opt(m.next_nonce) +
         opt(m.max_msg_size) + opt(m.max_obj_size);
  for (const auto& e : m.emi) out += " emi'" + e + "'";
  out += "}";
}

inline void dump_address(std::string& out, const char* what, const message::Address& a) {
  out += std::string(" ") + what + "{" + opt(a.loc_uri) + opt(a.loc_name) + "}";
}

inline void dump_commands(std::string& out, const std::vector<message::Command>& commands, const Body& body,
                          int depth) {
  for (const auto& c : commands) {
    out += "\n" + std::string(depth * 2, ' ') + "cmd " + std::to_string(static_cast<int>(c.kind)) + " " + c.name +
           " id" + opt(c.cmd_id) + (c.no_resp ? " noresp" : "") + " data" + opt(c.data) + " corr" + opt(c.correlator) +
           " msgref" + opt(c.msg_ref) + " cmdref" + opt(c.cmd_ref) + " cmd" + opt(c.cmd);
    for (const auto& r : c.target_refs) out += " tref'" + r + "'";
    for (const auto& r : c.source_refs) out += " sref'" + r + "'";
    if (c.meta) dump_meta(out, *c.meta);
    if (const std::string* e = body.original_error(c)) out += " originalerror'" + *e + "'";
    for (const auto& it : c.items) {
      out += "\n" + std::string(depth * 2 + 1, ' ') + "item";
      if (it.target) dump_address(out, "target", *it.target);
      if (it.source) dump_address(out, "source", *it.source);
      if (it.meta) dump_meta(out, *it.meta);
      if (it.data)
        out += " data'" + it.data->text + "'" + (it.data->is_xml ? " xml" : "") + (it.data->had_cdata ? " cdata" : "");
      if (it.more_data) out += " more";
    }
    dump_commands(out, c.children, body, depth + 1);
  }
}

// The model as text; never empty.
inline std::string dump(const Body& body) {
  const message::Message& m = body.message;
  std::string out = "ns'" + m.namespace_uri + "'" + (m.has_header ? " header" : "") + (m.has_body ? " body" : "") +
                    (m.final ? " final" : "");
  const message::Header& h = m.header;
  out += " hdr" + opt(h.ver_dtd) + opt(h.ver_proto) + opt(h.session_id) + opt(h.msg_id) + opt(h.resp_uri) +
         (h.no_resp ? " noresp" : "");
  if (h.target) dump_address(out, "target", *h.target);
  if (h.source) dump_address(out, "source", *h.source);
  dump_commands(out, m.commands, body, 1);
  return out;
}

// The full reader's answer, read into a fresh Body: the model, or "error: ..." when it refuses
// the text. Only syncmldm::Error is expected of it; anything else escapes.
inline std::string full(std::string_view xml) {
  Body body;
  std::string copy(xml);
  try {
    syncmldm::trace::detail::read_body_with_tree(copy, true, "t.xml", body);
  } catch (const syncmldm::Error& e) {
    return "error: " + e.message();
  }
  return dump(body);
}

// The one-pass reader's answer read into `body`: the model, or "" when it leaves the text to
// the full reader.
inline std::string one_pass(std::string_view xml, Body& body) {
  return syncmldm::trace::detail::read_body_one_pass(xml, body) ? dump(body) : std::string();
}

}  // namespace trace_body_dump
