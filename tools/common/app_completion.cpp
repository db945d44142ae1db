// A CLI11 app described for the completion scripts (completion.hpp).
#include <algorithm>

#include "app.hpp"

namespace tools {

namespace {

// The allowed values of a CLI11::IsMember check, read from its description "{a,b,c}".
std::vector<std::string> choices_of(CLI::Option& o) {
  std::vector<std::string> out;
  for (int i = 0;; ++i) {
    CLI::Validator* v = nullptr;
    try {
      v = o.get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      break;
    }
    std::string d = v->get_description();
    if (d.size() < 2 || d.front() != '{' || d.back() != '}') continue;
    for (std::size_t at = 1; at < d.size();) {
      std::size_t end = d.find_first_of(",}", at);
      out.push_back(d.substr(at, end - at));
      at = end + 1;
    }
    break;
  }
  return out;
}

completion::Word word_of(CLI::Option& o) {
  std::vector<std::string> names;
  for (const auto& s : o.get_snames()) names.push_back("-" + s);
  for (const auto& l : o.get_lnames()) names.push_back("--" + l);
  bool flag = o.nonpositional() && o.get_expected_max() == 0;
  std::string value_name = o.get_option_text();
  if (value_name.empty() && !flag) value_name = o.nonpositional() ? "VALUE" : o.get_name(true);
  if (flag) value_name.clear();
  bool repeat = o.get_expected_max() > 1 || o.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
  completion::Word w = completion::make_word(std::move(names), value_name, o.get_description(), choices_of(o), repeat);
  if (w.values == completion::Values::choice) w.separator = o.get_delimiter();
  return w;
}

completion::Command command_of(CLI::App& app, const completion::Command* parent) {
  completion::Command c{app.get_name(), app.get_description(), {}, {}, {}};
  for (CLI::Option* o : app.get_options()) {
    if (o->get_group().empty()) continue;  // hidden
    (o->nonpositional() ? c.options : c.positionals).push_back(word_of(*o));
  }
  // Options of the parent that work after the subcommand too.
  if (parent && app.get_fallthrough()) {
    for (const auto& o : parent->options) {
      auto same = [&](const completion::Word& w) { return w.names == o.names; };
      if (std::none_of(c.options.begin(), c.options.end(), same)) c.options.push_back(o);
    }
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) c.subcommands.push_back(command_of(*sub, &c));
  return c;
}

}  // namespace

completion::Command completion_command(CLI::App& app) { return command_of(app, nullptr); }

}  // namespace tools
