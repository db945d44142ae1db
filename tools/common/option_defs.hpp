#pragma once
// The option groups several tools share, as data: names, value, help and allowed values are
// written here once, and each command-line parser (CLI11 in options.hpp, ArgParser in
// arg_options.hpp) builds its options from them. No CLI11 here: the codec tools include this
// without paying for CLI11 at start-up (see arg_parser.hpp).
#include <string>
#include <vector>

namespace tools {

struct OptionDef {
  const char* names;        // "-o,--output"
  const char* value_name;   // "FILE"; empty for a flag
  const char* help;
  std::vector<std::string> choices = {};  // allowed values (none: any)
};

// -o/--output FILE ("-" or absent: stdout) and, for binary output, --force.
struct OutputOptions {
  std::string path = "-";
  bool force = false;
};
inline const OptionDef kOutputOption{"-o,--output", "FILE", "Write to FILE instead of standard output ('-' is stdout)"};
inline const OptionDef kForceOption{"--force", "", "Write binary output even to a terminal"};

// --color auto|always|never; NO_COLOR in the environment turns "auto" off.
struct ColorOptions {
  std::string mode = "auto";
};
inline const OptionDef kColorOption{"--color", "WHEN",
                                    "Colour: auto (only on a terminal, off with NO_COLOR), always, never",
                                    {"auto", "always", "never"}};

// -q (notes off) and -v (repeatable, more detail).
inline const OptionDef kQuietOption{"-q,--quiet", "", "Print no notes, only errors"};
inline const OptionDef kVerboseOption{"-v,--verbose", "", "Print more detail (repeat for more)"};

// --input-format auto|xml|wbxml|hex|base64|http.
struct InputFormatOption {
  std::string format = "auto";
};
inline const OptionDef kInputFormatOption{"--input-format", "FORMAT",
                                          "Input format: auto (sniffed from the content), xml, wbxml, hex, base64, http",
                                          {"auto", "xml", "wbxml", "hex", "base64", "http"}};

}  // namespace tools
