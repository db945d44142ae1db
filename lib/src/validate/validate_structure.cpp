// Structure rules: the SyncML skeleton, the header, command shapes, and who may send what.

#include <fmt/format.h>

#include "syncmldm/codes/status.hpp"
#include "validate/validate_context.hpp"

namespace syncmldm::validate::detail::structure {
namespace {

bool is_metinf_name(std::string_view n) {
  return n == "Format" || n == "Type" || n == "Size" || n == "Mark" || n == "MaxMsgSize" || n == "MaxObjSize" ||
         n == "NextNonce" || n == "EMI" || n == "Version" || n == "Anchor" || n == "Mem" || n == "FieldLevel";
}

// Unexpected children of commands and Items: MetInf elements outside Meta get their own rule.
bool metinf_outside_meta(Context& ctx, const Node* n, const Frame* f) {
  if (!is_metinf_name(name_of(n))) return false;
  ctx.report(n, "meta-misplaced", fmt::format("{} must be inside Meta", name_of(n)), f);
  return true;
}

void check_cred(Context& ctx, const Node* holder, const Frame* f) {
  const Node* meta = xml::child(holder, "Meta");
  if (!meta) return;
  std::string scratch;
  if (auto format = child_text(meta, "Format", scratch); format && *format != "b64") {
    ctx.report(xml::child(meta, "Format"), "cred-format",
               fmt::format("{} Format must be b64, not '{}'", name_of(holder), *format), f);
  }
  if (auto type = child_text(meta, "Type", scratch)) {
    static constexpr std::string_view kSchemes[] = {
        "syncml:auth-basic", "syncml:auth-md5", "syncml:auth-MAC", "syncml:auth-X509",
        "syncml:auth-securid", "syncml:auth-safeword", "syncml:auth-digipass"};
    bool known = false;
    for (auto s : kSchemes) known = known || *type == s;
    if (!known) {
      ctx.report(xml::child(meta, "Type"), "cred-format",
                 fmt::format("unknown authentication type '{}' in {}", *type, name_of(holder)), f);
    }
  }
}

}  // namespace

void check_root(Context& ctx, const Node* root) {
  const xml::dom::Attribute* xmlns = root->first_attribute("xmlns");
  if (!xmlns) {
    ctx.report(root, "syncml-namespace", "SyncML has no xmlns: expected xmlns=\"SYNCML:SYNCML1.2\"");
  } else {
    std::string_view raw(xmlns->value(), xmlns->value_size());
    std::string_view ns = trim(raw);
    if (xml::iequals(ns, xml::kSyncML12)) {
      if (ns != raw) ctx.report(root, "syncml-namespace", "namespace value has stray spaces", nullptr, {}, Severity::warning);
    } else if (xml::iequals(ns, xml::kSyncML11)) {
      ctx.report(root, "syncml-namespace",
                 "namespace SYNCML:SYNCML1.1: Windows accepts it from a server, OMA DM 1.2 expects SYNCML:SYNCML1.2",
                 nullptr, {}, ctx.windows() ? Severity::note : Severity::warning);
    } else {
      ctx.report(root, "syncml-namespace", fmt::format("namespace '{}' is not SYNCML:SYNCML1.2", raw));
    }
  }
  int headers = 0, bodies = 0;
  bool body_before_header = false;
  for (const Node* n = root->first_node(); n; n = n->next_sibling()) {
    if (!is_element(n)) continue;
    std::string_view name = name_of(n);
    if (name == "SyncHdr") {
      if (++headers > 1) ctx.report(n, "message-structure", "SyncML holds more than one SyncHdr");
      if (bodies > 0 && !body_before_header) {
        ctx.report(n, "message-structure", "SyncHdr must come before SyncBody");
        body_before_header = true;
      }
    } else if (name == "SyncBody") {
      if (++bodies > 1) ctx.report(n, "message-structure", "SyncML holds more than one SyncBody");
    } else {
      ctx.report(n, "message-structure", fmt::format("{} is not allowed in SyncML (only SyncHdr, SyncBody)", name));
    }
  }
  if (headers == 0 && bodies > 0 && ctx.windows()) {
    // Microsoft's CSP pages write every request this way: a profile whose header the server adds.
    ctx.report(root, "message-structure",
               "SyncML has no SyncHdr: checked as a fragment (a message sent to a device needs one)", nullptr, {},
               Severity::note);
  } else if (headers == 0) {
    ctx.report(root, "message-structure", "SyncML has no SyncHdr");
  }
  if (bodies == 0) ctx.report(root, "message-structure", "SyncML has no SyncBody");
}

void check_header(Context& ctx, const Node* h) {
  check_order(ctx, h,
              {{"VerDTD"}, {"VerProto"}, {"SessionID"}, {"MsgID"}, {"Target"}, {"Source"}, {"RespURI"}, {"NoResp"},
               {"Cred"}, {"Meta"}},
              nullptr);
  std::string scratch;
  std::string missing;
  auto need = [&](std::string_view name) {
    if (!xml::child(h, name)) missing += missing.empty() ? std::string(name) : fmt::format(", {}", name);
  };
  need("VerDTD");
  need("VerProto");
  need("SessionID");
  need("MsgID");
  for (std::string_view addr : {"Target", "Source"}) {
    const Node* a = xml::child(h, addr);
    if (!a) {
      need(addr);
    } else if (auto uri = child_text(a, "LocURI", scratch); !uri || uri->empty()) {
      missing += fmt::format("{}{}/LocURI", missing.empty() ? "" : ", ", addr);
    }
  }
  if (!missing.empty()) ctx.report(h, "header-required", fmt::format("SyncHdr lacks {}", missing));

  if (auto v = child_text(h, "VerDTD", scratch); v && *v != "1.2") {
    ctx.report(xml::child(h, "VerDTD"), "header-verdtd", fmt::format("VerDTD is '{}', expected 1.2", *v));
  }
  if (auto v = child_text(h, "VerProto", scratch); v && *v != "DM/1.2") {
    ctx.report(xml::child(h, "VerProto"), "header-verproto", fmt::format("VerProto is '{}', expected DM/1.2", *v));
  }
  if (auto v = child_text(h, "MsgID", scratch)) {
    bool ok = !v->empty() && v->size() <= 10 && v->find_first_not_of("0123456789") == std::string_view::npos &&
              v->find_first_not_of('0') != std::string_view::npos;
    if (!ok) ctx.report(xml::child(h, "MsgID"), "header-msgid", fmt::format("MsgID '{}' is not a positive integer", *v));
  }
  if (auto v = child_text(h, "SessionID", scratch)) {
    if (v->empty()) {
      ctx.report(xml::child(h, "SessionID"), "header-sessionid", "SessionID is empty");
    } else if (v->size() > 4) {
      ctx.report(xml::child(h, "SessionID"), "header-sessionid",
                 fmt::format("SessionID '{}' is longer than 4 characters", *v));
    }
  }
  if (const Node* cred = xml::child(h, "Cred")) check_cred(ctx, cred, nullptr);
  if (const Node* meta = xml::child(h, "Meta")) meta::check_header_meta(ctx, meta);
}

void check_command_shape(Context& ctx, const Frame& f) {
  const Node* c = f.node;
  auto unexpected = [&](const Node* n) { return metinf_outside_meta(ctx, n, &f); };
  switch (f.kind) {
    case Kind::add:
    case Kind::replace:
    case Kind::copy:
      check_order(ctx, c, {{"CmdID"}, {"NoResp"}, {"Cred"}, {"Meta"}, {"Item", true}}, &f, "element-order", unexpected);
      break;
    case Kind::delete_:
      check_order(ctx, c, {{"CmdID"}, {"NoResp"}, {"Archive"}, {"SftDel"}, {"Cred"}, {"Meta"}, {"Item", true}}, &f,
                  "element-order", unexpected);
      break;
    case Kind::exec:
      check_order(ctx, c, {{"CmdID"}, {"NoResp"}, {"Cred"}, {"Meta"}, {"Correlator"}, {"Item", true}}, &f,
                  "element-order", unexpected);
      break;
    case Kind::get:
      check_order(ctx, c, {{"CmdID"}, {"NoResp"}, {"Lang"}, {"Cred"}, {"Meta"}, {"Item", true}}, &f, "element-order",
                  unexpected);
      break;
    case Kind::alert:
      check_order(ctx, c, {{"CmdID"}, {"NoResp"}, {"Cred"}, {"Data"}, {"Correlator"}, {"Item", true}}, &f,
                  "element-order", unexpected);
      break;
    case Kind::results:
      check_order(ctx, c,
                  {{"CmdID"}, {"MsgRef"}, {"CmdRef"}, {"Cmd"}, {"Meta"}, {"TargetRef"}, {"SourceRef"}, {"Item", true}},
                  &f, "element-order", unexpected);
      break;
    default: break;  // containers: validate_atomic.cpp; Status: validate_responses.cpp
  }
  if (f.kind != Kind::status) {
    if (const Node* cred = xml::child(c, "Cred")) {
      ctx.report(cred, "cred-placement", fmt::format("Cred inside {}: credentials belong only in SyncHdr", kind_name(f.kind)), &f);
    }
  }
  if (f.kind == Kind::copy) ctx.report(c, "copy-unsupported", "Copy is not supported by the Windows client", &f);

  // Who may send what. Alerts are judged by their code in validate_items.cpp.
  if (ctx.direction == Direction::client) {
    switch (f.kind) {
      case Kind::add: case Kind::atomic: case Kind::copy: case Kind::delete_:
      case Kind::exec: case Kind::get: case Kind::sequence:
        ctx.report(c, "command-direction", fmt::format("{} is sent by a server, not by a client", kind_name(f.kind)), &f);
        break;
      case Kind::replace: {
        const Node* item = xml::child(c, "Item");
        if (item && xml::child(item, "Target") && !xml::child(item, "Source")) {
          ctx.report(c, "command-direction", "a client's Replace carries Source items (DevInfo), not Target", &f);
        }
        break;
      }
      default: break;
    }
  } else if (f.kind == Kind::results) {
    ctx.report(c, "command-direction", "Results are sent by a client, not by a server", &f);
  }
}

}  // namespace syncmldm::validate::detail::structure
