// See text_fold.hpp.
#include "domain/text_fold.hpp"

namespace guiche {

std::string fold_text(std::string_view s) {
  static constexpr std::string_view kLatin1 =  // U+00C0..U+00FF, lowercase, unaccented
      "aaaaaaaceeeeiiiidnooooo*ouuuuyps"
      "aaaaaaaceeeeiiiidnooooo/ouuuuypy";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0u;
    if (c == 0xC3 && next >= 0x80 && next <= 0xBF) {
      out += kLatin1[next - 0x80];
      ++i;
    } else if (c == 0xC2 && next == 0xA0) {  // no-break space
      out += ' ';
      ++i;
    } else if (i + 2 < s.size() && c == 0xE2 &&
               ((next == 0x80 && static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
                 static_cast<unsigned char>(s[i + 2]) <= 0x95) ||
                (next == 0x88 && static_cast<unsigned char>(s[i + 2]) == 0x92))) {
      out += '-';  // hyphens, en and em dashes, the minus sign
      i += 2;
    } else {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  return out;
}

}  // namespace guiche
