#pragma once
// A JSON reader that reads only what its caller asks for: a HAR entry is mostly bodies and
// headers, of which the trace needs a few fields; everything else is skipped at the speed of a
// byte search, not parsed into a tree (README, dm-trace: why not a JSON library).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace syncmldm::trace::json_scan {

class Cursor {
 public:
  // `text` is one JSON value; `source` and `base` (the offset of text[0] in the file) place errors.
  Cursor(std::string_view text, const std::string& source, std::uint64_t base) : t_(text), source_(source), base_(base) {}

  // The next non-blank character, without taking it; '\0' at the end.
  char peek();
  // Objects: begin_object() takes '{'; member(key) reads the next key and its ':' (false at
  // the closing '}', which it takes). Arrays: begin_array(), element() (false at ']').
  void begin_object();
  bool member(std::string& key);
  void begin_array();
  bool element();
  // A string value, unescaped (\uXXXX to UTF-8); an error for anything else.
  std::string string();
  // A number (or null, then `fallback`); an error for anything else.
  double number(double fallback = 0);
  // Any value, nested ones included, without building it.
  void skip();
  // Byte offset in the file of the next character.
  std::uint64_t offset() const { return base_ + p_; }

  [[noreturn]] void fail(std::string_view what) const;

 private:
  void ws();
  void expect(char c);
  std::size_t string_end(std::size_t from) const;  // offset of the closing quote

  std::string_view t_;
  std::size_t p_ = 0;
  const std::string& source_;
  std::uint64_t base_;
  bool first_ = true;  // no ',' expected before the next member or element
};

}  // namespace syncmldm::trace::json_scan
