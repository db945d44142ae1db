// The validator's entry points and its single walk over the DOM. Each element is visited once;
// the rule areas (validate_*.cpp) look at the element in hand and its direct children.

#include "syncmldm/validate/validate.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "syncmldm/prov/prov.hpp"
#include "validate/validate_bootstrap.hpp"
#include "validate/validate_context.hpp"

namespace syncmldm::validate {
namespace detail {
namespace {

bool is_http(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

// Which side sent the message, from the header addresses or the commands it carries.
Direction resolve_direction(const Options& options, const Node* header, const Node* body) {
  if (options.direction != Direction::automatic) return options.direction;
  std::string scratch;
  if (header) {
    auto address = [&](std::string_view which) -> std::string_view {
      const Node* n = xml::child(header, which);
      auto uri = n ? child_text(n, "LocURI", scratch) : std::nullopt;
      return uri ? *uri : std::string_view{};
    };
    if (is_http(address("Target"))) return Direction::client;
    if (is_http(address("Source"))) return Direction::server;
  }
  if (!body) return Direction::server;
  // The commands to judge: SyncBody's (or a fragment wrapper's) children, or a bare command itself.
  const bool single = command_kind(name_of(body)) != Kind::other;
  for (const Node* n = single ? body : body->first_node(); n; n = single ? nullptr : n->next_sibling()) {
    if (!is_element(n)) continue;
    switch (command_kind(name_of(n))) {
      case Kind::results: return Direction::client;
      case Kind::add: case Kind::delete_: case Kind::exec: case Kind::get:
      case Kind::atomic: case Kind::sequence: case Kind::copy:
        return Direction::server;
      case Kind::alert: {
        auto code = child_text(n, "Data", scratch);
        if (code && (*code == "1200" || *code == "1201" || *code == "1224" || *code == "1226")) {
          return Direction::client;
        }
        if (code && code->size() == 4 && code->starts_with("110")) return Direction::server;
        break;
      }
      case Kind::replace: {
        const Node* item = xml::child(n, "Item");
        if (item && xml::child(item, "Target")) return Direction::server;
        if (item && xml::child(item, "Source")) return Direction::client;
        break;
      }
      default: break;
    }
  }
  return Direction::server;
}

class Walker {
 public:
  explicit Walker(Context& ctx) : ctx_(ctx) {}

  void body(const Node* body) {
    const Node* final_node = nullptr;
    bool final_reported = false;
    std::size_t index = 0;
    for (const Node* c = body->first_node(); c; c = c->next_sibling()) {
      if (!is_element(c)) continue;
      std::string_view name = name_of(c);
      if (name == "Final") {
        if (final_node) ctx_.report(c, "final-position", "Final appears more than once in SyncBody");
        final_node = c;
        continue;
      }
      if (final_node && !final_reported) {
        ctx_.report(final_node, "final-position", fmt::format("Final must be the last child of SyncBody ({} follows)", name));
        final_reported = true;
      }
      visit(c, nullptr, index++);
    }
  }

  void visit(const Node* c, const Frame* parent, std::size_t index) {
    std::string_view name = name_of(c);
    Kind kind = command_kind(name);
    const char* where = parent ? (parent->kind == Kind::atomic ? "Atomic" : "Sequence") : "SyncBody";
    if (kind == Kind::other) {
      ctx_.report(c, "unknown-element", fmt::format("{} is not a DM command (under {})", name, where), parent);
      return;
    }
    if (is_not_dm(kind)) {
      ctx_.report(c, "command-not-dm", fmt::format("{} is a SyncML command that OMA DM does not use", name), parent);
      return;
    }
    Frame f;
    f.node = c;
    f.kind = kind;
    f.top = parent ? parent->top : c;
    if (parent) {
      f.container = parent->node;
      f.container_kind = parent->kind;
      f.inherited = parent->inherited;
    }
    cmdid::check(ctx_, f);
    if (parent) atomic::check_child(ctx_, f);
    structure::check_command_shape(ctx_, f);
    switch (kind) {
      case Kind::atomic:
      case Kind::sequence: {
        atomic::check_container(ctx_, f);
        Frame inner = f;
        if (const Node* m = xml::child(c, "Meta")) merge_meta(m, inner.inherited);
        for (const Node* ch = c->first_node(); ch; ch = ch->next_sibling()) {
          if (!is_element(ch)) continue;
          std::string_view n = name_of(ch);
          if (n == "CmdID" || n == "NoResp" || n == "Meta") continue;
          visit(ch, &inner, 0);
        }
        break;
      }
      case Kind::status: responses::check_status(ctx_, f, index); break;
      case Kind::results:
        responses::check_results(ctx_, f);
        items::check(ctx_, f);
        break;
      case Kind::alert: items::check_alert(ctx_, f); break;
      default: items::check(ctx_, f); break;
    }
  }

 private:
  Context& ctx_;
};

}  // namespace

void run(Context& ctx, const Node* root, bool wrapped) {
  std::string_view name = name_of(root);
  const Node* header = nullptr;
  const Node* body = nullptr;
  if (wrapped) {
    body = root;
  } else if (name == "SyncML") {
    structure::check_root(ctx, root);
    header = xml::child(root, "SyncHdr");
    body = xml::child(root, "SyncBody");
  } else if (name == "SyncBody") {
    body = root;
  } else if (command_kind(name) == Kind::other) {
    ctx.report(root, "not-syncml",
               fmt::format("root element {} is not SyncML, SyncBody or a DM command", name));
    return;
  }
  ctx.has_header = header != nullptr;
  ctx.direction = resolve_direction(ctx.options, header, body ? body : root);
  if (header) structure::check_header(ctx, header);
  Walker walker(ctx);
  if (body) {
    // One record per answering Status (validate_responses.cpp): sized once, not grown by doubling.
    std::size_t statuses = 0;
    for (const Node* n = body->first_node(); n; n = n->next_sibling()) {
      if (is_element(n) && name_of(n) == "Status") ++statuses;
    }
    ctx.statuses.reserve(statuses);
    walker.body(body);
    responses::finish(ctx, body);
  } else if (!header) {
    walker.visit(root, nullptr, 0);
  }
}

namespace {

// Lines come from the document's index of the input; columns are counted in code points over
// `text` (the original when the caller still has it, else the parsed buffer, which differs only
// inside entity-rewritten text), from the previous answer when it is on the same line and
// earlier: diagnostics come roughly in document order, so a one-line 20 MB message stays linear.
class XmlLocator : public Locator {
 public:
  XmlLocator(const xml::Document& doc, std::string_view text) : doc_(doc), text_(text) {}
  void shift(std::uint64_t at, std::uint64_t by) {
    shift_at_ = at;
    shift_by_ = by;
  }
  void place(const Node* node, Diagnostic& d) const override {
    std::uint64_t off = xml::offset_of(doc_, node);
    std::uint32_t line = doc_.line_of(off);
    std::uint64_t from = doc_.line_start(line);
    std::size_t column = 1;
    if (line == last_line_ && off >= last_offset_) {
      from = last_offset_;
      column = last_column_;
    }
    for (std::uint64_t i = from; i < off && i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    }
    last_line_ = line;
    last_offset_ = off;
    last_column_ = column;
    // A fragment's wrapper element sits on the first element's line: take it out again.
    if (off >= shift_at_) {
      if (line == shift_line()) column -= shift_by_;
      off -= shift_by_;
    }
    d.offset = off;
    d.line = line;
    d.column = column;
  }

