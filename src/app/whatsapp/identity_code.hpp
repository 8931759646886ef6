#pragma once
// The six-digit code a person types on WhatsApp to prove an e-mail or CPF
// already registered is theirs (issue 20, item 3). Only a salted HMAC of
// it is stored ("salt:mac"), compared in constant time.
#include <string>
#include <string_view>

namespace guiche::app {

// A new code: six digits from the CSPRNG ("004271").
std::string new_identity_code();
std::string identity_code_mac(std::string_view code);
// Whether `typed` (blanks ignored: "004 271") is the code `mac` was made of.
bool identity_code_matches(std::string_view mac, std::string_view typed);

// "m***a@sefaz.ms.gov.br": where the code went, without giving the address away.
std::string masked_email(std::string_view email);

}  // namespace guiche::app
