// syncml-decode: WBXML (raw, hex, Base64, inside HTTP) -> indented XML, or the token dump.
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "common/arg_options.hpp"
#include "common/exit_codes.hpp"
#include "common/input_note.hpp"
#include "common/mapped_input.hpp"
#include "common/messages.hpp"
#include "common/output.hpp"
#include "common/run.hpp"
#include "syncmldm/codec/codec.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/wbxml/wbxml.hpp"

namespace {

// What the command line asks for.
struct Args {
  std::vector<std::string> paths;
  tools::OutputOptions out;
  tools::InputFormatOption format;
  bool dump = false;
  int indent = 2;
  bool compact = false;
  bool no_declaration = false;
  bool keep_unknown = false;
  std::string language;
};

syncmldm::codec::DecodeOptions decode_options(const Args& a) {
  using namespace syncmldm;
  codec::DecodeOptions options;
  options.indent = a.compact ? -1 : a.indent;
  options.xml_declaration = !a.no_declaration;
  options.keep_unknown = a.keep_unknown;
  if (!a.language.empty()) {
    options.language = wbxml::language_by_name(a.language);
    if (!options.language) {
      throw Error(ErrorKind::usage, fmt::format("unknown language '{}' (one of: {})", a.language, wbxml::language_names()));
    }
  }
  return options;
}

constexpr const char* kName = "syncml-decode";

// One input to `output`.
void decode_one(const Args& a, const std::string& path, tools::OutputStream& output) {
  using namespace syncmldm;
  codec::DecodeOptions options = decode_options(a);
  // Read once from start to end, nothing written after it: the file's own mapping serves.
  input::Loaded loaded = tools::load_mapped_input(kName, path, input::parse_format(a.format.format),
                                                  input::Utf8Scan::now, MappedFile::Mode::mapped);
  const input::Payload& in = loaded.payload;
  std::string_view bytes = loaded.bytes();
  tools::note_input(kName, path, in);
  if (tools::verbosity() > 0) {
    std::string extra = in.content_type.empty() ? "" : fmt::format(", Content-Type {}", in.content_type);
    tools::print_note(kName, fmt::format("{}: {} input, {} payload of {} bytes{}", path,
                                                   input::format_name(in.container), input::format_name(in.payload),
                                                   bytes.size(), extra));
  }
  if (a.dump) {
    if (in.payload != input::Format::wbxml) throw Error(ErrorKind::input, "--dump needs WBXML input, this is XML", Location{path});
    std::string text;
    wbxml::ReadOptions ro;
    ro.language = options.language;
    try {
      wbxml::dump(bytes, path, text, ro);
    } catch (const Error&) {
      // Show the tokens read so far: they lead up to the problem.
      output.write(text);
      throw;
    }
    output.write(text);
    return;
  }
  if (in.payload == input::Format::wbxml) {
    // Bytes after the document (padding, a second capture glued on) are told, not fatal: the
    // document itself is whole.
    std::uint64_t end = 0;
    options.document_end = &end;
    codec::wbxml_to_xml(bytes, path, options, [&](std::string_view piece) { output.write(piece); });
    std::size_t next = end;
    while (next < bytes.size() && (bytes[next] == ' ' || bytes[next] == '\t' || bytes[next] == '\r' || bytes[next] == '\n')) ++next;
    if (next < bytes.size() && wbxml::looks_like_wbxml(bytes.substr(next))) {
      tools::print_note(kName, fmt::format("{}: offset {}: the input holds more than one WBXML message; only the first "
                                           "is decoded (dm-trace reads them all)", path, next));
    } else if (end < bytes.size()) {
      tools::print_note(kName, fmt::format("{}: offset {}: {} byte{} after the end of the WBXML document, ignored", path,
                                           end, bytes.size() - end, bytes.size() - end == 1 ? "" : "s"));
    }
  } else {
    output.write(codec::reformat_xml(bytes, path, options));
  }
}

// Every input in turn. The XML is written in pieces as it is decoded, so memory stays small; a
// file named by -o still appears whole, or not at all. Several inputs each get a header line
// "==> FILE <==" (as head(1) writes) and a blank line between them; an input that fails is
// reported and the next one is decoded: the exit status is the worst of them, and -o FILE holds
// what was decoded.
int decode(const Args& a) {
  std::vector<std::string> paths = a.paths.empty() ? std::vector<std::string>{"-"} : a.paths;
  tools::OutputStream output(a.out, false);
  if (paths.size() == 1) {
    decode_one(a, paths[0], output);
    output.finish();
    return tools::kExitOk;
  }
  int worst = tools::kExitOk;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (paths.size() > 1) output.write(fmt::format("{}==> {} <==\n", i == 0 ? "" : "\n", paths[i]));
    int code = tools::run_body(kName, [&] {
      decode_one(a, paths[i], output);
      return static_cast<int>(tools::kExitOk);
    });
    worst = std::max(worst, code);
  }
  output.finish();
  return worst;
}

}  // namespace

int main(int argc, char** argv) {
  tools::ArgParser app{"syncml-decode",
                       "Decode a SyncML / OMA DM message to indented XML.\n"
                       "The input is recognised by its content: WBXML, a hex dump (plain, 0x.., xxd, hexdump -C),\n"
                       "Base64, a whole HTTP request or response, or XML (which is re-indented)."};
  Args a;
  app.positionals("FILE", "Input files ('-' or none: standard input); several are decoded one after another",
                  a.paths);
  tools::add_output_options(app, a.out, false);
  tools::add_input_format_option(app, a.format);
  app.flag({"--dump", "", "Print the WBXML token stream (offset, code page, token, tag or string) instead of XML"}, a.dump);
  app.option({"--indent", "N", "Spaces per nesting level (default 2)"}, a.indent, 0, 16);
  app.flag({"--compact", "", "Write the XML on one line, without indentation"}, a.compact);
  app.flag({"--no-declaration", "", "Leave out the <?xml ...?> declaration"}, a.no_declaration);
  app.flag({"--keep-unknown", "", "Write undefined tokens as <unknown page=\"N\" token=\"0xNN\"> instead of failing"},
           a.keep_unknown);
  app.option({"--language", "NAME",
              "Decode as this document type whatever the public id says: syncml10 syncml11 syncml12 metinf12 "
              "devinf10 devinf11 devinf12 dmddf12"},
             a.language);
  tools::add_verbosity_options(app);
  tools::add_color_option(app);
  app.conflicts("--compact", "--indent");
  app.examples({"syncml-decode capture.wbxml",
                "syncml-decode --dump reply.hex",
                "syncml-decode -o all.xml package1.wbxml package2.wbxml"});
  tools::exit_now(app.name(), tools::run_main(app, argc, argv, [&] { return decode(a); }));
}
