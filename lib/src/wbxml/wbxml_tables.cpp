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

const CodePage* const kSyncML10Pages[] = {&kSyncML10Page, &kMetInf10Page};
const CodePage* const kSyncML11Pages[] = {&kSyncML11Page, &kMetInf11Page};
// Page 2 is reserved for DM DDF inside SyncML 1.2; decoders meet it from some devices.
const CodePage* const kSyncML12Pages[] = {&kSyncML12Page, &kMetInf12Page, &kDdf12Page};
const CodePage* const kMetInf12Pages[] = {&kMetInf12Page};
const CodePage* const kDevInf11Pages[] = {&kDevInf11Page};
const CodePage* const kDevInf12Pages[] = {&kDevInf12Page};
const CodePage* const kDdf12Pages[] = {&kDdf12Page};

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

const Language& syncml10() { return kSyncML10; }
const Language& syncml11() { return kSyncML11; }
const Language& syncml12() { return kSyncML12; }
const Language& metinf12() { return kMetInf12; }
const Language& devinf10() { return kDevInf10; }
const Language& devinf11() { return kDevInf11; }
const Language& devinf12() { return kDevInf12; }
const Language& dmddf12() { return kDmDdf12; }

const Language* language_by_public_id(std::uint32_t public_id) {
  for (const Language* l : {&kSyncML10, &kSyncML11, &kSyncML12, &kMetInf12, &kDevInf10, &kDevInf11, &kDevInf12}) {
    if (l->public_id == public_id) return l;
  }
  return nullptr;
}

const Language* language_by_fpi(std::string_view fpi) {
  for (const Language* l :
       {&kSyncML10, &kSyncML11, &kSyncML12, &kMetInf12, &kDevInf10, &kDevInf11, &kDevInf12, &kDmDdf12}) {
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
                                 {"devinf12", &kDevInf12}, {"dmddf12", &kDmDdf12}};
  for (const auto& n : kNames) {
    if (iequals(n.name, name)) return n.language;
  }
  return nullptr;
}

std::string_view language_names() { return "syncml10 syncml11 syncml12 metinf12 devinf10 devinf11 devinf12 dmddf12"; }

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
