// syncml-encode: SyncML / OMA DM XML -> WBXML.
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

namespace {

// What the command line asks for.
struct Args {
  std::string path = "-";
  tools::OutputOptions out;
  tools::InputFormatOption format;
  std::string version = "1.2";
  std::string table = "minimal";
  std::string public_id = "number";
  std::string language;
};

syncmldm::codec::EncodeOptions encode_options(const Args& a) {
  using namespace syncmldm;
  codec::EncodeOptions options;
  options.version = a.version == "1.1" ? 0x01 : a.version == "1.3" ? 0x03 : 0x02;
  options.string_table = a.table == "none"      ? codec::StringTableMode::none
                         : a.table == "share"   ? codec::StringTableMode::share
                                                : codec::StringTableMode::minimal;
  options.public_id = a.public_id == "string" ? codec::PublicIdForm::string : codec::PublicIdForm::number;
  if (!a.language.empty()) {
    options.language = wbxml::language_by_name(a.language);
    if (!options.language) {
      throw Error(ErrorKind::usage, fmt::format("unknown language '{}' (one of: {})", a.language, wbxml::language_names()));
    }
  }
  return options;
}

int encode(const Args& a) {
  using namespace syncmldm;
  codec::EncodeOptions options = encode_options(a);
  const std::string& path = a.path;
  // The encoder checks every byte of the XML as UTF-8 before it encodes: the input layer's own
  // pass over a large file is left to the case where the encoder refuses the text (below). With
  // -v the notes about the input come first, so the input is checked before them.
  input::Loaded loaded = tools::load_mapped_input("syncml-encode", path, input::parse_format(a.format.format),
                                                  tools::verbosity() > 0 ? input::Utf8Scan::now : input::Utf8Scan::by_caller);
  const input::Payload& in = loaded.payload;
  std::string_view bytes = loaded.bytes();
  tools::note_input("syncml-encode", path, in);
  if (tools::verbosity() > 0) {
    tools::print_note("syncml-encode", fmt::format("{}: {} input, {} payload of {} bytes", path,
                                                   input::format_name(in.container), input::format_name(in.payload),
                                                   bytes.size()));
  }
  // Standard output gets the encoder's buffer as it is; a file named by -o is written whole,
  // or not at all.
  tools::OutputStream output(a.out, true);
  auto sink = [&](std::string_view piece) { output.write(piece); };
  if (in.payload == input::Format::wbxml) {
    codec::DecodeOptions d;
    d.indent = -1;
    d.language = options.language;
    std::string xml_text = codec::wbxml_to_xml(bytes, path, d);
    codec::xml_to_wbxml(xml_text, path, options, sink);
  } else {
    // The output goes into the room after the input, which is already in memory.
    try {
      codec::xml_to_wbxml(bytes, path, options, sink, loaded.spare());
    } catch (const Error&) {
      // Text that is not UTF-8 is told as the input layer tells it (with the iconv line).
      if (loaded.utf8_unchecked) input::check_xml_encoding(bytes, path);
      throw;
    }
  }
  output.finish();
  return tools::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  tools::ArgParser app{"syncml-encode",
                       "Encode a SyncML / OMA DM message (XML) as WBXML.\n"
                       "The input may also be an HTTP message or hex/Base64 text holding the XML; WBXML input is\n"
                       "re-encoded with the options given."};
  Args a;
  app.positional("FILE", "Input file ('-' or absent: standard input)", a.path);
  tools::add_output_options(app, a.out, true);
  tools::add_input_format_option(app, a.format);
  app.option({"--wbxml-version", "VERSION", "WBXML version byte to write: 1.1, 1.2 (default) or 1.3", {"1.1", "1.2", "1.3"}},
             a.version);
  app.option({"--string-table", "MODE",
              "String table: none, minimal (default: only literal names and the public id), share (also repeated text)",
              {"none", "minimal", "share"}},
             a.table);
  app.option({"--public-id", "FORM", "Public id as the registered number (default) or as a string in the string table",
              {"number", "string"}},
             a.public_id);
  app.option({"--language", "NAME",
              "Encode as this document type: syncml10 syncml11 syncml12 metinf12 devinf10 devinf11 devinf12 dmddf12 "
              "(default: from the DOCTYPE, root namespace or root name)"},
             a.language);
  tools::add_verbosity_options(app);
  tools::add_color_option(app);
  app.examples({"syncml-encode package1.xml -o package1.wbxml",
                "syncml-encode --string-table share --public-id string package1.xml -o package1.wbxml",
                "syncml-decode reply.hex | syncml-encode -o reply.wbxml"});
  tools::exit_now(app.name(), tools::run_main(app, argc, argv, [&] { return encode(a); }));
}
