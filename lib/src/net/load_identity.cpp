// Device identities from templates ("IMEI:35000000{n:07}") and accounts files.
#include <string>

#include "syncmldm/net/load.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm::load {

Template Template::parse(std::string_view text, std::string_view what) {
  auto bad = [&](std::size_t at, const std::string& why) {
    return Error(ErrorKind::usage, std::string(what) + " template '" + std::string(text) + "', offset " +
                                       std::to_string(at) + ": " + why);
  };
  Template t;
  std::string literal;
  auto flush = [&] {
    if (literal.empty()) return;
    Part p;
    p.literal = std::move(literal);
    t.parts_.push_back(std::move(p));
    literal.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '}') {
      if (i + 1 < text.size() && text[i + 1] == '}') {
        literal += '}';
        ++i;
        continue;
      }
      throw bad(i, "a lone '}' (write '}}' for a brace)");
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      literal += '{';
      ++i;
      continue;
    }
    std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) throw bad(i, "'{' without '}'");
    std::string_view field = text.substr(i + 1, close - i - 1);
    Part p;
    p.field = true;
    if (field.substr(0, 1) != "n") throw bad(i + 1, "only the field {n} (the device number) is known");
    field.remove_prefix(1);
    if (!field.empty()) {
      if (field[0] != ':' || field.size() < 2) throw bad(i + 2, "write {n:WIDTH} or {n:0WIDTH}");
      field.remove_prefix(1);
      if (field[0] == '0') {
        p.zero = true;
        field.remove_prefix(1);
      }
      if (field.empty() || field.size() > 2 || field.find_first_not_of("0123456789") != std::string_view::npos)
        throw bad(i + 3, "the width is a number up to 99");
      p.width = std::stoi(std::string(field));
    }
    flush();
    t.parts_.push_back(std::move(p));
    i = close;
  }
  flush();
  return t;
}

bool Template::varies() const {
  for (const auto& p : parts_)
    if (p.field) return true;
  return false;
}

std::string Template::expand(std::uint64_t n) const {
  std::string out;
  for (const auto& p : parts_) {
    if (!p.field) {
      out += p.literal;
      continue;
    }
    std::string digits = std::to_string(n);
    if (static_cast<int>(digits.size()) < p.width) out.append(static_cast<std::size_t>(p.width) - digits.size(), p.zero ? '0' : ' ');
    out += digits;
  }
  return out;
}

std::vector<Account> read_accounts(std::string_view text, const std::string& source_name) {
  std::vector<Account> out;
  std::uint32_t line_no = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    line.remove_prefix(first);
    std::size_t gap = line.find_first_of(" \t");
    std::size_t pw = gap == std::string_view::npos ? gap : line.find_first_not_of(" \t", gap);
    if (pw == std::string_view::npos) {
      Location where;
      where.file = source_name;
      where.line = line_no;
      where.column = static_cast<std::uint32_t>(first + 1);
      throw Error(ErrorKind::input, "an account line is USER PASSWORD: no password on this line", where);
    }
    out.push_back(Account{std::string(line.substr(0, gap)), std::string(line.substr(pw))});
  }
  return out;
}

DeviceIdentity IdentityTemplates::make(std::uint64_t n) const {
  DeviceIdentity d;
  static const Template kDefault = Template::parse("IMEI:{n:015}", "--dev-id");
  d.dev_id = dev_id.empty() ? kDefault.expand(n) : dev_id.expand(n);
  d.provider_id = provider_id.expand(n);
  if (!accounts.empty()) {
    const Account& a = accounts[n % accounts.size()];
    d.user = a.user;
    d.password = a.password;
  } else {
    d.user = user.expand(n);
    d.password = password.expand(n);
  }
  return d;
}

}  // namespace syncmldm::load
