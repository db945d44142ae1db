// The rule registry: the one place that names every rule, its severity per profile, the status
// a Windows client returns, and the text --list-rules, --explain and the manual page show.

#include <algorithm>
#include <array>

#include "syncmldm/validate/validate.hpp"

namespace syncmldm::validate {
namespace {

constexpr auto E = Severity::error;
constexpr auto W = Severity::warning;
constexpr auto N = Severity::note;
constexpr std::optional<Severity> Off = std::nullopt;

constexpr std::array kRules = {
    // structure
    Rule{"xml-malformed", "structure", E, E, 0, "the input is not well-formed XML",
         "A message must be well-formed XML. The diagnostic points at the first fault the parser met; "
         "nothing else in the file can be checked.",
         "<Replace><CmdID>1</CmdID></Replce>"},
    Rule{"wbxml-malformed", "structure", E, E, 0, "the input is not decodable WBXML",
         "WBXML input is decoded before it is checked. The diagnostic gives the byte offset where "
         "decoding stopped.",
         "02 00 00 6A 00 6D 6C ..."},
    Rule{"not-syncml", "structure", E, E, 0, "the input holds no SyncML message, SyncBody or DM command",
         "The root element must be SyncML, a bare SyncBody, or DM commands (provisioning fragments). "
         "Anything else is accepted by naive servers and fails on every device.",
         "<Policies><Policy/></Policies>"},
    Rule{"syncml-namespace", "structure", E, E, 0, "the SyncML root must declare SYNCML:SYNCML1.2 (or 1.1)",
         "[MS-MDM] requires xmlns=\"SYNCML:SYNCML1.2\" on the root. Windows also accepts "
         "SYNCML:SYNCML1.1 from a server (reported as a note, a warning under --profile oma).",
         "<SyncML xmlns=\"SYNCML:SYNCML1.0\">"},
    Rule{"message-structure", "structure", E, E, 0, "SyncML must hold exactly one SyncHdr followed by one SyncBody",
         "The message skeleton is SyncML(SyncHdr, SyncBody). A missing, repeated or misplaced header or "
         "body makes the whole message unusable. A SyncML holding only a SyncBody is how Microsoft's CSP "
         "pages write requests (the server adds the header): under --profile windows it is checked as a "
         "fragment, with a note.",
         "<SyncML><SyncBody>...</SyncBody></SyncML>"},
    Rule{"header-required", "structure", E, E, 0, "SyncHdr lacks VerDTD, VerProto, SessionID, MsgID, Target or Source",
         "Every SyncHdr carries VerDTD, VerProto, SessionID, MsgID, Target/LocURI and Source/LocURI.",
         "<SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto></SyncHdr>"},
    Rule{"header-verdtd", "structure", E, E, 505, "VerDTD must be 1.2",
         "OMA DM 1.2 messages carry VerDTD 1.2; other versions are answered with 505.",
         "<VerDTD>1.1</VerDTD>"},
    Rule{"header-verproto", "structure", E, E, 513, "VerProto must be DM/1.2",
         "The protocol version is DM/1.2; other values are answered with 513.",
         "<VerProto>SyncML/1.2</VerProto>"},
    Rule{"header-msgid", "structure", E, E, 0, "MsgID must be a positive integer",
         "MsgID numbers the messages of a session from 1 upwards.", "<MsgID>0</MsgID>"},
    Rule{"header-sessionid", "structure", W, W, 0, "SessionID should be at most 4 characters",
         "Windows treats SessionID as opaque, at most 4 bytes; 0 is legal. Longer ids come from "
         "servers written for other clients.",
         "<SessionID>123456789</SessionID>"},
    Rule{"element-order", "structure", E, W, 0, "child elements are not in DTD order",
         "The Windows client does not validate against the DTD but requires its child order "
         "([MS-MDM] 2.2.2): e.g. Meta before Item. One exception: Meta before Target or Source inside an "
         "Item, as Microsoft's samples write it, is answered with 200, so it is a note under --profile "
         "windows and an error under --profile oma.",
         "<Replace><CmdID>2</CmdID><Item>...</Item><Meta>...</Meta></Replace>"},
    Rule{"status-order", "structure", W, E, 0, "Status children in neither DTD nor [MS-MDM] order",
         "Status children follow the DTD (CmdID, MsgRef, CmdRef, Cmd, TargetRef*, SourceRef*, Chal?, Data, "
         "Item*) or the order [MS-MDM] prints (Data and Items before the refs). Other orders are "
         "reported.",
         "<Status><Data>200</Data><CmdID>1</CmdID>...</Status>"},
    Rule{"unexpected-child", "structure", W, E, 0, "an element the DTD does not allow in this parent",
         "Elements that the content model of the parent does not name are ignored at best.",
         "<Replace><CmdID>1</CmdID><Foo/>...</Replace>"},
    Rule{"unknown-element", "structure", E, E, 400,
         "not a DM command directly under SyncBody, Atomic or Sequence",
         "The Windows client answers 400 for an element under SyncBody, Atomic or Sequence that is not "
         "a valid OMA DM command.",
         "<SyncBody><Set><CmdID>1</CmdID></Set></SyncBody>"},
    Rule{"command-not-dm", "structure", E, E, 400, "a SyncML command DM does not use (Sync, Map, Put, Search, Move)",
         "OMA DM uses Add, Alert, Atomic, Copy, Delete, Exec, Get, Replace, Results, Sequence and Status "
         "only; data-synchronisation commands are answered with 400.",
         "<Sync><CmdID>2</CmdID></Sync>"},
    Rule{"copy-unsupported", "structure", E, Off, 400, "Copy is not in the Windows command list",
         "The Windows client lists Add, Alert, Atomic, Delete, Exec, Get, Replace, Results, Sequence and "
         "Status; Copy is not supported (400). Strict OMA DM allows Copy.",
         "<Copy><CmdID>2</CmdID>...</Copy>"},
    Rule{"final-position", "structure", E, E, 0, "Final must be the last child of SyncBody, at most once",
         "Final marks the last message of a package and closes SyncBody.",
         "<SyncBody><Final/><Get>...</Get></SyncBody>"},
    Rule{"command-direction", "structure", E, E, 0, "a command the sending side never sends",
         "A client sends Status, Results, Alert and the package-1 Replace of DevInfo (Source items); the "
         "server sends management commands and never Results or client alerts (1200, 1201, 1224, 1226). "
         "The direction comes from --direction or, by default, from the header addresses (an http(s) "
         "Target: client; Source: server) and, without a header, from the first command only one side "
         "sends (a bare command included).",
         "server message: <Results>...</Results>"},
    Rule{"cred-placement", "structure", E, E, 0, "Cred inside a command",
         "Credentials belong only in the SyncHdr in OMA DM.", "<Replace><CmdID>2</CmdID><Cred>...</Cred>..."},
    Rule{"cred-format", "structure", E, E, 0, "Cred or Chal without Format b64 or with an unknown auth Type",
         "Cred and Chal carry Meta Format b64 and Type syncml:auth-basic, syncml:auth-md5 or "
         "syncml:auth-MAC.",
         "<Cred><Meta><Format xmlns=\"syncml:metinf\">chr</Format>...</Meta>...</Cred>"},
    // bootstrap (only with --bootstrap-key-file)
    Rule{"bootstrap-mac", "bootstrap", E, E, 0, "the bootstrap MAC is missing or does not match the message",
         "A bootstrap message travels as WBXML with Content-Type parameters SEC (NETWORKID, USERPIN or "
         "USERPIN_NETWORKID: how the key was made) and MAC (hex HMAC-SHA1 of the WBXML bytes under that "
         "key). A device drops a bootstrap whose MAC does not verify. Checked on HTTP captures when a key "
         "is given; also reported when the capture is not HTTP, carries no SEC or MAC, or its body is not "
         "WBXML.",
         "Content-Type: application/vnd.syncml.dm+wbxml; SEC=USERPIN; MAC=0000000000000000000000000000000000000000"},
    // cmdid
    Rule{"cmdid-missing", "cmdid", E, E, 400, "command without CmdID",
         "Every command, Status and Results included, carries a CmdID. Windows answers 400 with a blank "
         "CmdRef, and every Item of the command fails.",
         "<Replace><Item>...</Item></Replace>"},
    Rule{"cmdid-duplicate", "cmdid", E, E, 0, "CmdID used twice in one message",
         "CmdIDs are unique within a message, nested commands included; duplicates make Status mapping "
         "ambiguous.",
         "<Add><CmdID>2</CmdID>...</Add><Get><CmdID>2</CmdID>...</Get>"},
    Rule{"cmdid-zero", "cmdid", E, E, 0, "CmdID 0",
         "CmdRef 0 names the SyncHdr, so a command with CmdID 0 cannot be answered; a public report shows "
         "200 returned and nothing done.",
         "<Replace><CmdID>0</CmdID>...</Replace>"},
    Rule{"cmdid-format", "cmdid", E, E, 0, "CmdID is not a positive decimal integer",
         "CmdIDs number the commands of a message (1, 2, 3...) and come back as CmdRef in the replies. "
         "[MS-MDM] types CmdID as text and Windows runs the command whatever it holds, echoing the text "
         "in CmdRef (so there is no device status), but servers match replies by number: a template "
         "placeholder left unfilled ($CmdId$), a negative, hexadecimal or exponent form, or a number "
         "beyond 2147483647 loses the command's Status. A value of all zeros is cmdid-zero.",
         "<Replace><CmdID>$CmdId$</CmdID>...</Replace>"},
    // atomic
    Rule{"atomic-nested", "atomic", E, E, 500, "Atomic inside Atomic is not supported",
         "The Windows client answers 500 on the inner Atomic and 507 on the outer one; OMA DM forbids "
         "nesting as well.",
         "<Atomic><CmdID>1</CmdID><Atomic><CmdID>2</CmdID>...</Atomic></Atomic>"},
    Rule{"atomic-get", "atomic", E, E, 500, "Get inside Atomic",
         "Get is not allowed inside Atomic: the client answers 500.",
         "<Atomic><CmdID>1</CmdID><Get><CmdID>2</CmdID>...</Get></Atomic>"},
    Rule{"atomic-child", "atomic", E, E, 400, "a command that may not appear inside Atomic",
         "OMA DM allows Add, Alert, Copy, Delete and Replace inside Atomic; the Windows client also takes "
         "Exec (MSI installs rely on it). Status, Results and Sequence never belong there.",
         "<Atomic><CmdID>1</CmdID><Sequence>...</Sequence></Atomic>"},
    Rule{"atomic-add-replace", "atomic", E, Off, 0, "Add followed by Replace of the same node inside one Atomic",
         "The Windows client does not support adding a node and replacing it in the same Atomic: the "
         "Atomic fails.",
         "<Atomic>...<Add>./Vendor/MSFT/X</Add><Replace>./Vendor/MSFT/X</Replace></Atomic>"},
    Rule{"atomic-unrelated", "atomic", N, N, 0, "one Atomic spans several CSPs",
         "Atomic is all or nothing: one bad setting fails all (507, others 216). Grouping unrelated "
         "settings makes partial success impossible.",
         "<Atomic> Replace ./Vendor/MSFT/Policy/... + Replace ./Vendor/MSFT/Firewall/... </Atomic>"},
    Rule{"sequence-child", "atomic", E, E, 400, "a command that may not appear inside Sequence",
         "DM allows Add, Alert, Copy, Delete, Exec, Get and Replace inside Sequence: not Sequence, Status "
         "or Results (Atomic: unconfirmed on Windows, a warning).",
         "<Sequence><CmdID>1</CmdID><Sequence>...</Sequence></Sequence>"},
    // items
    Rule{"item-count", "items", E, E, 0, "a command without the Items it needs",
         "Add, Copy, Delete, Get, Replace and Results carry one or more Items; Exec carries exactly one.",
         "<Get><CmdID>2</CmdID></Get>"},
    Rule{"item-target", "items", E, E, 0, "an Item without the Target its command needs",
         "Add, Copy, Delete, Exec, Get and a server's Replace address the node in Item/Target/LocURI.",
         "<Delete><CmdID>2</CmdID><Item><Data>1</Data></Item></Delete>"},
    Rule{"item-source", "items", E, E, 0, "an Item without the Source its command needs",
         "Results Items, Copy Items and a client's package-1 Replace carry Item/Source/LocURI.",
         "<Results>...<Item><Data>1</Data></Item></Results>"},
    Rule{"item-data", "items", E, E, 0, "Add or Replace of a leaf without Data",
         "A value-setting Item needs Data unless its Format is node or null. (Windows samples add interior "
         "nodes with no Meta and no Data; under --profile windows an Add without Data is accepted.)",
         "<Replace><CmdID>2</CmdID><Item><Target><LocURI>./Vendor/MSFT/X</LocURI></Target></Item></Replace>"},
    Rule{"item-data-last", "items", E, E, 0, "an element after Data in an Item",
         "When an Item has Data it is the last element (only MoreData may follow).",
         "<Item><Data>1</Data><Meta>...</Meta></Item>"},
    Rule{"alert-code", "items", E, E, 406, "Alert without a DM alert code in Data",
         "Alert/Data holds one of the OMA DM alert codes (1100-1104, 1200, 1201, 1222-1226).",
         "<Alert><CmdID>2</CmdID><Data>1300</Data></Alert>"},
    Rule{"alert-items", "items", E, E, 412, "Alert Items do not match what the alert code needs",
         "UI alerts need their option and text Items; 1224 and 1226 need one Item per event with Meta Type "
         "and Data; 1200/1201 carry none.",
         "<Alert><CmdID>3</CmdID><Data>1226</Data></Alert>"},
    Rule{"alert-meta-format", "items", N, E, 0, "1224/1226 event Item without Meta Format",
         "OMA requires Format on client events. Windows omits it on the LoginStatus 1224 alert (a note); "
         "on 1226 it is a warning.",
         "<Alert>...<Data>1224</Data><Item><Meta><Type>...</Type></Meta><Data>user</Data></Item></Alert>"},
    Rule{"alert-mark", "items", E, E, 412, "Generic Alert Mark is not a defined value",
         "Mark is one of fatal, critical, minor, warning, informational, harmless, indeterminate.",
         "<Mark xmlns=\"syncml:metinf\">urgent</Mark>"},
    Rule{"alert-type", "items", Off, W, 0, "Generic Alert Type is not a Content-Type: or Reversed-Domain-Name: URN",
         "OMA writes 1226 Types as \"Content-Type: <mime>\" or \"Reversed-Domain-Name: <domain>\"; Windows "
         "sends bare reversed-domain types, so only --profile oma reports this.",
         "<Type xmlns=\"syncml:metinf\">com.example.alert</Type>"},
    Rule{"alert-unsupported", "items", W, Off, 406, "an alert feature the Windows client does not support",
         "The Windows client does not list UI alerts (1100-1104) or Correlator; expect 406.",
         "<Alert><CmdID>2</CmdID><Data>1100</Data>...</Alert>"},
    // locuri
    Rule{"locuri-empty", "locuri", E, E, 0, "empty LocURI",
         "A command's LocURI names a node; an empty one names nothing.", "<LocURI></LocURI>"},
    Rule{"locuri-text", "locuri", E, E, 0, "LocURI is not a single plain text node",
         "A LocURI split by comments, CDATA sections or child elements reads differently to different "
         "parsers, which can bypass URI checks.",
         "<LocURI>./Vendor/<!-- x -->MSFT/X</LocURI>"},
    Rule{"locuri-leading-slash", "locuri", E, E, 0, "LocURI starts with '/'",
         "URIs are relative to the device root: ./Vendor/... or Vendor/..., never /Vendor/....",
         "<LocURI>/Vendor/MSFT/Reboot</LocURI>"},
    Rule{"locuri-empty-segment", "locuri", E, E, 0, "LocURI has an empty segment ('//')",
         "A node name cannot be empty.", "<LocURI>./Vendor//MSFT</LocURI>"},
    Rule{"locuri-trailing-slash", "locuri", E, E, 0, "LocURI ends with '/'",
         "No URI ends with '/'; the root is '.', never './'.", "<LocURI>./Vendor/MSFT/</LocURI>"},
    Rule{"locuri-star-segment", "locuri", E, E, 0, "LocURI segment is '*' alone",
         "'*' alone is not a node name.", "<LocURI>./Vendor/MSFT/*/Policy</LocURI>"},
    Rule{"locuri-dot-segment", "locuri", E, E, 0, "'.' segment other than the first",
         "'.' is valid only as the very first segment.", "<LocURI>./Vendor/./MSFT</LocURI>"},
    Rule{"locuri-dotdot", "locuri", E, E, 0, "'..' segment in a LocURI",
         "'..' is forbidden anywhere in a DM URI.", "<LocURI>./Vendor/MSFT/../X</LocURI>"},
    Rule{"locuri-whitespace", "locuri", E, E, 404, "white space inside a LocURI",
         "A space, tab or line break pasted into a LocURI makes the node unfindable: Windows answers 404. "
         "White space around the URI (Microsoft's pages break and indent LocURIs) is layout: the trimmed "
         "text is judged, and the padding gets one note per message.",
         "<LocURI>./Vendor/MSFT/ Policy</LocURI>"},
    Rule{"locuri-escape", "locuri", W, W, 0, "character that must be percent-encoded in a LocURI",
         "Reserved and non-ASCII characters are percent-encoded, non-ASCII as UTF-8 bytes "
         "(\"MS DM\" -> MS%20DM). The message shows the encoded form. In a client-sent message it is a "
         "note under --profile windows: Windows names its own nodes as it stores them (an MSI product code "
         "with its braces).",
         "<LocURI>./Vendor/MSFT/Name{x}</LocURI>"},
    Rule{"locuri-query", "locuri", E, E, 405, "?prop= or ?list= where it is not allowed, or an unknown value",
         "?list= is for Get only (Struct, StructData, TNDS[+/-props]); ?prop= for Get (any property) or "
         "Replace (ACL, Name, Title). Add is never allowed on a property (405); unknown values give 406.",
         "<Add>...<LocURI>./Vendor/MSFT/X?prop=ACL</LocURI>...</Add>"},
    Rule{"locuri-scope", "locuri", W, W, 0, "user or device scope written in a way that surprises",
         "No prefix means device scope on Windows, even 'Vendor/MSFT/...'; lower-case ./user and ./device "
         "work but miss allow-lists. User-scope URIs get a note: they apply only while the enrolled user "
         "is signed in.",
         "<LocURI>Vendor/MSFT/Reboot/RebootNow</LocURI>"},
    // meta
    Rule{"meta-format", "meta", E, E, 415, "Meta Format is not a defined value",
         "Format is one of chr, int, bool, bin, b64, xml, node, null, date, time, float.",
         "<Format xmlns=\"syncml:metinf\">string</Format>"},
    Rule{"data-format", "meta", W, W, 415, "Data does not agree with its Format",
         "int must be an integer, bool true or false, float a number, date/time ISO 8601, b64 valid Base64, "
         "xml well-formed, and node or null carry no Data (except the Results of an interior node, whose "
         "Data lists the child names). With --ddf, a scalar value of a node the DDF describes is judged by "
         "ddf-data instead, as an error.",
         "<Format xmlns=\"syncml:metinf\">bool</Format> ... <Data>True</Data>"},
    Rule{"data-markup", "meta", E, E, 0, "unescaped markup inside Data",
         "Markup in Data must be escaped or in a CDATA section; pasted XML becomes part of the message "
         "and the setting never applies. With Format xml, Windows takes embedded markup as the value "
         "(Microsoft's app-install samples send it so): accepted under --profile windows.",
         "<Data><enabled/></Data>"},
    Rule{"data-double-escaped", "meta", W, W, 0, "Data escaped twice",
         "Data that still holds &lt; or &gt; after one unescape was escaped twice; the device receives "
         "entity text, not markup.",
         "<Data>&amp;lt;enabled/&amp;gt;</Data>"},
    Rule{"meta-namespace", "meta", W, W, 0, "MetInf element outside the syncml:metinf namespace",
         "Format, Type, Size and the other MetInf elements carry xmlns=\"syncml:metinf\" (exactly, without "
         "stray spaces). Without any namespace of their own Windows still reads them (200): a note under "
         "--profile windows, once per message; a wrong or misspelt namespace stays a warning.",
         "<Format>int</Format>"},
    Rule{"meta-order", "meta", N, W, 0, "MetInf elements not in MetInf DTD order",
         "The MetInf DTD orders Format before Type; Windows itself sends Type first, so this is only a note "
         "under --profile windows.",
         "<Meta><Type>text/plain</Type><Format>int</Format></Meta>"},
    Rule{"meta-header", "meta", W, Off, 0, "Meta in SyncHdr is ignored by Windows",
         "The Windows client ignores SyncHdr Meta: MaxMsgSize and MaxObjSize from a server have no effect. "
         "Client-to-server messages are not reported.",
         "<SyncHdr>...<Meta><MaxMsgSize xmlns=\"syncml:metinf\">8192</MaxMsgSize></Meta></SyncHdr>"},
    Rule{"meta-misplaced", "meta", W, E, 0, "MetInf element outside Meta",
         "Format, Type and the like belong inside Meta; some published samples put Type directly in Item.",
         "<Item><Type>text/plain</Type>...</Item>"},
    Rule{"moredata", "meta", W, W, 0, "MoreData used wrongly",
         "A chunked object's first chunk announces the total Meta Size; the chunk must be smaller than it, "
         "and nothing may follow the chunk in the message.",
         "<Item>...<Data>...</Data><MoreData/></Item> without Meta Size"},
    // responses
    Rule{"status-header-first", "responses", E, E, 0, "the SyncHdr Status is not first, or not CmdRef 0",
         "A message that answers another starts its SyncBody with the Status for the SyncHdr: CmdRef 0, "
         "Cmd SyncHdr.",
         "<SyncBody><Status>...<Cmd>Get</Cmd>...</Status><Status>...<Cmd>SyncHdr</Cmd>..."},
    Rule{"status-required", "responses", E, E, 0, "Status without MsgRef, CmdRef, Cmd or Data",
         "Every Status names the message, command and command kind it answers and carries the code in Data.",
         "<Status><CmdID>1</CmdID><Data>200</Data></Status>"},
    Rule{"status-code", "responses", E, E, 0, "Status Data is not a known status code",
         "Status codes come from SyncML RepPro (plus 1000-1999 and, on Windows, 600-639).",
         "<Data>299</Data>"},
    Rule{"status-cmd", "responses", E, E, 0, "Status Cmd is not a command name, or disagrees with CmdRef",
         "Cmd names the answered command; SyncHdr goes with CmdRef 0 and only with it.",
         "<CmdRef>0</CmdRef><Cmd>Replace</Cmd>"},
    Rule{"status-per-item", "responses", E, E, 0, "several Statuses for one command without distinct TargetRef",
         "A Status covers a whole command or one Item. When a command gets several Statuses (one per Item, "
         "as Windows does for a multi-Item Get), each carries the TargetRef or SourceRef of its Item.",
         "two <Status> with <CmdRef>4</CmdRef> and no TargetRef"},
    Rule{"status-only-header", "responses", E, E, 0, "client message holding only a successful SyncHdr Status",
         "A client ends the session by not sending such a message; sending it is a protocol violation.",
         "<SyncBody><Status>...<Cmd>SyncHdr</Cmd><Data>200</Data></Status><Final/></SyncBody>"},
    Rule{"status-on-results", "responses", W, W, 0, "a 200 Status answering Results",
         "Results get no Status when the code would be 200.", "<Status>...<Cmd>Results</Cmd><Data>200</Data></Status>"},
    Rule{"status-chal", "responses", W, W, 0, "401 or 407 Status without Chal",
         "A Status asking for credentials carries a Chal naming the scheme.",
         "<Status>...<Cmd>SyncHdr</Cmd><Data>407</Data></Status>"},
    Rule{"results-refs", "responses", E, E, 0, "Results without CmdRef, or with a Cmd other than Get",
         "Results answer a Get: CmdRef names it (Windows reads a missing CmdRef as 1, a note) and Cmd, "
         "when present, is Get.",
         "<Results><CmdID>5</CmdID><MsgRef>1</MsgRef><Cmd>Replace</Cmd>...</Results>"},
    // ddf
    Rule{"ddf-unknown-node", "ddf", E, E, 404, "LocURI does not resolve to a node of the loaded DDFs",
         "With --ddf, every LocURI under a loaded tree must name a node the DDF describes (dynamic nodes "
         "match any name). The message suggests the nearest existing name: typos in OMA-URIs are the "
         "commonest real failure.",
         "<LocURI>./Device/Vendor/MSFT/Reboot/RebootNowe</LocURI>"},
    Rule{"ddf-access", "ddf", E, E, 405, "the command is not in the node's AccessType",
         "The DDF AccessType lists the commands a node supports; others are answered with 405.",
         "<Replace> on a node whose AccessType is Get only"},
    Rule{"ddf-format", "ddf", E, E, 415, "Meta Format disagrees with the node's DFFormat",
         "The Format of a value (chr when absent) must match the DFFormat the DDF gives (b64 for bin "
         "nodes).",
         "<Format>chr</Format> for a DFFormat int node"},
    Rule{"ddf-data", "ddf", E, E, 415, "the Data does not parse as the node's format",
         "A device refuses a value that contradicts its format: int 'abc', bool 'yes', b64 that is not "
         "Base64. (A bool node whose DDF also lists 0/1 or true/false takes both spellings.)",
         "<Format>int</Format>...<Data>abc</Data> for a DFFormat int node"},
    Rule{"ddf-value", "ddf", E, E, 400, "the value is not one the node's AllowedValues lists",
         "Microsoft DDFs list allowed values (MSFT:AllowedValues ENUM, Range, RegEx); the device refuses "
         "other values with 400.",
         "<Data>7</Data> for a node whose AllowedValues are 0 and 1"},
    Rule{"ddf-name", "ddf", E, E, 400, "a dynamic node's name breaks its naming rule",
         "A dynamic node whose DDF gives its names a pattern (MSFT:AllowedValues RegEx) refuses other "
         "names. MSFT:UniqueName is a description, not a rule, and is not checked.",
         "<LocURI>./Vendor/MSFT/CSP/Documents/not-a-guid</LocURI> where names are GUIDs"},
    Rule{"ddf-missing", "ddf", E, E, 404, "the node was deleted earlier in the message",
         "A dynamic node exists only once added; after a Delete in the same message, commands on it or "
         "below it answer 404.",
         "<Delete> of ./Vendor/MSFT/Firewall/MdmStore/FirewallRules/R1, then <Replace> of its Action"},
    Rule{"ddf-exists", "ddf", E, E, 418, "Add of a node an earlier command of the message created",
         "Add of a node that exists answers 418 (Already exists); Replace changes it.",
         "two <Add> of ./Vendor/MSFT/Firewall/MdmStore/FirewallRules/R1"},
    Rule{"ddf-area-not-loaded", "ddf", N, N, 0, "a Policy area whose DDF is not loaded",
         "With the Policy CSP's root DDF but not the area's own DDF, its policies cannot be checked. "
         "Reported once per area; load the area DDF (<Area>_AreaDDF) to check them.",
         "<LocURI>./Device/Vendor/MSFT/Policy/Config/Accounts/AllowMicrosoftAccountConnection</LocURI>"},
    // prov: provisioning documents (wap-provisioningdoc), detected by their root
    Rule{"prov-structure", "prov", E, E, 0, "a provisioning document breaks the characteristic/parm structure",
         "A wap-provisioningdoc holds characteristic elements (each with a type), which hold parm elements "
         "(a name, optionally a value and a datatype) and further characteristics. A parm outside a "
         "characteristic, a missing type or name, other elements or attributes, and text content are "
         "refused by the configuration manager.",
         "<wap-provisioningdoc><parm name=\"A\" value=\"1\"/></wap-provisioningdoc>"},
    Rule{"prov-version", "prov", W, W, 0, "the document's version is neither 1.0 nor 1.1",
         "ProvCont defines versions 1.0 and 1.1 of the document; Windows samples write 1.0 or 1.1.",
         "<wap-provisioningdoc version=\"2.0\">"},
    Rule{"prov-w7-appid", "prov", E, E, 0, "an APPLICATION characteristic without an APPID parm",
         "APPID tells which application an APPLICATION configures (w7: the DM account); without it the "
         "characteristic is refused.",
         "<characteristic type=\"APPLICATION\"><parm name=\"NAME\" value=\"x\"/></characteristic>"},
    Rule{"prov-w7-provider-id", "prov", E, E, 0, "the w7 APPLICATION has no PROVIDER-ID",
         "PROVIDER-ID becomes the DM account's ServerID, and the account's node name is the SHA-256 of "
         "it: an account without one cannot be created.",
         "<parm name=\"APPID\" value=\"w7\"/> without <parm name=\"PROVIDER-ID\" .../>"},
    Rule{"prov-w7-addr", "prov", E, E, 0, "the w7 APPLICATION has no ADDR, or it is not an https URL",
         "ADDR (in the APPLICATION or an APPADDR) is the DM server's address; Windows talks to it over "
         "HTTPS only.",
         "<parm name=\"ADDR\" value=\"http://mdm.example/dm\"/>"},
    Rule{"prov-w7-parm", "prov", W, W, 0, "a parm or characteristic the w7 APPLICATION does not define",
         "The w7 APPLICATION knows APPID, PROVIDER-ID, NAME, ADDR, ADDRTYPE, TO-NAPID, "
         "BACKCOMPATRETRYDISABLED, CONNRETRYFREQ, DEFAULTENCODING, INIT, INITIALBACKOFFTIME, "
         "MAXBACKOFFTIME, PROTOVER, ROLE, USEHWDEVID and SSLCLIENTCERTSEARCHCRITERIA, and the "
         "characteristics APPADDR and APPAUTH. Names are case-sensitive, all upper case.",
         "<parm name=\"ConnRetryFreq\" value=\"6\"/>"},
    Rule{"prov-w7-numeric", "prov", E, E, 0, "a w7 retry or role parm that is not a non-negative integer",
         "CONNRETRYFREQ, INITIALBACKOFFTIME, MAXBACKOFFTIME (milliseconds) and ROLE take numbers.",
         "<parm name=\"CONNRETRYFREQ\" value=\"six\"/>"},
    Rule{"prov-w7-encoding", "prov", E, E, 0, "DEFAULTENCODING is not one of the two DM media types",
         "DEFAULTENCODING chooses how the client sends its messages: application/vnd.syncml.dm+xml "
         "(the default) or application/vnd.syncml.dm+wbxml.",
         "<parm name=\"DEFAULTENCODING\" value=\"text/xml\"/>"},
    Rule{"prov-w7-appauth", "prov", E, E, 0, "the w7 APPLICATION lacks the APPSRV or the CLIENT APPAUTH",
         "Windows needs both credentials in the document: APPSRV (how the client authenticates to the "
         "server, DMAcc CLCRED) and CLIENT (how the server authenticates to the client, DMAcc SRVCRED).",
         "one <characteristic type=\"APPAUTH\"> with AAUTHLEVEL APPSRV only"},
    Rule{"prov-w7-aauthlevel", "prov", E, E, 0, "an APPAUTH without AAUTHLEVEL CLIENT or APPSRV",
         "AAUTHLEVEL says whose credentials an APPAUTH holds: APPSRV (the client's) or CLIENT (the "
         "server's). Other levels (OBEX, HTTP) do not apply to Windows.",
         "<parm name=\"AAUTHLEVEL\" value=\"SERVER\"/>"},
    Rule{"prov-w7-aauthtype", "prov", E, E, 0, "an AAUTHTYPE Windows does not accept for its level",
         "Windows takes BASIC or DIGEST for the APPSRV credentials and DIGEST for the CLIENT ones; HMAC "
         "and the HTTP- forms are not provisioned.",
         "<parm name=\"AAUTHTYPE\" value=\"HMAC\"/>"},
    Rule{"prov-datatype", "prov", W, W, 0, "a parm datatype Windows does not know",
         "Windows reads datatype as string, integer, boolean, float, time, date, binary, base64 or xml.",
         "<parm name=\"X\" value=\"1\" datatype=\"int\"/>"},
    Rule{"prov-ddf-unknown", "prov", E, E, 404, "(--ddf) a CSP characteristic names no node of its DDF",
         "A characteristic whose type names a CSP (./Vendor/MSFT/<type>) is checked against the loaded "
         "DDFs, parm by parm, through the judgement of the SyncML checks: an unknown node is refused.",
         "<characteristic type=\"DMClient\"><characteristic type=\"Provder\">..."},
    Rule{"prov-ddf-access", "prov", E, E, 405, "(--ddf) a parm sets a node that takes neither Add nor Replace",
         "Provisioning adds a node or replaces its value: one of the two must be in its AccessType, and "
         "the node must be a leaf.",
         "<parm name=\"HWDevID\" value=\"x\"/> in DMClient/Provider/<id>"},
    Rule{"prov-ddf-format", "prov", E, E, 415, "(--ddf) a parm's datatype or value disagrees with the DFFormat",
         "The datatype (string when absent) must match the node's DFFormat, and the value must parse as it.",
         "<parm name=\"RequireMessageSigning\" value=\"yes\" datatype=\"boolean\"/>"},
    Rule{"prov-ddf-value", "prov", E, E, 400, "(--ddf) a value or name the node's AllowedValues does not list",
         "Microsoft DDFs list allowed values and naming rules; the device refuses others.",
         "<parm name=\"SomeEnum\" value=\"7\"/> where 0 and 1 are allowed"},
};

}  // namespace

std::span<const Rule> rules() { return kRules; }

const Rule* find_rule(std::string_view id) {
  auto it = std::find_if(kRules.begin(), kRules.end(), [&](const Rule& r) { return r.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::string_view to_string(Profile p) { return p == Profile::windows ? "windows" : "oma"; }

std::optional<Profile> parse_profile(std::string_view s) {
  if (s == "windows") return Profile::windows;
  if (s == "oma") return Profile::oma;
  return std::nullopt;
}

std::optional<Direction> parse_direction(std::string_view s) {
  if (s == "auto") return Direction::automatic;
  if (s == "server") return Direction::server;
  if (s == "client") return Direction::client;
  return std::nullopt;
}

}  // namespace syncmldm::validate
