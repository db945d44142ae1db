// A provisioning document applied to a tree: plan -> one SyncML message -> device::apply.
#include "syncmldm/device/provision.hpp"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "syncmldm/codes/explain.hpp"
#include "syncmldm/device/judgement.hpp"
#include "syncmldm/message/message.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/xml/xml.hpp"
#include "xml/xml_writer.hpp"

namespace syncmldm::device {

namespace {

// Presence in the tree, for asking the judgement whether an interior node exists already.
// The tree as it will be when the commands before this one have run: what it holds, and what
// earlier commands of the message create.
class Presence final : public judgement::State {
 public:
  Presence(const tree::Tree& t, const std::set<std::vector<std::string>>& planned) : tree_(t), planned_(planned) {}
  judgement::Presence at(const std::vector<std::string>& segs, std::size_t depth) const override {
    std::vector<std::string> prefix(segs.begin(), segs.begin() + static_cast<std::ptrdiff_t>(depth));
    bool there = tree_.find_segments(prefix) != nullptr || planned_.count(prefix) > 0;
    return there ? judgement::Presence::present : judgement::Presence::absent;
  }

 private:
  const tree::Tree& tree_;
  const std::set<std::vector<std::string>>& planned_;
};

void element(detail::XmlWriter& w, std::string_view name, std::string_view text) {
  w.start(name);
  w.text(text);
  w.end();
}

}  // namespace

ProvisionResult provision(tree::Tree& tree, const prov::Document& doc, const Options& options) {
  ProvisionResult result;
  prov::Plan plan = prov::plan(doc);
  result.skipped = std::move(plan.skipped);
  std::set<std::vector<std::string>> planned;  // nodes an earlier command of the message creates
  Presence presence(tree, planned);
  const ddf::Schema* schema = tree.schema().get();
  std::string text;
  detail::XmlWriter w(text, -1);
  w.start("SyncML");
  w.attribute("xmlns", "SYNCML:SYNCML1.2");
  w.start("SyncHdr");
  element(w, "VerDTD", "1.2");
  element(w, "VerProto", "DM/1.2");
  element(w, "SessionID", "1");
  element(w, "MsgID", options.msg_id);
  w.start("Target");
  element(w, "LocURI", "./");
  w.end();
  w.start("Source");
  element(w, "LocURI", "provisioning");
  w.end();
  w.end();
  w.start("SyncBody");
  std::size_t cmd = 0;
  for (auto& s : plan.settings) {
    bool exists = tree.find_segments(s.segments) != nullptr || planned.count(s.segments) > 0;
    if (s.interior) {
      if (exists) continue;
      judgement::Request ask{"Add", s.segments};
      std::string node = "node";
      ask.format = &node;
      // A CSP's root, a node the DDF gives its parent (Ext/Microsoft under an account): the
      // device has it already, or makes it itself (no Add in its AccessType).
      judgement::Verdict v = judgement::judge(schema, presence, ask);
      if (v.exists || v.reason == judgement::Reason::access) {
        planned.insert(s.segments);
        continue;
      }
    }
    // A leaf without a datatype takes the format its DDF gives (b64 for bin), else chr.
    if (!s.interior && s.format.empty()) {
      const ddf::SchemaNode* described = schema ? schema->lookup_segments(s.segments) : nullptr;
      s.format = described && !described->format.empty() && described->format != "node"
                     ? (described->format == "bin" ? "b64" : described->format)
                     : "chr";
    }
    ProvisionStep step;
    step.command = exists ? "Replace" : "Add";
    planned.insert(s.segments);
    w.start(step.command);
    element(w, "CmdID", std::to_string(++cmd));
    w.start("Item");
    w.start("Target");
    element(w, "LocURI", s.uri);
    w.end();
    w.start("Meta");
    w.start("Format");
    w.attribute("xmlns", "syncml:metinf");
    w.text(s.format);
    w.end();
    w.end();
    if (!s.interior) element(w, "Data", s.value.value_or(""));
    w.end();
    w.end();
    step.setting = std::move(s);
    result.steps.push_back(std::move(step));
  }
  w.start("Final");
  w.end();
  w.end();
  w.end();
  w.finish();
  if (result.steps.empty()) return result;

  auto parsed = xml::Document::parse(text, "provisioning");
  Options o = options;
  Response resp = apply(tree, message::read(parsed), o);
  result.changed = resp.changed;
  std::map<std::string, int> statuses;  // CmdRef -> status
  for (const auto& c : resp.message.commands) {
    if (c.kind == message::Kind::status && c.cmd_ref && c.data) statuses[*c.cmd_ref] = std::atoi(c.data->c_str());
  }
  std::map<std::string, std::string> reasons;  // CmdRef -> why it failed
  for (const auto& f : resp.failures) reasons.emplace(f.cmd_id, f.reason);
  for (std::size_t i = 0; i < result.steps.size(); ++i) {
    auto it = statuses.find(std::to_string(i + 1));
    result.steps[i].status = it == statuses.end() ? 500 : it->second;
    if (result.steps[i].status < 200 || result.steps[i].status >= 300) {
      result.failed = true;
      if (auto r = reasons.find(std::to_string(i + 1)); r != reasons.end()) result.steps[i].reason = r->second;
    }
  }
  return result;
}

std::string describe(const ProvisionResult& result, bool json) {
  auto shown = [](const prov::Setting& s) -> std::string {
    if (s.interior) return {};
    if (s.secret) return std::string(tree::kHiddenValue);
    return s.value.value_or("");
  };
  if (json) {
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& st : result.steps) {
      nlohmann::json j;
      j["status"] = st.status;
      j["meaning"] = codes::status_label(st.status);
      j["command"] = st.command;
      j["uri"] = st.setting.uri;
      j["format"] = st.setting.format;
      if (!st.reason.empty()) j["reason"] = st.reason;
      if (!st.setting.interior) j["value"] = shown(st.setting);
      if (st.setting.where.line) j["line"] = st.setting.where.line;
      if (st.setting.where.line) j["column"] = st.setting.where.column;
      if (!st.setting.where.line && st.setting.where.offset) j["offset"] = *st.setting.where.offset;
      steps.push_back(std::move(j));
    }
    nlohmann::json skipped = nlohmann::json::array();
    for (const auto& s : result.skipped) {
      nlohmann::json j;
      j["what"] = s.what;
      j["where"] = s.where.to_string();
      skipped.push_back(std::move(j));
    }
    nlohmann::json doc{{"steps", steps}, {"skipped", skipped}, {"failed", result.failed}};
    return doc.dump(2) + "\n";
  }
  std::string out;
  for (const auto& st : result.steps) {
    out += fmt::format("{} {} {}", st.status, st.command, st.setting.uri);
    if (!st.setting.interior) {
      out += " = ";
      for (char c : shown(st.setting)) {  // one line per node, whatever the value holds
        auto b = static_cast<unsigned char>(c);
        out += b < 0x20 || b == 0x7F ? fmt::format("\\x{:02x}", b) : std::string(1, c);
      }
    }
    out += '\n';
  }
  return out;
}

}  // namespace syncmldm::device