 private:
  std::uint32_t shift_line() const { return doc_.line_of(shift_at_ - shift_by_); }
  const xml::Document& doc_;
  std::string_view text_;
  std::uint64_t shift_at_ = UINT64_MAX, shift_by_ = 0;
  mutable std::uint32_t last_line_ = 0;
  mutable std::size_t last_column_ = 1;
  mutable std::uint64_t last_offset_ = 0;
};

// Offset of the first element's '<' after the prolog (declaration, comments, DOCTYPE), and its name.
std::optional<std::pair<std::size_t, std::string_view>> first_element(std::string_view text) {
  std::size_t i = 0;
  while (true) {
    i = text.find('<', i);
    if (i == std::string_view::npos || i + 1 >= text.size()) return std::nullopt;
    char c = text[i + 1];
    if (c == '?') {
      i = text.find("?>", i);
      if (i == std::string_view::npos) return std::nullopt;
      continue;
    }
    if (c == '!') {
      i = text.substr(i).starts_with("<!--") ? text.find("-->", i) : text.find('>', i);
      if (i == std::string_view::npos) return std::nullopt;
      continue;
    }
    std::size_t end = text.find_first_of(" \t\r\n/>", i + 1);
    if (end == std::string_view::npos) return std::nullopt;
    return std::pair{i, text.substr(i + 1, end - i - 1)};
  }
}

constexpr std::string_view kWrapOpen = "<Fragment>";
constexpr std::string_view kWrapClose = "</Fragment>";

void sort_diagnostics(std::vector<Diagnostic>& ds) {
  std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.offset.value_or(0) < b.offset.value_or(0);
  });
}

}  // namespace
}  // namespace detail

