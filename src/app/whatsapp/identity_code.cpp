#include "app/whatsapp/identity_code.hpp"

#include <sodium.h>

#include <cstdio>
#include <stdexcept>

#include "support/hmac_sha256.hpp"
#include "support/random_hex.hpp"

namespace guiche::app {

std::string new_identity_code() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium indisponível");
  char digits[8];
  std::snprintf(digits, sizeof digits, "%06u", randombytes_uniform(1'000'000));
  return digits;
}

std::string identity_code_mac(std::string_view code) {
  const std::string salt = random_hex(16);
  return salt + ":" + hmac_sha256_hex(salt, code);
}

bool identity_code_matches(std::string_view mac, std::string_view typed) {
  const auto colon = mac.find(':');
  if (colon == std::string_view::npos) return false;
  std::string digits;
  for (char c : typed) {
    if (c != ' ' && c != '-' && c != '.') digits.push_back(c);
  }
  return equal_in_constant_time(hmac_sha256_hex(mac.substr(0, colon), digits),
                                mac.substr(colon + 1));
}

std::string masked_email(std::string_view email) {
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0) return "***";
  const std::string_view local = email.substr(0, at);
  std::string out(1, local.front());
  out += "***";
  if (local.size() > 2) out.push_back(local.back());
  out += email.substr(at);
  return out;
}

}  // namespace guiche::app
