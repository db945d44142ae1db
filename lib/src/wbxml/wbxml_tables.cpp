#include "syncmldm/wbxml/wbxml_tables.hpp"
#include "syncmldm/util/text.hpp"

#include <cstring>

#include "util/text_scan.hpp"

namespace syncmldm::wbxml {

namespace {

using Tags = std::array<std::string_view, 64>;

// Fills tokens first.. from a list of names (the tables are contiguous from 0x05).
constexpr Tags make_tags(std::initializer_list<std::string_view> names, std::uint8_t first = 0x05) {
  Tags t{};
  std::uint8_t token = first;
  for (auto n : names) t[token++] = n;
  return t;
}

constexpr Tags kSyncML12Tags = make_tags({
    "Add", "Alert", "Archive", "Atomic", "Chal", "Cmd", "CmdID", "CmdRef", "Copy", "Cred", "Data",
    "Delete", "Exec", "Final", "Get", "Item", "Lang", "LocName", "LocURI", "Map", "MapItem", "Meta",
    "MsgID", "MsgRef", "NoResp", "NoResults", "Put", "Replace", "RespURI", "Results", "Search",
    "Sequence", "SessionID", "SftDel", "Source", "SourceRef", "Status", "Sync", "SyncBody", "SyncHdr",
    "SyncML", "Target", "TargetRef", "" /* 0x30 reserved */, "VerDTD", "VerProto", "NumberOfChanges",
    "MoreData", "Field", "Filter", "Record", "FilterType", "SourceParent", "TargetParent", "Move",
    "Correlator"});

// SyncML 1.1 stops at MoreData (0x34); 0x39 SourceParent is a Nokia extension decoders accept.
constexpr Tags syncml11_tags() {
  Tags t = kSyncML12Tags;
  for (int i = 0x35; i < 64; ++i) t[i] = "";
  t[0x39] = "SourceParent";
  return t;
}
constexpr Tags syncml10_tags() {
  Tags t = kSyncML12Tags;
  for (int i = 0x33; i < 64; ++i) t[i] = "";
  return t;
}

// 0x17-0x1A are device extensions (known to Wireshark, not to the MetInf DTD).
constexpr Tags kMetInf12Tags = make_tags({
    "Anchor", "EMI", "Format", "FreeID", "FreeMem", "Last", "Mark", "MaxMsgSize", "Mem", "MetInf",
    "Next", "NextNonce", "SharedMem", "Size", "Type", "Version", "MaxObjSize", "FieldLevel", "FP", "ID",
    "IDContainer", "IDPair"});
constexpr Tags metinf11_tags() {
  Tags t = kMetInf12Tags;
  for (int i = 0x16; i < 64; ++i) t[i] = "";
  return t;
}
constexpr Tags metinf10_tags() {
  Tags t = kMetInf12Tags;
  for (int i = 0x15; i < 64; ++i) t[i] = "";
  return t;
}

constexpr Tags kDevInf12Tags = make_tags({
    "CTCap", "CTType", "DataStore", "DataType", "DevID", "DevInf", "DevTyp", "DisplayName", "DSMem", "Ext",
    "FwV", "HwV", "Man", "MaxGUIDSize", "MaxID", "MaxMem", "Mod", "OEM", "ParamName", "PropName", "Rx",
    "Rx-Pref", "SharedMem", "MaxSize", "SourceRef", "SwV", "SyncCap", "SyncType", "Tx", "Tx-Pref",
    "ValEnum", "VerCT", "VerDTD", "XNam", "XVal", "UTC", "SupportNumberOfChanges", "SupportLargeObjs",
    "Property", "PropParam", "MaxOccur", "NoTruncate", "" /* 0x2F undefined */, "Filter-Rx", "FilterCap",
    "FilterKeyword", "FieldLevel", "SupportHierarchicalSync"});
constexpr Tags devinf11_tags() {
  Tags t = kDevInf12Tags;
  for (int i = 0x2B; i < 64; ++i) t[i] = "";
  t[0x1C] = "Size";
  return t;
}

constexpr Tags kDdf12Tags = make_tags({
    "AccessType", "ACL", "Add", "b64", "bin", "bool", "chr", "CaseSense", "CIS", "Copy", "CS", "date",
    "DDFName", "DefaultValue", "Delete", "Description", "DFFormat", "DFProperties", "DFTitle", "DFType",
    "Dynamic", "Exec", "float", "Format", "Get", "int", "Man", "MgmtTree", "MIME", "Mod", "Name", "Node",
    "node", "NodeName", "null", "Occurrence", "One", "OneOrMore", "OneOrN", "Path", "Permanent",
    "Replace", "RTProperties", "Scope", "Size", "time", "Title", "TStamp", "Type", "Value", "VerDTD",
    "VerNo", "xml", "ZeroOrMore", "ZeroOrN", "ZeroOrOne"});

// OMA Client Provisioning: three elements, the same tokens on both pages (page 1 exists for its
// attribute tokens).
constexpr Tags kProv0Tags = make_tags({"wap-provisioningdoc", "characteristic", "parm"});
constexpr Tags kProv1Tags = make_tags({"characteristic", "parm"}, 0x06);

// ProvCont 1.1 section 7.2: attribute start tokens. Page 0 is the PROV 1.0 set (with the OMA
// additions), page 1 the APPLICATION set of ProvCont 1.1.
constexpr AttributeStart kProvStarts[] = {
    {0, 0x05, "name", ""}, {0, 0x06, "value", ""}, {0, 0x07, "name", "NAME"}, {0, 0x08, "name", "NAP-ADDRESS"},
    {0, 0x09, "name", "NAP-ADDRTYPE"}, {0, 0x0A, "name", "CALLTYPE"}, {0, 0x0B, "name", "VALIDUNTIL"},
    {0, 0x0C, "name", "AUTHTYPE"}, {0, 0x0D, "name", "AUTHNAME"}, {0, 0x0E, "name", "AUTHSECRET"},
    {0, 0x0F, "name", "LINGER"}, {0, 0x10, "name", "BEARER"}, {0, 0x11, "name", "NAPID"},
    {0, 0x12, "name", "COUNTRY"}, {0, 0x13, "name", "NETWORK"}, {0, 0x14, "name", "INTERNET"},
    {0, 0x15, "name", "PROXY-ID"}, {0, 0x16, "name", "PROXY-PROVIDER-ID"}, {0, 0x17, "name", "DOMAIN"},
    {0, 0x18, "name", "PROVURL"}, {0, 0x19, "name", "PXAUTH-TYPE"}, {0, 0x1A, "name", "PXAUTH-ID"},
    {0, 0x1B, "name", "PXAUTH-PW"}, {0, 0x1C, "name", "STARTPAGE"}, {0, 0x1D, "name", "BASAUTH-ID"},
    {0, 0x1E, "name", "BASAUTH-PW"}, {0, 0x1F, "name", "PUSHENABLED"}, {0, 0x20, "name", "PXADDR"},
    {0, 0x21, "name", "PXADDRTYPE"}, {0, 0x22, "name", "TO-NAPID"}, {0, 0x23, "name", "PORTNBR"},
    {0, 0x24, "name", "SERVICE"}, {0, 0x25, "name", "LINKSPEED"}, {0, 0x26, "name", "DNLINKSPEED"},
    {0, 0x27, "name", "LOCAL-ADDR"}, {0, 0x28, "name", "LOCAL-ADDRTYPE"}, {0, 0x29, "name", "CONTEXT-ALLOW"},
    {0, 0x2A, "name", "TRUST"}, {0, 0x2B, "name", "MASTER"}, {0, 0x2C, "name", "SID"}, {0, 0x2D, "name", "SOC"},
    {0, 0x2E, "name", "WSP-VERSION"}, {0, 0x2F, "name", "PHYSICAL-PROXY-ID"}, {0, 0x30, "name", "CLIENT-ID"},
    {0, 0x31, "name", "DELIVERY-ERR-SDU"}, {0, 0x32, "name", "DELIVERY-ORDER"}, {0, 0x33, "name", "TRAFFIC-CLASS"},
    {0, 0x34, "name", "MAX-SDU-SIZE"}, {0, 0x35, "name", "MAX-BITRATE-UPLINK"},
    {0, 0x36, "name", "MAX-BITRATE-DNLINK"}, {0, 0x37, "name", "RESIDUAL-BER"},
    {0, 0x38, "name", "SDU-ERROR-RATIO"}, {0, 0x39, "name", "TRAFFIC-HANDL-PRIO"},
    {0, 0x3A, "name", "TRANSFER-DELAY"}, {0, 0x3B, "name", "GUARANTEED-BITRATE-UPLINK"},
    {0, 0x3C, "name", "GUARANTEED-BITRATE-DNLINK"}, {0, 0x3D, "name", "PXADDR-FQDN"},
    {0, 0x3E, "name", "PROXY-PW"}, {0, 0x3F, "name", "PPGAUTH-TYPE"}, {0, 0x45, "version", ""},
    {0, 0x46, "version", "1.0"}, {0, 0x47, "name", "PULLENABLED"}, {0, 0x48, "name", "DNS-ADDR"},
    {0, 0x49, "name", "MAX-NUM-RETRY"}, {0, 0x4A, "name", "FIRST-RETRY-TIMEOUT"},
    {0, 0x4B, "name", "REREG-THRESHOLD"}, {0, 0x4C, "name", "T-BIT"}, {0, 0x4E, "name", "AUTH-ENTITY"},
    {0, 0x4F, "name", "SPI"}, {0, 0x50, "type", ""}, {0, 0x51, "type", "PXLOGICAL"},
    {0, 0x52, "type", "PXPHYSICAL"}, {0, 0x53, "type", "PORT"}, {0, 0x54, "type", "VALIDITY"},
    {0, 0x55, "type", "NAPDEF"}, {0, 0x56, "type", "BOOTSTRAP"}, {0, 0x57, "type", "VENDORCONFIG"},
    {0, 0x58, "type", "CLIENTIDENTITY"}, {0, 0x59, "type", "PXAUTHINFO"}, {0, 0x5A, "type", "NAPAUTHINFO"},
    {0, 0x5B, "type", "ACCESS"},
    {1, 0x05, "name", ""}, {1, 0x06, "value", ""}, {1, 0x07, "name", "NAME"}, {1, 0x14, "name", "INTERNET"},
    {1, 0x1C, "name", "STARTPAGE"}, {1, 0x22, "name", "TO-NAPID"}, {1, 0x23, "name", "PORTNBR"},
    {1, 0x24, "name", "SERVICE"}, {1, 0x2E, "name", "AACCEPT"}, {1, 0x2F, "name", "AAUTHDATA"},
    {1, 0x30, "name", "AAUTHLEVEL"}, {1, 0x31, "name", "AAUTHNAME"}, {1, 0x32, "name", "AAUTHSECRET"},
    {1, 0x33, "name", "AAUTHTYPE"}, {1, 0x34, "name", "ADDR"}, {1, 0x35, "name", "ADDRTYPE"},
    {1, 0x36, "name", "APPID"}, {1, 0x37, "name", "APROTOCOL"}, {1, 0x38, "name", "PROVIDER-ID"},
    {1, 0x39, "name", "TO-PROXY"}, {1, 0x3A, "name", "URI"}, {1, 0x3B, "name", "RULE"},
    {1, 0x50, "type", ""}, {1, 0x53, "type", "PORT"}, {1, 0x55, "type", "APPLICATION"},
    {1, 0x56, "type", "APPADDR"}, {1, 0x57, "type", "APPAUTH"}, {1, 0x58, "type", "CLIENTIDENTITY"},
    {1, 0x59, "type", "RESOURCE"},
};

// ProvCont 1.1 section 7.3: attribute value tokens.
constexpr AttributeValue kProvValues[] = {
    {0, 0x85, "IPV4"}, {0, 0x86, "IPV6"}, {0, 0x87, "E164"}, {0, 0x88, "ALPHA"}, {0, 0x89, "APN"},
    {0, 0x8A, "SCODE"}, {0, 0x8B, "TETRA-ITSI"}, {0, 0x8C, "MAN"}, {0, 0x90, "ANALOG-MODEM"},
    {0, 0x91, "V.120"}, {0, 0x92, "V.110"}, {0, 0x93, "X.31"}, {0, 0x94, "BIT-TRANSPARENT"},
    {0, 0x95, "DIRECT-ASYNCHRONOUS-DATA-SERVICE"}, {0, 0x9A, "PAP"}, {0, 0x9B, "CHAP"}, {0, 0x9C, "HTTP-BASIC"},
    {0, 0x9D, "HTTP-DIGEST"}, {0, 0x9E, "WTLS-SS"}, {0, 0x9F, "MD5"}, {0, 0xA2, "GSM-USSD"},
    {0, 0xA3, "GSM-SMS"}, {0, 0xA4, "ANSI-136-GUTS"}, {0, 0xA5, "IS-95-CDMA-SMS"}, {0, 0xA6, "IS-95-CDMA-CSD"},
    {0, 0xA7, "IS-95-CDMA-PACKET"}, {0, 0xA8, "ANSI-136-CSD"}, {0, 0xA9, "ANSI-136-GPRS"}, {0, 0xAA, "GSM-CSD"},
    {0, 0xAB, "GSM-GPRS"}, {0, 0xAC, "AMPS-CDPD"}, {0, 0xAD, "PDC-CSD"}, {0, 0xAE, "PDC-PACKET"},
    {0, 0xAF, "IDEN-SMS"}, {0, 0xB0, "IDEN-CSD"}, {0, 0xB1, "IDEN-PACKET"}, {0, 0xB2, "FLEX/REFLEX"},
    {0, 0xB3, "PHS-SMS"}, {0, 0xB4, "PHS-CSD"}, {0, 0xB5, "TETRA-SDS"}, {0, 0xB6, "TETRA-PACKET"},
    {0, 0xB7, "ANSI-136-GHOST"}, {0, 0xB8, "MOBITEX-MPAK"}, {0, 0xB9, "CDMA2000-1X-SIMPLE-IP"},
    {0, 0xBA, "CDMA2000-1X-MOBILE-IP"}, {0, 0xC5, "AUTOBAUDING"}, {0, 0xCA, "CL-WSP"}, {0, 0xCB, "CO-WSP"},
    {0, 0xCC, "CL-SEC-WSP"}, {0, 0xCD, "CO-SEC-WSP"}, {0, 0xCE, "CL-SEC-WTA"}, {0, 0xCF, "CO-SEC-WTA"},
    {0, 0xD0, "OTA-HTTP-TO"}, {0, 0xD1, "OTA-HTTP-TLS-TO"}, {0, 0xD2, "OTA-HTTP-PO"},
    {0, 0xD3, "OTA-HTTP-TLS-PO"}, {0, 0xE0, "AAA"}, {0, 0xE1, "HA"},
    {1, 0x86, "IPV6"}, {1, 0x87, "E164"}, {1, 0x88, "ALPHA"}, {1, 0x8D, "APPSRV"}, {1, 0x8E, "OBEX"},
    {1, 0x90, ","}, {1, 0x91, "HTTP-"}, {1, 0x92, "BASIC"}, {1, 0x93, "DIGEST"},
};

constexpr std::string_view kNsSyncML10 = "SYNCML:SYNCML1.0";
constexpr std::string_view kNsSyncML11 = "SYNCML:SYNCML1.1";
constexpr std::string_view kNsSyncML12 = "SYNCML:SYNCML1.2";
constexpr std::string_view kNsMetInf = "syncml:metinf";
constexpr std::string_view kNsDevInf = "syncml:devinf";
constexpr std::string_view kNsDdf = "syncml:dmddf1.2";

const CodePage kSyncML10Page{0, kNsSyncML10, syncml10_tags()};
const CodePage kSyncML11Page{0, kNsSyncML11, syncml11_tags()};
const CodePage kSyncML12Page{0, kNsSyncML12, kSyncML12Tags};
const CodePage kMetInf10Page{1, kNsMetInf, metinf10_tags()};
const CodePage kMetInf11Page{1, kNsMetInf, metinf11_tags()};
const CodePage kMetInf12Page{1, kNsMetInf, kMetInf12Tags};
const CodePage kDevInf11Page{0, kNsDevInf, devinf11_tags()};
const CodePage kDevInf12Page{0, kNsDevInf, kDevInf12Tags};
const CodePage kDdf12Page{2, kNsDdf, kDdf12Tags};
const CodePage kProv0Page{0, "", kProv0Tags};
const CodePage kProv1Page{1, "", kProv1Tags};

const CodePage* const kSyncML10Pages[] = {&kSyncML10Page, &kMetInf10Page};
const CodePage* const kSyncML11Pages[] = {&kSyncML11Page, &kMetInf11Page};
// Page 2 is reserved for DM DDF inside SyncML 1.2; decoders meet it from some devices.
const CodePage* const kSyncML12Pages[] = {&kSyncML12Page, &kMetInf12Page, &kDdf12Page};
const CodePage* const kMetInf12Pages[] = {&kMetInf12Page};
const CodePage* const kDevInf11Pages[] = {&kDevInf11Page};
const CodePage* const kDevInf12Pages[] = {&kDevInf12Page};
const CodePage* const kDdf12Pages[] = {&kDdf12Page};
const CodePage* const kProvPages[] = {&kProv0Page, &kProv1Page};

// Pages 0 and 1 have disjoint names; page 2 is chosen only by its namespace.
constexpr std::uint8_t kSyncMLNamePages[] = {0, 1};
constexpr std::uint8_t kMetInfNamePages[] = {1};
constexpr std::uint8_t kPage0[] = {0};
constexpr std::uint8_t kPage2[] = {2};

const Language kSyncML10{"SyncML 1.0", 0x0FD1, "-//SYNCML//DTD SyncML 1.0//EN", "SyncML", kNsSyncML10,
                         kSyncML10Pages, kSyncMLNamePages};
const Language kSyncML11{"SyncML 1.1", 0x0FD3, "-//SYNCML//DTD SyncML 1.1//EN", "SyncML", kNsSyncML11,
                         kSyncML11Pages, kSyncMLNamePages};
const Language kSyncML12{"SyncML 1.2", 0x1201, "-//SYNCML//DTD SyncML 1.2//EN", "SyncML", kNsSyncML12,
                         kSyncML12Pages, kSyncMLNamePages};
const Language kMetInf12{"MetInf 1.2", 0x1202, "-//SYNCML//DTD MetInf 1.2//EN", "MetInf", kNsMetInf,
                         kMetInf12Pages, kMetInfNamePages};
const Language kDevInf10{"DevInf 1.0", 0x0FD2, "-//SYNCML//DTD DevInf 1.0//EN", "DevInf", kNsDevInf,
                         kDevInf11Pages, kPage0};
const Language kDevInf11{"DevInf 1.1", 0x0FD4, "-//SYNCML//DTD DevInf 1.1//EN", "DevInf", kNsDevInf,
                         kDevInf11Pages, kPage0};
const Language kDevInf12{"DevInf 1.2", 0x1203, "-//SYNCML//DTD DevInf 1.2//EN", "DevInf", kNsDevInf,
                         kDevInf12Pages, kPage0};
const Language kDmDdf12{"DM DDF 1.2", 0, "-//OMA//DTD-DM-DDF 1.2//EN", "MgmtTree", kNsDdf, kDdf12Pages, kPage2};
// ProvCont 1.1 kept the PROV 1.0 public id and FPI; its additions are page 1.
const Language kProv10{"PROV 1.0", 0x0B, "-//WAPFORUM//DTD PROV 1.0//EN", "wap-provisioningdoc", "", kProvPages, kPage0,
                       kProvStarts, kProvValues};

// Name -> token index for one page: open addressing over 128 slots (a page has < 60 names).
struct PageIndex {
  std::array<std::uint8_t, 128> slot{};  // token, 0 = empty

