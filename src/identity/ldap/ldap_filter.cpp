#include "identity/ldap/ldap_filter.hpp"

namespace guiche::identity {

std::string escape_filter_value(std::string_view value) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char ch : value) {
    if (ch == '*' || ch == '(' || ch == ')' || ch == '\\' || ch < 0x20 || ch == 0x7f) {
      out += '\\';
      out += digits[ch >> 4];
      out += digits[ch & 15];
    } else {
      out += static_cast<char>(ch);
    }
  }
  return out;
}

std::optional<std::string> user_filter_problem(std::string_view filter) {
  if (filter.size() < 5 || filter.front() != '(' || filter.back() != ')') {
    return "o filtro deve estar entre parênteses, como (sAMAccountName=%s)";
  }
  int depth = 0;
  for (std::size_t i = 0; i < filter.size(); ++i) {
    if (filter[i] == '(') ++depth;
    if (filter[i] == ')' && --depth < 0) break;
    if (depth == 0 && i + 1 < filter.size()) return "o filtro deve ser um só, entre parênteses";
  }
  if (depth != 0) return "os parênteses do filtro não se fecham";
  if (filter.find("%s") == std::string_view::npos) return "o filtro deve conter %s (o login)";
  return std::nullopt;
}

std::string user_filter(std::string_view filter, std::string_view login) {
  const std::string escaped = escape_filter_value(login);
  std::string out;
  for (std::size_t i = 0; i < filter.size(); ++i) {
    if (filter[i] == '%' && i + 1 < filter.size() && filter[i + 1] == 's') {
      out += escaped;
      ++i;
    } else {
      out += filter[i];
    }
  }
  return out;
}

}  // namespace guiche::identity
