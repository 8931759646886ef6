#include "domain/chatbot/folding.hpp"

#include <cctype>

namespace guiche::chatbot {
namespace {

// The Latin-1 Supplement letters (U+00C0–U+00FF, two UTF-8 bytes C3 xx) without their marks.
char base_letter(unsigned char second) {
  // Index: second byte - 0x80 (U+00C0 is C3 80).
  static constexpr std::string_view upper =
      "AAAAAAACEEEEIIII"
      "DNOOOOO*OUUUUYTs";
  static constexpr std::string_view lower =
      "aaaaaaaceeeeiiii"
      "dnooooo/ouuuuyty";
  if (second < 0x80 || second > 0xBF) return 0;
  std::size_t i = second - 0x80;
  char base = i < 32 ? upper[i] : lower[i - 32];
  return base == '*' || base == '/' ? 0 : base;  // × and ÷ are no letters
}

}  // namespace

std::string fold(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    if (c == 0xC3 && i + 1 < text.size()) {
      if (char b = base_letter(static_cast<unsigned char>(text[i + 1]))) {
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(b))));
        ++i;
        continue;
      }
    }
    out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
  }
  return out;
}

std::string service_code_key(std::string_view text) {
  std::string folded = fold(text), key;
  bool separator = false;
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      if (separator && !key.empty()) key.push_back('-');
      separator = false;
      key.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    } else if (c == ' ' || c == '_' || c == '.' || c == '-') {
      separator = true;
    } else {
      return "";
    }
  }
  return key;
}

}  // namespace guiche::chatbot