  // Length and three bytes: every name is looked up for every element, and these already tell
  // the names of a page apart well (collisions only cost a probe).
  static constexpr std::uint32_t hash(std::string_view s) {
    if (s.empty()) return 0;
    auto u = [](char c) { return static_cast<std::uint32_t>(static_cast<unsigned char>(c)); };
    return static_cast<std::uint32_t>(s.size()) * 37u + u(s[0]) * 3u + u(s[s.size() / 2]) * 11u + u(s.back());
  }
  // Built at compile time: nothing to set up when a tool starts.
  explicit constexpr PageIndex(const Tags& tags) {
    for (std::uint8_t t = 5; t < 64; ++t) {
      if (tags[t].empty()) continue;
      std::uint32_t i = hash(tags[t]) & 127;
      while (slot[i]) i = (i + 1) & 127;
      slot[i] = t;
    }
  }
  std::optional<std::uint8_t> find(const CodePage& page, std::string_view name) const {
    std::uint32_t i = hash(name) & 127;
    while (slot[i]) {
      std::string_view tag = page.tags[slot[i]];
      if (tag.size() == name.size() && detail::same_bytes(tag.data(), name)) return slot[i];
      i = (i + 1) & 127;
    }
    return std::nullopt;
  }
};

constexpr PageIndex pv0(kProv0Tags), pv1(kProv1Tags);
constexpr PageIndex s10(syncml10_tags()), s11(syncml11_tags()), s12(kSyncML12Tags), m10(metinf10_tags()),
    m11(metinf11_tags()), m12(kMetInf12Tags), d11(devinf11_tags()), d12(kDevInf12Tags), dd(kDdf12Tags);

const PageIndex& index_of(const CodePage* page) {
  if (page == &kSyncML10Page) return s10;
  if (page == &kSyncML11Page) return s11;
  if (page == &kSyncML12Page) return s12;
  if (page == &kMetInf10Page) return m10;
  if (page == &kMetInf11Page) return m11;
  if (page == &kMetInf12Page) return m12;
  if (page == &kDevInf11Page) return d11;
  if (page == &kDevInf12Page) return d12;
  if (page == &kProv0Page) return pv0;
  if (page == &kProv1Page) return pv1;
  return dd;
}

struct NestedType {
  std::string_view xml;
  std::string_view wbxml;
};
constexpr NestedType kNestedTypes[] = {
    {"application/vnd.syncml-devinf+xml", "application/vnd.syncml-devinf+wbxml"},
    {"application/vnd.syncml.dmtnds+xml", "application/vnd.syncml.dmtnds+wbxml"},
    {"application/vnd.syncml.dmddf+xml", "application/vnd.syncml.dmddf+wbxml"},
};

}  // namespace

const CodePage* Language::page(std::uint8_t number) const {
  for (const CodePage* p : pages) {
    if (p->number == number) return p;
  }
  return nullptr;
}

std::string_view Language::tag(std::uint8_t number, std::uint8_t token) const {
  const CodePage* p = page(number);
  return p && token < 64 ? p->tags[token] : std::string_view{};
}

std::optional<std::uint8_t> Language::token(std::uint8_t number, std::string_view name) const {
  const CodePage* p = page(number);
  if (!p) return std::nullopt;
  auto t = index_of(p).find(*p, name);
  // The TND table spells these in lower case; the DTD spelling is the one we emit.
  if (!t && number == 2 && (name == "verDTD" || name == "verNo")) {
    return index_of(p).find(*p, name == "verDTD" ? "VerDTD" : "VerNo");
  }
  return t;
}

std::optional<std::uint8_t> Language::page_of_namespace(std::string_view ns) const {
  for (const CodePage* p : pages) {
    if (iequals(p->xml_namespace, ns)) return p->number;
  }
  return std::nullopt;
}

const AttributeStart* Language::attribute_start(std::uint8_t page, std::uint8_t token) const {
  for (const auto& a : attribute_starts) {
    if (a.page == page && a.token == token) return &a;
  }
  return nullptr;
}

const AttributeValue* Language::attribute_value(std::uint8_t page, std::uint8_t token) const {
  for (const auto& v : attribute_values) {
    if (v.page == page && v.token == token) return &v;
  }
  return nullptr;
}

const Language& syncml10() { return kSyncML10; }
const Language& syncml11() { return kSyncML11; }
const Language& syncml12() { return kSyncML12; }
const Language& metinf12() { return kMetInf12; }
const Language& devinf10() { return kDevInf10; }
const Language& devinf11() { return kDevInf11; }
const Language& devinf12() { return kDevInf12; }
const Language& dmddf12() { return kDmDdf12; }
const Language& prov10() { return kProv10; }

const Language* language_by_public_id(std::uint32_t public_id) {
  for (const Language* l :
       {&kSyncML10, &kSyncML11, &kSyncML12, &kMetInf12, &kDevInf10, &kDevInf11, &kDevInf12, &kProv10}) {
    if (l->public_id == public_id) return l;
  }
  return nullptr;
}

const Language* language_by_fpi(std::string_view fpi) {
  for (const Language* l :
       {&kSyncML10, &kSyncML11, &kSyncML12, &kMetInf12, &kDevInf10, &kDevInf11, &kDevInf12, &kDmDdf12, &kProv10}) {
    if (iequals(l->fpi, fpi)) return l;
  }
  if (iequals(fpi, "-//SYNCML//DTD MetaInf 1.2//EN") || iequals(fpi, "-//OMA//DTD SYNCML-METINF 1.2//EN")) {
    return &kMetInf12;
  }
  return nullptr;
}

const Language* language_by_name(std::string_view name) {
  struct Named {
    std::string_view name;
    const Language* language;
  };
  static const Named kNames[] = {{"syncml10", &kSyncML10}, {"syncml11", &kSyncML11}, {"syncml12", &kSyncML12},
                                 {"metinf12", &kMetInf12}, {"devinf10", &kDevInf10}, {"devinf11", &kDevInf11},
                                 {"devinf12", &kDevInf12}, {"dmddf12", &kDmDdf12}, {"prov", &kProv10}};
  for (const auto& n : kNames) {
    if (iequals(n.name, name)) return n.language;
  }
  return nullptr;
}

std::string_view language_names() { return "syncml10 syncml11 syncml12 metinf12 devinf10 devinf11 devinf12 dmddf12 prov"; }

// Most Types are short ("text/plain"): a length outside the table's is no nested type.
constexpr std::size_t kNestedTypeMin = 32, kNestedTypeMax = 35;
static_assert([] {
  for (const auto& n : kNestedTypes) {
    if (n.xml.size() < kNestedTypeMin || n.wbxml.size() > kNestedTypeMax || n.xml.size() > n.wbxml.size()) return false;
  }
  return true;
}());

std::string_view nested_type_to_xml(std::string_view type) {
  if (type.size() < kNestedTypeMin || type.size() > kNestedTypeMax) return {};
  for (const auto& n : kNestedTypes) {
    if (iequals(n.wbxml, type)) return n.xml;
  }
  return {};
}

std::string_view nested_type_to_wbxml(std::string_view type) {
  if (type.size() < kNestedTypeMin || type.size() > kNestedTypeMax) return {};
  for (const auto& n : kNestedTypes) {
    if (iequals(n.xml, type)) return n.wbxml;
  }
  return {};
}

}  // namespace syncmldm::wbxml
