#pragma once
// Device-side execution: applies a SyncML DM message from a server to a DM tree and builds the
// response a Windows DM client would send (Status for the header and every command, Results for
// successful Gets). One call handles one server message; a session driver supplies the MsgID of
// each response and deals with multi-message packages, chunking and authentication.
//
// Status codes produced (doc/protocol.md, "Status codes a device answers"):
//   200 done; 215 not executed (header refused, or inside a refused container); 216 rolled back;
//   400 missing CmdID, unknown element, malformed item, value outside its allowed values;
//   404 node missing; 405 command not allowed (AccessType, permanent node, property, leaf parent);
//   406 unsupported property, ?list attribute or alert; 414 URI limits; 415 Format mismatch or
//   data that does not parse as its format; 418 already exists; 425 ACL (with a server id);
//   500 nested Atomic, Get/Sequence inside Atomic, or a Replace of a node an earlier Add in
//   the same Atomic created (Windows refuses the pair); 505/513 unsupported VerDTD/VerProto;
//   507 failed Atomic.

#include <optional>
#include <string>
#include <vector>

#include "syncmldm/message/message.hpp"
#include "syncmldm/tree/tree.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::device {

// What a read hands out of a value its reader may not see (tree::Tree::read_status).
enum class Secrets : unsigned char {
  withhold,  // as a device answers a server: Get 405/425, no Value in ?list=TNDS, no Data in StructData
  mask,      // a local reader (dm-tree get): tree::kHiddenValue in place of the value
  reveal,    // a local reader who asked for secrets (dm-tree get --show-secrets)
};

struct Options {
  // MsgID of the response (the caller counts: [MS-MDM] starts at 1 and adds 1 per message).
  std::string msg_id = "1";
  // Server identifier for ACL checks. Empty: ACLs are not enforced (Windows ignores them).
  std::string server_id;
  // TStamp written on changed nodes (ISO 8601 basic); empty leaves TStamp alone.
  std::string now;
  // Source LocURI of the response when the request has no Target (default ./DevInfo/DevId).
  std::string device_id;
  bool final = true;  // put Final in the response
  Secrets secrets = Secrets::withhold;
};

// An Exec the device accepted.
struct ExecRecord {
  std::string uri;
  std::string data;
  std::optional<std::string> correlator;
  std::string cmd_id;
};

// A Status the device answered with an error (not 2xx), and why: one per Item when a Status
// answers several.
struct Failure {
  std::string cmd_id;   // the command's CmdID (the Status's CmdRef; "0" for the header)
  std::string command;  // Add, Replace, ... or SyncHdr
  std::string target;   // the Item's Target LocURI, "" when there is none
  int code = 0;
  std::string reason;   // in a few words: "no such node; the parent is dynamic, Add it first"
};

struct Response {
  message::Message message;        // ready for message::write
  std::vector<ExecRecord> execs;   // Execs that stayed (not rolled back), in order
  bool changed = false;            // the tree was modified
  bool failed = false;             // some Status (other than the header's) is not 2xx
  std::vector<Failure> failures;   // the failing Statuses (the header's too), in order
  // False when the request held no command to answer (only Statuses, or nothing): a Windows
  // device sends no message then. `message` still holds the header Status.
  bool reply = true;
};

// Applies `request` to `tree`. Never throws for protocol-level problems: they become statuses.
Response apply(tree::Tree& tree, const message::Message& request, const Options& options = {});

// One Get of `uri` (any query: ?prop=, ?list=) as apply answers it, through the same judgement,
// ACL and read checks, without a message: the code of the Get's Status and, when it is 2xx, the
// Items of its Results (one for a node or a property, one per node for ?list=Struct and
// ?list=StructData, one TNDS document for ?list=TNDS). Options used: server_id, secrets.
struct GetResult {
  int status = 200;
  std::vector<message::Item> items;
};
GetResult get(const tree::Tree& tree, const std::string& uri, const Options& options = {});

}  // namespace syncmldm::device
SYNCMLDM_API_END
