#pragma once
// A message body read for the trace: the parts of the message model that sessions are rebuilt
// from, read in one pass over the XML text without a tree where the text allows, with the full
// reader (xml::Document and message::read) as the reference for everything else.
//
// The one-pass reader takes a document only when the XML layer's pre-scan would pass it (it
// checks the characters with the same function and accepts a stricter form of the markup:
// no DOCTYPE, no markup it cannot place) and when the model's answer for it is plain (no Data
// holding elements, no container nested past the model's limit). Anything else goes to the
// full reader, whose result and errors are the ones the trace has always had.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "syncmldm/message/message.hpp"
#include "syncmldm/xml/xml.hpp"

namespace syncmldm::trace::detail {

struct Body {
  // What the trace reads of the message: SyncHdr (SessionID, MsgID, Target, Source, VerDTD,
  // VerProto, RespURI), every command with its name, kind, CmdID, Meta, Items (Target, Source,
  // Meta, Data, MoreData), Data, MsgRef, CmdRef, Cmd, TargetRef, SourceRef and the commands of
  // Atomic and Sequence; Final. Nodes are null when the one-pass reader read it.
  message::Message message;
  // The msft:originalerror attribute (any prefix, any case) of each Status's first Data, as
  // the value reads with entity references replaced; only Statuses that carry one.
  std::vector<std::pair<const message::Command*, std::string>> original_errors;
  // The tree, when the full reader read the message (the model's nodes point into it).
  std::optional<xml::Document> document;
  bool one_pass = false;  // read without a tree
  // Parts of earlier messages that this one has no place for, kept for the next messages to
  // read into (their storage allocated once, not per message); never part of the model.
  struct Spare {
    std::vector<message::Item> items;
    std::vector<std::vector<message::Item>> item_lists;  // empty, their storage kept
    std::vector<message::Boxed<message::Meta>> metas;
    std::vector<message::Boxed<message::Address>> addresses;
    std::optional<message::Address> header_target, header_source;
  } spare;

  const std::string* original_error(const message::Command& status) const {
    for (const auto& [c, v] : original_errors)
      if (c == &status) return &v;
    return nullptr;
  }
};

// Reads the XML text of a message into `body` (which may be reused from the last message: its
// storage is kept). The full reader parses a copy of `text` when `keep_text`, else takes it
// (then `text` is left empty). Throws what xml::Document::parse and message::read throw.
void read_body(std::string& text, bool keep_text, const std::string& place, Body& body);

// Each reader alone, for tests, which compare them. The one pass returns false when the text
// needs the full reader (`body` is then undefined).
bool read_body_one_pass(std::string_view text, Body& body);
void read_body_with_tree(std::string& text, bool keep_text, const std::string& place, Body& body);

}  // namespace syncmldm::trace::detail
