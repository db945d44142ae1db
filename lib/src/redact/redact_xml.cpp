// XML: a scanner over the raw text that sees tags, text, CDATA, comments and processing
// instructions, and hands element events and text ranges to the judge. It never changes a byte
// outside a secret, so it works on documents no parser would take, and it reads each byte once.
#include <string>

#include "redact/judge.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::redact {
namespace {

std::string_view local_name(std::string_view qname) {
  auto colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

bool is_name_end(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>'; }

class XmlRedactor {
 public:
  XmlRedactor(std::string_view in, const Options& options) : in_(in), judge_(options) { result_.bytes = std::string(in); }

  Result run() {
    std::size_t i = 0;
    const std::size_t n = in_.size();
    while (i < n) {
      if (in_[i] != '<') {
        std::size_t lt = in_.find('<', i);
        if (lt == std::string_view::npos) lt = n;
        text(i, lt - i);
        i = lt;
      } else if (in_.compare(i, 4, "<!--") == 0) {
        i = skip_past(i + 4, "-->");
      } else if (in_.compare(i, 9, "<![CDATA[") == 0) {
        std::size_t end = in_.find("]]>", i + 9);
        if (end == std::string_view::npos) end = n;
        text(i + 9, end - (i + 9));
        i = end == n ? n : end + 3;
      } else if (in_.compare(i, 2, "<?") == 0) {
        i = skip_past(i + 2, "?>");
      } else if (in_.compare(i, 2, "<!") == 0) {
        i = skip_doctype(i + 2);
      } else if (in_.compare(i, 2, "</") == 0) {
        std::size_t gt = in_.find('>', i);
        if (gt == std::string_view::npos) gt = n;
        judge_.end();
        i = gt == n ? n : gt + 1;
      } else {
        i = start_tag(i);
      }
    }
    return std::move(result_);
  }

 private:
  std::size_t skip_past(std::size_t from, std::string_view end) const {
    std::size_t at = in_.find(end, from);
    return at == std::string_view::npos ? in_.size() : at + end.size();
  }

  // <!DOCTYPE ...> with an optional [internal subset].
  std::size_t skip_doctype(std::size_t from) const {
    int brackets = 0;
    for (std::size_t i = from; i < in_.size(); ++i) {
      if (in_[i] == '[') ++brackets;
      else if (in_[i] == ']' && brackets > 0) --brackets;
      else if (in_[i] == '>' && brackets == 0) return i + 1;
    }
    return in_.size();
  }

  // A start tag at `lt`: its name to the judge, secret attribute values of <parm> marked.
  std::size_t start_tag(std::size_t lt) {
    const std::size_t n = in_.size();
    std::size_t p = lt + 1;
    while (p < n && !is_name_end(in_[p])) ++p;
    std::string_view name = local_name(in_.substr(lt + 1, p - lt - 1));
    // Attributes: name="value" or name='value' (a '>' inside quotes does not end the tag).
    std::string_view parm_name;
    std::size_t value_pos = 0, value_len = 0;
    bool has_value = false, empty = false;
    while (p < n) {
      char c = in_[p];
      if (c == '>') break;
      if (c == '/' && p + 1 < n && in_[p + 1] == '>') {
        empty = true;
        ++p;
        break;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/') {
        ++p;
        continue;
      }
      std::size_t an = p;
      while (p < n && in_[p] != '=' && in_[p] != '>' && !is_name_end(in_[p])) ++p;
      std::string_view attr = local_name(in_.substr(an, p - an));
      while (p < n && (in_[p] == ' ' || in_[p] == '\t' || in_[p] == '\r' || in_[p] == '\n')) ++p;
      if (p >= n || in_[p] != '=') continue;
      ++p;
      while (p < n && (in_[p] == ' ' || in_[p] == '\t' || in_[p] == '\r' || in_[p] == '\n')) ++p;
      if (p >= n || (in_[p] != '"' && in_[p] != '\'')) continue;
      char quote = in_[p++];
      std::size_t vstart = p;
      std::size_t vend = in_.find(quote, p);
      if (vend == std::string_view::npos) vend = n;
      std::string_view value = in_.substr(vstart, vend - vstart);
      if (attr == "name") parm_name = value;
      if (attr == "value") {
        value_pos = vstart;
        value_len = vend - vstart;
        has_value = true;
      }
      p = vend == n ? n : vend + 1;
    }
    if (name == "parm" && has_value) {
      // A secret by its name, or a value holding a document (a Wi-Fi profile) with secrets in it.
      if (detail::is_secret_parm(parm_name)) result_.redacted += detail::mark(result_.bytes, value_pos, value_len) ? 1 : 0;
      else result_.redacted += detail::mark_embedded(result_.bytes, value_pos, value_len);
    }
    judge_.start(name);
    if (empty) judge_.end();
    return p >= n ? n : p + 1;
  }

  void text(std::size_t pos, std::size_t len) {
    if (len == 0) return;
    std::string_view value = in_.substr(pos, len);
    switch (judge_.verdict(value)) {
      case detail::Judge::Verdict::secret:
        if (detail::mark(result_.bytes, pos, len)) ++result_.redacted;
        break;
      case detail::Judge::Verdict::embedded:
        result_.redacted += detail::mark_embedded(result_.bytes, pos, len);
        break;
      case detail::Judge::Verdict::keep: break;
    }
    judge_.text(value);
  }

  std::string_view in_;
  detail::Judge judge_;
  Result result_;
};

}  // namespace

Result xml(std::string_view text, const Options& options) { return XmlRedactor(text, options).run(); }

}  // namespace syncmldm::redact