FileReport validate_xml(std::string_view text, std::string_view source_name, const Options& options) {
  using namespace detail;
  if (prov::is_provisioning(text)) return validate_provisioning(text, source_name, options);
  FileReport report;
  report.path = std::string(source_name);
  report.format = input::Format::xml;
  auto malformed = [&](const Error& e, std::uint64_t shift_at, std::uint64_t shift_by) {
    Diagnostic d;
    d.file = report.path;
    d.rule = "xml-malformed";
    d.severity = Severity::error;
    std::uint64_t off = e.where().offset.value_or(0);
    if (off >= shift_at) off = off >= shift_by + shift_at ? off - shift_by : shift_at;
    std::string message = e.message();
    if (message.find("no root element") != std::string::npos) d.rule = "not-syncml";
    d.message = std::move(message);
    if (std::find(options.disabled.begin(), options.disabled.end(), std::string(d.rule)) != options.disabled.end()) {
      return;
    }
    // Positions come from the original text.
    std::string_view t(text);
    std::size_t line = 1, column = 1;
    for (std::uint64_t i = 0; i < off && i < t.size(); ++i) {
      if (t[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    d.offset = off;
    d.line = line;
    d.column = column;
    report.diagnostics.push_back(std::move(d));
  };

  std::optional<xml::Document> doc;
  bool wrapped = false;
  std::uint64_t shift_at = UINT64_MAX;
  try {
    doc.emplace(xml::Document::parse(text, report.path));
  } catch (const Error& e) {
    // Several bare commands side by side are a fragment, not an error: parse them inside a
    // wrapper element and shift positions back.
    auto first = first_element(text);
    bool several_roots = e.message().find("more than one root element") != std::string::npos;
    if (!several_roots || !first || command_kind(first->second) == Kind::other) {
      malformed(e, UINT64_MAX, 0);
      return report;
    }
    std::string wrapped_text;
    wrapped_text.reserve(text.size() + kWrapOpen.size() + kWrapClose.size());
    wrapped_text.append(text.substr(0, first->first)).append(kWrapOpen).append(text.substr(first->first));
    wrapped_text.append(kWrapClose);
    shift_at = first->first + kWrapOpen.size();
    try {
      doc.emplace(xml::Document::parse(wrapped_text, report.path));
    } catch (const Error& e2) {
      malformed(e2, shift_at, kWrapOpen.size());
      return report;
    }
    wrapped = true;
  }
  XmlLocator locator(*doc, wrapped ? doc->buffer() : text);
  if (wrapped) locator.shift(shift_at, kWrapOpen.size());
  Context ctx(*doc, options, locator, report.path, report.diagnostics);
  run(ctx, xml::dom::root(*doc), wrapped);
  sort_diagnostics(report.diagnostics);
  return report;
}

FileReport validate_owned_xml(std::string text, std::string_view source_name, const Options& options) {
  using namespace detail;
  // Large whole messages are parsed in place, without a second copy; small inputs and bare
  // command fragments (which may need re-parsing inside a wrapper) take the copying path.
  auto first = first_element(text);
  if (text.size() < (1u << 20) || !first || command_kind(first->second) != Kind::other || prov::is_provisioning(text)) {
    return validate_xml(text, source_name, options);
  }
  FileReport report;
  report.path = std::string(source_name);
  report.format = input::Format::xml;
  std::optional<xml::Document> doc;
  try {
    doc.emplace(xml::Document::adopt(std::move(text), report.path));
  } catch (const Error& e) {
    std::string_view rule = e.message().find("no root element") != std::string::npos ? "not-syncml" : "xml-malformed";
    if (std::find(options.disabled.begin(), options.disabled.end(), rule) == options.disabled.end()) {
      Diagnostic d;
      d.file = report.path;
      d.rule = rule;
      d.offset = e.where().offset.value_or(0);
      if (e.where().line) d.line = e.where().line;
      if (e.where().column) d.column = e.where().column;
      d.message = e.message();
      report.diagnostics.push_back(std::move(d));
    }
    return report;
  }
  XmlLocator locator(*doc, doc->buffer());
  Context ctx(*doc, options, locator, report.path, report.diagnostics);
  run(ctx, xml::dom::root(*doc), false);
  sort_diagnostics(report.diagnostics);
  return report;
}

namespace {

// Text that is not UTF-8, or broken UTF-16 (input/encoding.hpp): one finding that says what the
// bytes are and which command converts them.
std::optional<FileReport> encoding_finding(std::string& owned, std::string_view text, std::string_view source_name,
                                           const Options& options) {
  try {
    std::string name(source_name);
    if (!owned.empty()) input::to_utf8(owned, name);
    input::check_xml_encoding(owned.empty() ? text : std::string_view(owned), name);
    return std::nullopt;
  } catch (const Error& e) {
    FileReport report;
    report.path = std::string(source_name);
    report.format = input::Format::xml;
    if (std::find(options.disabled.begin(), options.disabled.end(), "xml-malformed") == options.disabled.end()) {
      Diagnostic d;
      d.file = report.path;
      d.rule = "xml-malformed";
      d.offset = e.where().offset.value_or(0);
      d.line = e.where().line;
      d.column = e.where().column;
      d.message = e.message();
      report.diagnostics.push_back(std::move(d));
    }
    return report;
  }
}

}  // namespace

FileReport validate_owned_input(std::string bytes, std::string_view source_name, const Options& options,
                                input::Format forced) {
  if (forced != input::Format::wbxml) {
    if (auto r = encoding_finding(bytes, {}, source_name, options)) return std::move(*r);
  }
  input::Format outer = forced == input::Format::automatic ? input::sniff(bytes) : forced;
  if (outer == input::Format::xml) {
    FileReport report = validate_owned_xml(std::move(bytes), source_name, options);
    detail::check_bootstrap_mac(nullptr, {}, options, report);
    return report;
  }
  return validate_input(bytes, source_name, options, forced);
}

FileReport validate_input(std::string_view bytes, std::string_view source_name, const Options& options,
                          input::Format forced) {
  // XML and raw WBXML are checked where they lie; only wrapped input (hex, Base64, HTTP) is
  // unwrapped into a copy first.
  input::Format outer = forced == input::Format::automatic ? input::sniff(bytes) : forced;
  if (outer == input::Format::xml) {
    std::string none;
    if (auto r = encoding_finding(none, bytes, source_name, options)) return std::move(*r);
  }
  if (outer == input::Format::xml || outer == input::Format::wbxml) {
    FileReport report = outer == input::Format::xml ? validate_xml(bytes, source_name, options)
                                                    : validate_wbxml(bytes, source_name, options);
    detail::check_bootstrap_mac(nullptr, bytes, options, report);
    return report;
  }
  input::Payload payload;
  try {
    payload = input::unwrap(std::string(bytes), std::string(source_name), forced);
  } catch (const Error& e) {
    // Not a message at all (plain text, broken hex or Base64, a bad HTTP wrapper): a finding.
    FileReport report;
    report.path = std::string(source_name);
    report.format = input::Format::xml;
    if (std::find(options.disabled.begin(), options.disabled.end(), "not-syncml") == options.disabled.end()) {
      Diagnostic d;
      d.file = report.path;
      d.offset = e.where().offset.value_or(0);
      d.rule = "not-syncml";
      d.message = e.message();
      report.diagnostics.push_back(std::move(d));
    }
    return report;
  }
  FileReport report = payload.payload == input::Format::wbxml ? validate_wbxml(payload.bytes, source_name, options)
                                                              : validate_xml(payload.bytes, source_name, options);
  detail::check_bootstrap_mac(&payload, bytes, options, report);
  return report;
}

Counts count(std::span<const FileReport> reports) {
  Counts c;
  for (const auto& r : reports) {
    for (const auto& d : r.diagnostics) {
      switch (d.severity) {
        case Severity::error: ++c.errors; break;
        case Severity::warning: ++c.warnings; break;
        case Severity::note: ++c.notes; break;
      }
    }
  }
  return c;
}

}  // namespace syncmldm::validate
