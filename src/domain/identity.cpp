#include "domain/identity.hpp"

#include <algorithm>
#include <cctype>

namespace guiche {
namespace {

std::string digits_of(std::string_view text, std::string_view allowed_separators) {
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits.push_back(c);
    } else if (allowed_separators.find(c) == std::string_view::npos) {
      return {};
    }
  }
  return digits;
}

int cpf_check_digit(std::string_view digits, int weight) {
  int sum = 0;
  for (char c : digits) sum += (c - '0') * weight--;
  int rest = (sum * 10) % 11;
  return rest == 10 ? 0 : rest;
}

}  // namespace

std::optional<std::string> normalize_cpf(std::string_view text) {
  std::string d = digits_of(text, ".- ");
  if (d.size() != 11) return std::nullopt;
  if (std::all_of(d.begin(), d.end(), [&](char c) { return c == d[0]; })) return std::nullopt;
  if (cpf_check_digit(std::string_view(d).substr(0, 9), 10) != d[9] - '0') return std::nullopt;
  if (cpf_check_digit(std::string_view(d).substr(0, 10), 11) != d[10] - '0') return std::nullopt;
  return d;
}

std::string format_cpf(std::string_view d) {
  if (d.size() != 11) return std::string(d);
  return std::string(d.substr(0, 3)) + "." + std::string(d.substr(3, 3)) + "." +
         std::string(d.substr(6, 3)) + "-" + std::string(d.substr(9, 2));
}

std::string masked_cpf(std::string_view d) {
  if (d.size() != 11) return "***";
  return "***." + std::string(d.substr(3, 3)) + "." + std::string(d.substr(6, 3)) + "-**";
}

std::optional<std::string> normalize_phone(std::string_view text) {
  bool international = !text.empty() && text.front() == '+';
  std::string d = digits_of(international ? text.substr(1) : text, " ()-.");
  if (d.empty()) return std::nullopt;
  if (international) {
    // E.164: country code first digit is never 0; at most 15 digits.
    if (d.size() < 8 || d.size() > 15 || d[0] == '0') return std::nullopt;
    return "+" + d;
  }
  if (d.size() >= 11 && d[0] == '0') d.erase(0, 1);  // trunk prefix "027..."
  // Brazilian: 2-digit area code (11..99) + 8 digits (landline) or 9 (mobile, starting 9).
  if (d.size() != 10 && d.size() != 11) return std::nullopt;
  if (d[0] == '0' || d[1] == '0') return std::nullopt;
  if (d.size() == 11 && d[2] != '9') return std::nullopt;
  return "+55" + d;
}

std::optional<std::string> normalize_email(std::string_view text) {
  if (text.size() > 254) return std::nullopt;
  auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
    return std::nullopt;
  std::string_view domain = text.substr(at + 1);
  auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return std::nullopt;
  if (domain.find("..") != std::string_view::npos) return std::nullopt;
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' ||
        c == '"' || c == '\\')
      return std::nullopt;
    out.push_back(static_cast<char>(std::tolower(u)));
  }
  return out;
}

bool is_clean_text(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return false;
      ++i;
      continue;
    }
    int extra = (c >= 0xf0 && c <= 0xf4) ? 3 : (c >= 0xe0) ? 2 : (c >= 0xc2 && c <= 0xdf) ? 1 : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= text.size()) return false;
    std::uint32_t cp = c & (0x3f >> extra);
    for (int k = 1; k <= extra; ++k) {
      auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((extra == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (extra == 3 && (cp < 0x10000 || cp > 0x10ffff)))
      return false;
    i += extra + 1;
  }
  return true;
}

}  // namespace guiche
