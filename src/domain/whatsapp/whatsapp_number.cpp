#include "domain/whatsapp/whatsapp_number.hpp"

#include <cctype>

namespace guiche {
namespace {

// 55 + two-digit area code (11-99) + a mobile's number: 9 digits starting
// with 9, or the 8 digits of its pre-2016 form (mobiles began with 6-9).
bool is_brazilian_mobile_13(const std::string& d) {
  return d.size() == 13 && d.starts_with("55") && d[2] != '0' && d[4] == '9' && d[5] >= '6';
}
bool is_brazilian_mobile_12(const std::string& d) {
  return d.size() == 12 && d.starts_with("55") && d[2] != '0' && d[4] >= '6';
}

}  // namespace

std::optional<std::string> whatsapp_digits(std::string_view phone) {
  std::string digits;
  for (char ch : phone) {
    if (std::isdigit(static_cast<unsigned char>(ch))) {
      digits.push_back(ch);
    } else if (ch != '+' && ch != ' ' && ch != '-' && ch != '(' && ch != ')' && ch != '.') {
      return std::nullopt;
    }
  }
  if (digits.size() < 8 || digits.size() > 15) return std::nullopt;
  return digits;
}

std::vector<std::string> whatsapp_number_forms(std::string_view phone) {
  auto digits = whatsapp_digits(phone);
  if (!digits) return {};
  std::vector<std::string> forms{*digits};
  if (is_brazilian_mobile_13(*digits)) {
    forms.push_back(digits->substr(0, 4) + digits->substr(5));
  } else if (is_brazilian_mobile_12(*digits)) {
    forms.push_back(digits->substr(0, 4) + "9" + digits->substr(4));
  }
  return forms;
}

std::optional<std::string> e164_of_whatsapp(std::string_view wa_id) {
  auto digits = whatsapp_digits(wa_id);
  if (!digits) return std::nullopt;
  if (is_brazilian_mobile_12(*digits)) return "+" + digits->substr(0, 4) + "9" + digits->substr(4);
  return "+" + *digits;
}

}  // namespace guiche
