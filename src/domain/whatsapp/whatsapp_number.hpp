#pragma once
// Phone numbers as WhatsApp names them (its "wa_id": country code, area code
// and number, digits only) and as the desk keeps them (E.164, "+55…").
// Brazilian mobiles gained a ninth digit in 2012-2016, but WhatsApp still
// names many accounts by the old 12-digit form (55 + DDD + 8 digits): the same
// person may be 5527999990001 in our records and 552799990001 on WhatsApp.
// Both forms are the same number (tests/domain/data/whatsapp_numbers.cases).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guiche {

// The digits of `phone` ("+55 (27) 99999-0001" -> "5527999990001"), or
// nullopt when it is not a plausible international number (8 to 15 digits).
std::optional<std::string> whatsapp_digits(std::string_view phone);
// Every form `phone` may take: itself and, for a Brazilian mobile, the 12-
// and 13-digit forms. Digits only; empty when `phone` is not a number.
std::vector<std::string> whatsapp_number_forms(std::string_view phone);
// The E.164 form the desk stores ("+" and the digits; a Brazilian mobile in
// its 13-digit form).
std::optional<std::string> e164_of_whatsapp(std::string_view wa_id);

}  // namespace guiche
