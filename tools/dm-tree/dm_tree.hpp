#pragma once
// dm-tree's subcommands, one function each (a file each), and what they share: the options
// main() parses into, and the loading, saving and messages common to several of them.
// Kept free of CLI11, which only main.cpp, apply.cpp and support.cpp need.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/tree/tree.hpp"

namespace syncmldm::ddf {
class Schema;
}

namespace dm_tree {

inline constexpr const char* kTool = "dm-tree";

// ---- the subcommands (exit codes: common/exit_codes.hpp) ----

struct InitOptions {
  std::vector<std::string> ddf, set;
  std::string output = "-", dev_id;
};
int init(const InitOptions& o);

struct ShowOptions {
  std::vector<std::string> args, ddf;  // [STATE] [URI]
  int depth = -1;
  bool props = false, show_secrets = false;
  std::string format = "text";
};
int show(const ShowOptions& o);

struct GetOptions {
  std::string state, uri;
  bool show_secrets = false;
};
int get(const GetOptions& o);

struct DescribeOptions {
  std::vector<std::string> args, ddf;  // [STATE] URI
  std::string format = "text";
};
int describe(const DescribeOptions& o);

struct FindOptions {
  std::vector<std::string> args, ddf;  // [STATE] PATTERN
  bool text = false;                   // Titles and Descriptions too
  std::string format = "text";
};
int find(const FindOptions& o);

struct DiffOptions {
  std::string a, b;
  bool show_secrets = false;
  std::string format = "text";
  bool color = false;  // from --color and the terminal (main.cpp)
};
int diff(const DiffOptions& o);

struct CompleteOptions {
  std::string prefix, state;
  std::vector<std::string> ddf;
};
int complete(const CompleteOptions& o);

// apply: apply.hpp (its options hold the state-file group, which brings CLI11).

// ---- shared by the subcommands (support.cpp) ----

// The standard objects (when asked) and these DDFs, with timing notes at -vv.
std::shared_ptr<syncmldm::ddf::Schema> load_schema(const std::vector<std::string>& ddfs, bool with_standard);
syncmldm::tree::Tree load_state(const std::string& path);
// To `path`, or stdout for "-".
void save_state(const syncmldm::tree::Tree& t, const std::string& path);

// "URI: no such node" and the hint of the schema (if any); returns the exit code for it.
int not_found(const std::string& uri, const syncmldm::ddf::Schema* schema);

// The read check of show and diff (Tree::read_status): true when the value of `n` is to be
// masked, counted in `hidden` for note_masked.
bool masks(const syncmldm::tree::Tree& t, const syncmldm::tree::Node& n, bool show_secrets, std::size_t& hidden);
void note_masked(std::size_t count);

// Control characters escaped (\n, \t, \xNN) for one-line output.
std::string printable(std::string_view v);
// Writes a result to stdout.
void print(std::string_view out);
// A note at -vv.
void timing_note(const std::string& what);


// Wall and CPU milliseconds since construction (or the last lap), for the -vv phase notes.
class Stopwatch {
 public:
  Stopwatch();
  std::string lap();

 private:
  double wall_, cpu_;
};

}  // namespace dm_tree
