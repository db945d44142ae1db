// What several dm-tree subcommands share: loading schemas and states, saving states, the
// "no such node" message, masking, and the -vv timing notes.

#include <time.h>

#include <chrono>
#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "common/clock.hpp"
#include "common/exit_codes.hpp"
#include "common/heap.hpp"
#include "common/messages.hpp"
#include "common/output.hpp"
#include "common/state_file.hpp"
#include "dm_tree.hpp"
#include "syncmldm/device/judgement.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/ddf_load.hpp"
#include "syncmldm/tree/tnds.hpp"

namespace dm_tree {

using namespace syncmldm;

namespace {

// Large structures are not taken apart when the process ends: freeing 100,000 schema nodes (or
// tree nodes) one by one costs more than the system reclaiming the pages at exit. This keeps
// them reachable (so leak checkers stay quiet) and is released only by the exit itself.
void keep_until_exit(std::shared_ptr<const void> big) {
  static auto* kept = new std::vector<std::shared_ptr<const void>>;
  kept->push_back(std::move(big));
}

double wall_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

Stopwatch::Stopwatch() : wall_(wall_ms()), cpu_(tools::cpu_ms()) {}

std::string Stopwatch::lap() {
  double w = wall_ms(), c = tools::cpu_ms();
  std::string s = fmt::format("{:.1f} ms (CPU {:.1f} ms)", w - wall_, c - cpu_);
  wall_ = w;
  cpu_ = c;
  return s;
}

void timing_note(const std::string& what) {
  if (tools::verbosity() >= 2) tools::print_note(kTool, what);
}

std::shared_ptr<ddf::Schema> load_schema(const std::vector<std::string>& ddfs, bool with_standard) {
  // The text read (1 byte per byte) and the schema (about 1.6 bytes per DDF byte).
  tools::reserve_heap(3 * tools::input_bytes(ddfs));
  Stopwatch sw;
  ddf::LoadOptions options;
  options.standard_objects = with_standard;
  options.loaded = [&](const std::string& f) { timing_note(fmt::format("loaded DDF {} in {}", f, sw.lap())); };
  auto schema = ddf::load_schema(ddfs, options);
  keep_until_exit(schema);
  if (!ddfs.empty() && tools::verbosity() >= 2) timing_note(fmt::format("schema: {} described nodes", schema->size()));
  return schema;
}

tree::Tree load_state(const std::string& path) { return tnds::read_state(input::read_text(path), path); }

void save_state(const tree::Tree& t, const std::string& path) {
  if (path == "-") tools::write_output(tools::OutputOptions{}, tnds::write_state(t), false);
  else tools::save_state(kTool, path, t);
}

int not_found(const std::string& uri, const ddf::Schema* schema) {
  tools::print_error(kTool, fmt::format("{}: no such node", uri));
  if (!schema) return tools::kExitFindings;
  // The hint dm-validate gives (judgement.hpp), else the nearest names of the schema.
  auto hint = judgement::not_found_hint(*schema, uri);
  if (hint.scope_hint)
    tools::print_note(kTool, *hint.scope_hint == uri::Scope::user ? "the DDF defines it in user scope: ./User/..."
                                                                   : "the DDF defines it in device scope: ./Device/...");
  for (const auto& s : hint.suggestions) tools::print_note(kTool, "did you mean " + s + "?");
  return tools::kExitFindings;
}

bool masks(const tree::Tree& t, const tree::Node& n, bool show_secrets, std::size_t& hidden) {
  if (show_secrets || t.read_status(n, {}) == 200) return false;
  ++hidden;
  return true;
}

void note_masked(std::size_t count) {
  if (count)
    tools::print_note(kTool, fmt::format("{} value{} of nodes without Get masked as {} (--show-secrets shows them)", count,
                                         count == 1 ? "" : "s", tree::kHiddenValue));
}

std::string printable(std::string_view v) {
  std::string out;
  for (unsigned char c : v) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02x}", c);
    else out.push_back(static_cast<char>(c));
  }
  return out;
}

void print(std::string_view out) { tools::write_output(tools::OutputOptions{}, out, false); }

}  // namespace dm_tree
