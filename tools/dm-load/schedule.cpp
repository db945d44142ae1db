// Values of the schedule options: durations with units, rates, the shard.
#include <cstdlib>
#include <string>

#include <CLI/CLI.hpp>

#include "dm_load.hpp"

namespace dm_load {

namespace {
double number(const std::string& text, const std::string& option) {
  if (text.empty() || text.size() > 32) throw CLI::ValidationError(option, "'" + text + "' is not a number");
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !(v >= 0) || v > 1e12)
    throw CLI::ValidationError(option, "'" + text + "' is not a non-negative number");
  return v;
}
}  // namespace

double parse_seconds(const std::string& text, const std::string& option) {
  std::string t = text;
  double unit = 1;
  auto cut = [&](const char* suffix, double u) {
    std::string s(suffix);
    if (t.size() > s.size() && t.compare(t.size() - s.size(), s.size(), s) == 0) {
      t.resize(t.size() - s.size());
      unit = u;
      return true;
    }
    return false;
  };
  cut("ms", 1e-3) || cut("s", 1) || cut("m", 60) || cut("h", 3600);
  return number(t, option) * unit;
}

double parse_rate(const std::string& text) {
  std::string t = text;
  double per = 1;
  if (auto slash = t.find('/'); slash != std::string::npos) {
    std::string unit = t.substr(slash + 1);
    t.resize(slash);
    if (unit == "s") per = 1;
    else if (unit == "m" || unit == "min") per = 60;
    else if (unit == "h") per = 3600;
    else throw CLI::ValidationError("--rate", "'" + text + "': write R, R/s, R/m or R/h");
  }
  return number(t, "--rate") / per;
}

void parse_shard(const std::string& text, std::uint64_t& index, std::uint64_t& count) {
  auto slash = text.find('/');
  if (slash == std::string::npos) throw CLI::ValidationError("--shard", "'" + text + "': write I/N or /N");
  std::string i = text.substr(0, slash), n = text.substr(slash + 1);
  auto whole = [&](const std::string& s, const char* what) {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
      throw CLI::ValidationError("--shard", "'" + text + "': " + what + " is not a whole number");
    return std::stoull(s);
  };
  count = whole(n, "N");
  if (i.empty()) {
    const char* env = std::getenv("JOB_COMPLETION_INDEX");
    if (!env) throw CLI::ValidationError("--shard", "'" + text + "' needs JOB_COMPLETION_INDEX in the environment");
    i = env;
  }
  index = whole(i, "the index");
  if (count == 0 || index >= count)
    throw CLI::ValidationError("--shard", "'" + text + "': the index must be below N (" + i + "/" + n + ")");
}

}  // namespace dm_load
