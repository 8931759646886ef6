#pragma once
// The code that proves who is writing on WhatsApp (migration v019): sent to
// a registered person's e-mail, kept only as a salted MAC, with its expiry
// and the wrong attempts spent. One per number; a new one replaces it.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct WhatsAppIdentityCode {
  std::string wa_id;
  std::int64_t person_id = 0;
  std::string code_mac;  // "salt:hmac" (app/whatsapp/identity_code.hpp)
  Instant expires_at{};
  int attempts = 0;
};

void save_whatsapp_identity_code(Connection& c, const WhatsAppIdentityCode& code);
std::optional<WhatsAppIdentityCode> load_whatsapp_identity_code(Connection& c,
                                                                const std::string& wa_id);
void count_whatsapp_code_attempt(Connection& c, const std::string& wa_id);
void delete_whatsapp_identity_code(Connection& c, const std::string& wa_id);

}  // namespace guiche::store
