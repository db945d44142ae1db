// dm-tree apply: a package applied to a state as a Windows DM client would, its response
// printed and the new state saved where asked.

#include <optional>

#include <fmt/format.h>

#include "common/clock.hpp"
#include "common/exit_codes.hpp"
#include "common/heap.hpp"
#include "common/input_note.hpp"
#include "common/messages.hpp"
#include "common/output.hpp"
#include "apply.hpp"
#include "dm_tree.hpp"
#include "syncmldm/codec/codec.hpp"
#include "syncmldm/device/device.hpp"
#include "syncmldm/device/provision.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/message/message.hpp"
#include "syncmldm/prov/prov.hpp"

namespace dm_tree {

using namespace syncmldm;

namespace {

// The request and the document its commands point into.
struct Package {
  xml::Document doc;
  message::Message request;
};

Package read_package(input::Payload payload, const ApplyOptions& o) {
  std::string xml_text =
      payload.payload == input::Format::wbxml ? codec::wbxml_to_xml(payload.bytes, o.package) : std::move(payload.bytes);
  Package p{xml::Document::parse(xml_text, o.package), {}};
  p.request = message::read(p.doc);
  return p;
}

// Saves where asked; a changed tree nobody asked to save is noted, lest the change be thought kept.
void save_new_state(const tree::Tree& t, const ApplyOptions& o, bool changed) {
  if (o.in_place) save_state(t, o.state);
  else if (!o.output.empty()) save_state(t, o.output);
  else if (changed)
    tools::print_note(kTool, o.state == "-" ? "the new state was not saved (-o FILE saves it)"
                                            : "the new state was not saved (--in-place or -o FILE saves it)");
}

std::string failure_text(const device::Failure& f) {
  std::string what = f.command == "SyncHdr" ? "SyncHdr"
                     : f.cmd_id.empty()     ? f.command + " (no CmdID)"
                                            : fmt::format("CmdID {} {}", f.cmd_id, f.command);
  if (!f.target.empty()) what += " " + printable(f.target);
  return fmt::format("{}: {}{}", what, f.code, f.reason.empty() ? "" : ": " + f.reason);
}

// -v: every failing Status with its reason.
void note_failures(const device::Response& resp) {
  if (tools::verbosity() <= 0) return;
  for (const auto& f : resp.failures) tools::print_note(kTool, failure_text(f));
}

// --fail-on-status: the exit code, and the command that tripped it.
int status_exit(const device::Response& resp, const ApplyOptions& o) {
  if (!o.fail_on_status || !resp.failed) return tools::kExitOk;
  std::size_t count = 0;
  const device::Failure* first = nullptr;
  for (const auto& f : resp.failures) {
    if (f.command == "SyncHdr") continue;
    ++count;
    if (!first) first = &f;
  }
  if (first)
    tools::print_note(kTool, fmt::format("--fail-on-status: {}{}", failure_text(*first),
                                         count > 1 ? fmt::format(" (and {} more failing)", count - 1) : ""));
  return tools::kExitFindings;
}

void note_execs(const device::Response& resp) {
  if (tools::verbosity() <= 0) return;
  for (const auto& e : resp.execs)
    tools::print_note(kTool, "exec " + e.uri + (e.data.empty() ? "" : " with " + printable(e.data)));
}

// A provisioning document (wap-provisioningdoc): the nodes it maps to are set, one line each.
int apply_provisioning(tree::Tree& t, const std::string& bytes, const ApplyOptions& o) {
  device::Options options;
  options.server_id = o.server_id;
  options.now = tools::now_stamp();
  auto result = device::provision(t, prov::read(bytes, o.package), options);
  for (const auto& s : result.skipped) tools::print_note(kTool, s.where.to_string() + ": skipped: " + s.what);
  if (tools::verbosity() > 0)
    for (const auto& st : result.steps)
      if (!st.reason.empty())
        tools::print_note(kTool, fmt::format("{} {}: {}: {}", st.command, st.setting.uri, st.status, st.reason));
  save_new_state(t, o, result.changed);
  tools::OutputOptions oo;
  oo.force = o.force;
  tools::write_output(oo, device::describe(result, o.format == "json"), false);
  return result.failed ? tools::kExitFindings : tools::kExitOk;
}

}  // namespace

int apply(const ApplyOptions& o) {
  // The request and response models take some 45 bytes per package byte, the tree a few per
  // state byte; what is not used stays address space only.
  tools::reserve_heap(64 * tools::input_bytes({o.package}) + 8 * tools::input_bytes({o.state}));
  Stopwatch sw;
  // --in-place: locked from reading to saving, so that a concurrent apply waits for this one.
  std::optional<tools::StateUpdate> update;
  if (o.in_place) update.emplace(o.state, o.state_file, o.force);
  else if (!o.output.empty() && o.output != "-") tools::check_replaceable(o.output, o.force);
  tree::Tree t = load_state(o.state);
  timing_note("read the state in " + sw.lap());
  // Any input form (XML, WBXML, hex, Base64, HTTP); a bad package leaves the state alone.
  auto payload = input::load(o.package, input::parse_format(o.input.format));
  tools::note_input_encoding(kTool, o.package, payload.encoding);
  if (prov::is_provisioning(payload.bytes)) return apply_provisioning(t, payload.bytes, o);
  Package package = read_package(std::move(payload), o);
  timing_note(fmt::format("read the package ({} commands) in {}", package.request.commands.size(), sw.lap()));
  device::Options options;
  options.msg_id = o.msg_id;
  options.server_id = o.server_id;
  options.now = tools::now_stamp();
  auto resp = device::apply(t, package.request, options);
  timing_note("applied the commands in " + sw.lap());
  note_execs(resp);
  note_failures(resp);
  if (!resp.reply) {
    tools::print_note(kTool, "the package holds no command to answer (only Statuses): a device sends no response");
    save_new_state(t, o, resp.changed);
    return tools::kExitOk;
  }
  std::string out = message::write(resp.message);
  if (o.wbxml) out = codec::xml_to_wbxml(out, "response");
  timing_note("wrote the response in " + sw.lap());
  save_new_state(t, o, resp.changed);
  tools::OutputOptions oo;
  oo.force = o.force;
  tools::write_output(oo, out, o.wbxml);
  return status_exit(resp, o);
}

}  // namespace dm_tree
