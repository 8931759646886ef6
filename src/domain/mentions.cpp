#include "domain/mentions.hpp"

#include <algorithm>

namespace guiche {
namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool login_char(char c) {
  c = lower(c);
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '@' ||
         c == '-';
}

}  // namespace

std::vector<std::string> mentioned_logins(std::string_view text) {
  std::vector<std::string> logins;
  for (std::size_t i = 0; i < text.size() && logins.size() < kMaxMentions; ++i) {
    if (text[i] != '@' || (i > 0 && login_char(text[i - 1]))) continue;
    std::size_t end = i + 1;
    while (end < text.size() && login_char(text[end])) ++end;
    std::string login;
    for (std::size_t k = i + 1; k < end; ++k) login.push_back(lower(text[k]));
    while (!login.empty() && (login.back() == '.' || login.back() == '-')) login.pop_back();
    i = end - 1;
    if (login.size() < 3 || login.size() > 64) continue;
    if (std::find(logins.begin(), logins.end(), login) == logins.end()) logins.push_back(login);
  }
  return logins;
}

}  // namespace guiche
