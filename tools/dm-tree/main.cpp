// dm-tree: a local OMA DM tree. Builds state files from DDF schemas, shows and queries them,
// and applies SyncML packages as a Windows DM client would, printing its response.
//
// This file holds the command line: each subcommand's options, then one call per subcommand
// (dm_tree.hpp; each in a file of its own).

#include <unistd.h>

#include "common/app.hpp"
#include "common/exit_codes.hpp"
#include "common/options.hpp"
#include "common/state_file.hpp"
#include "apply.hpp"
#include "dm_tree.hpp"

namespace {

using namespace dm_tree;

// Repeatable --ddf FILE.
CLI::Option* add_ddf_option(CLI::App& cmd, std::vector<std::string>& ddf, const char* help) {
  return cmd.add_option("--ddf", ddf, help)->option_text("FILE")->allow_extra_args(false);
}

// --format text|json.
void add_format_option(CLI::App& cmd, std::string& format) {
  cmd.add_option("--format", format, "Output: text or json")->check(CLI::IsMember({"text", "json"}))->option_text("FORMAT");
}

CLI::App* add_init(CLI::App& app, InitOptions& o) {
  auto* cmd = app.add_subcommand("init", "Create a state file with the standard objects and DDF defaults");
  add_ddf_option(*cmd, o.ddf, "DDF file or folder of DDF files (repeatable)");
  cmd->add_option("--set", o.set, "Set a leaf value, creating the node (repeatable)")->option_text("URI=VALUE")->allow_extra_args(false);
  cmd->add_option("--dev-id", o.dev_id, "Device identifier for ./DevInfo/DevId")->option_text("ID");
  cmd->add_option("-o,--output", o.output, "Write the state to FILE ('-' is stdout)")->option_text("FILE");
  return cmd;
}

CLI::App* add_show(CLI::App& app, ShowOptions& o) {
  auto* cmd = app.add_subcommand("show", "Draw a state (or a DDF schema) as a tree");
  cmd->add_option("args", o.args, "STATE and/or URI")->option_text("[STATE] [URI]");
  add_ddf_option(*cmd, o.ddf, "Show this DDF schema instead of a state (repeatable)");
  cmd->add_option("--depth", o.depth, "Levels to show below the start node")->option_text("N");
  cmd->add_flag("--props", o.props, "Show node properties");
  cmd->add_flag("--show-secrets", o.show_secrets, "Show values of nodes without Get (masked otherwise)");
  cmd->add_option("--format", o.format, "Output: text, json or tnds")
      ->check(CLI::IsMember({"text", "json", "tnds"}))
      ->option_text("FORMAT");
  return cmd;
}

CLI::App* add_get(CLI::App& app, GetOptions& o) {
  auto* cmd = app.add_subcommand("get", "Print a node's value, child list, property (?prop=) or structure (?list=)");
  cmd->add_option("STATE", o.state, "State file")->required();
  cmd->add_option("URI", o.uri, "Node URI")->required();
  cmd->add_flag("--show-secrets", o.show_secrets, "Show values of nodes without Get (masked otherwise)");
  return cmd;
}

CLI::App* add_describe(CLI::App& app, DescribeOptions& o) {
  auto* cmd = app.add_subcommand("describe", "Document a node from a DDF: access, format, allowed values...");
  cmd->add_option("args", o.args, "[STATE] URI")->option_text("[STATE] URI");
  add_ddf_option(*cmd, o.ddf, "DDF file or folder (repeatable)");
  add_format_option(*cmd, o.format);
  return cmd;
}

CLI::App* add_find(CLI::App& app, FindOptions& o) {
  auto* cmd = app.add_subcommand("find", "List node URIs matching a pattern");
  cmd->add_option("args", o.args, "[STATE] PATTERN")->option_text("[STATE] PATTERN");
  add_ddf_option(*cmd, o.ddf, "Search this DDF schema instead of a state (repeatable)");
  cmd->add_flag("--text", o.text, "Also match Titles and Descriptions (case-insensitive)");
  add_format_option(*cmd, o.format);
  return cmd;
}

CLI::App* add_diff(CLI::App& app, DiffOptions& o, tools::ColorOptions& color) {
  auto* cmd = app.add_subcommand("diff", "Compare two state files");
  cmd->add_option("A", o.a, "Old state")->required();
  cmd->add_option("B", o.b, "New state")->required();
  cmd->add_flag("--show-secrets", o.show_secrets, "Show values of nodes without Get (masked otherwise)");
  add_format_option(*cmd, o.format);
  tools::add_color_option(*cmd, color);
  return cmd;
}

CLI::App* add_complete(CLI::App& app, CompleteOptions& o) {
  auto* cmd = app.add_subcommand("complete", "Complete a node URI (for shell completion)");
  cmd->add_option("PREFIX", o.prefix, "Partial URI")->required();
  cmd->add_option("--state", o.state, "Complete from this state file")->option_text("FILE");
  add_ddf_option(*cmd, o.ddf, "Complete from this DDF schema (repeatable)");
  return cmd;
}

CLI::App* add_apply(CLI::App& app, ApplyOptions& o) {
  auto* cmd = app.add_subcommand("apply", "Apply a package to a state and print the device's response");
  cmd->add_option("STATE", o.state, "State file")->required();
  cmd->add_option("PACKAGE", o.package, "SyncML package ('-' is stdin)")->required();
  auto* in_place = cmd->add_flag("--in-place", o.in_place, "Save the new state over STATE");
  cmd->add_option("-o,--output", o.output, "Save the new state to FILE")->option_text("FILE")->excludes(in_place);
  cmd->add_flag("--wbxml", o.wbxml, "Print the response as WBXML");
  cmd->add_flag("--force", o.force, "Write WBXML even to a terminal; replace a read-only state");
  tools::add_lock_timeout_option(*cmd, o.state_file)->needs(in_place);
  cmd->add_option("--server-id", o.server_id, "Server identifier: enforce ACLs for it")->option_text("ID");
  cmd->add_option("--msg-id", o.msg_id, "MsgID of the response (default 1)")->option_text("N");
  cmd->add_flag("--fail-on-status", o.fail_on_status, "Exit 1 when any command failed");
  cmd->add_option("--format", o.format, "Provisioning document: what was set as text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->option_text("FORMAT");
  tools::add_input_format_option(*cmd, o.input);
  return cmd;
}

// Each --help ends with examples (the top-level one with the usual round trip).
void add_examples(CLI::App& app) {
  tools::examples(app, {"dm-tree init --ddf ddf/ -o device.tnds",
                        "dm-tree apply --in-place device.tnds package1.xml",
                        "dm-tree show device.tnds ./Vendor/MSFT/Policy"});
  const std::vector<std::pair<const char*, std::vector<std::string>>> per_command = {
      {"init", {"dm-tree init -o device.tnds", "dm-tree init --ddf ddf/ --dev-id IMEI:1 -o device.tnds"}},
      {"show", {"dm-tree show device.tnds", "dm-tree show --ddf ddf/Policy.xml --depth 2"}},
      {"get", {"dm-tree get device.tnds ./DevInfo/DevId", "dm-tree get device.tnds './DevDetail?list=Struct'"}},
      {"describe", {"dm-tree describe --ddf ddf/ ./Vendor/MSFT/Policy/Config/Camera/AllowCamera"}},
      {"find", {"dm-tree find device.tnds '*/Camera/*'", "dm-tree find --ddf ddf/ '*Password*'"}},
      {"diff", {"dm-tree diff before.tnds after.tnds"}},
      {"complete", {"dm-tree complete --state device.tnds ./DevInfo/"}},
      {"apply",
       {"dm-tree apply device.tnds package1.xml", "dm-tree apply --in-place --fail-on-status device.tnds package1.xml",
        "dm-tree apply -o after.tnds device.tnds capture.http"}},
  };
  for (CLI::App* sub : app.get_subcommands({})) {
    for (const auto& [name, lines] : per_command) {
      if (sub->get_name() == name) tools::examples(*sub, lines);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"A local OMA DM tree: DDF schemas, TNDS state files, and device-side execution of packages."};
  tools::configure_app(app, kTool);
  tools::add_verbosity_options(app);
  app.require_subcommand(1);
  app.fallthrough();  // -q and -v work after the subcommand too

  InitOptions init_options;
  ShowOptions show_options;
  GetOptions get_options;
  DescribeOptions describe_options;
  FindOptions find_options;
  DiffOptions diff_options;
  tools::ColorOptions diff_color;
  CompleteOptions complete_options;
  ApplyOptions apply_options;
  auto* init_cmd = add_init(app, init_options);
  auto* show_cmd = add_show(app, show_options);
  auto* get_cmd = add_get(app, get_options);
  auto* describe_cmd = add_describe(app, describe_options);
  auto* find_cmd = add_find(app, find_options);
  auto* diff_cmd = add_diff(app, diff_options, diff_color);
  auto* complete_cmd = add_complete(app, complete_options);
  auto* apply_cmd = add_apply(app, apply_options);
  add_examples(app);

  return tools::run_main(app, argc, argv, [&]() -> int {
    if (*init_cmd) return dm_tree::init(init_options);
    if (*show_cmd) return dm_tree::show(show_options);
    if (*get_cmd) return dm_tree::get(get_options);
    if (*describe_cmd) return dm_tree::describe(describe_options);
    if (*find_cmd) return dm_tree::find(find_options);
    if (*diff_cmd) {
      diff_options.color = diff_options.format == "text" && tools::use_color(diff_color, STDOUT_FILENO);
      return dm_tree::diff(diff_options);
    }
    if (*complete_cmd) return dm_tree::complete(complete_options);
    if (*apply_cmd) return dm_tree::apply(apply_options);
    return tools::kExitUsage;
  });
}
