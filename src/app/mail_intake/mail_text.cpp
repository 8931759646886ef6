#include "app/mail_intake/mail_text.hpp"

#include <regex>

#include "app/attachments/attachment_policy.hpp"
#include "domain/utf8_sequence.hpp"

namespace guiche::app {
namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\n") - first + 1);
}

std::string clean(std::string_view text, std::size_t max_bytes, bool one_line) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = utf8_sequence_length(text, i);
    std::string piece;
    if (n == 0) {
      piece = "\xEF\xBF\xBD";
      n = 1;
    } else if (n == 1) {
      const char ch = text[i];
      const auto u = static_cast<unsigned char>(ch);
      if (ch == '\n' || ch == '\t') {
        piece = one_line ? " " : std::string(1, ch);
      } else if (u >= 0x20 && u != 0x7f) {
        piece = std::string(1, ch);
      }
    } else if (!(n == 2 && static_cast<unsigned char>(text[i]) == 0xC2 &&
                 static_cast<unsigned char>(text[i + 1]) < 0xA0)) {
      piece = std::string(text.substr(i, n));  // C1 controls are dropped
    }
    if (out.size() + piece.size() > max_bytes) break;
    out += piece;
    i += n;
  }
  return trimmed(out);
}

}  // namespace

std::string clean_mail_text(std::string_view text, std::size_t max_bytes) {
  return clean(text, max_bytes, false);
}

std::string clean_mail_line(std::string_view text, std::size_t max_bytes) {
  return clean(text, max_bytes, true);
}

std::string clean_mail_filename(std::string_view name, int index) {
  // The one rule of every channel: the sender's name, only made safe.
  return safe_attachment_name(name, "anexo-" + std::to_string(index));
}

}  // namespace guiche::app
