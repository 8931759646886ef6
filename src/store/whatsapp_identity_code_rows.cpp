#include "store/whatsapp_identity_code_rows.hpp"

namespace guiche::store {

void save_whatsapp_identity_code(Connection& c, const WhatsAppIdentityCode& code) {
  c.query(
      "INSERT INTO whatsapp_identity_codes (wa_id, person_id, code_mac, expires_at, attempts) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (wa_id) DO UPDATE SET person_id = excluded.person_id, "
      "code_mac = excluded.code_mac, expires_at = excluded.expires_at, "
      "attempts = excluded.attempts",
      {code.wa_id, code.person_id, code.code_mac, to_millis(code.expires_at),
       std::int64_t{code.attempts}});
}

std::optional<WhatsAppIdentityCode> load_whatsapp_identity_code(Connection& c,
                                                                const std::string& wa_id) {
  auto r = c.query_one(
      "SELECT wa_id, person_id, code_mac, expires_at, attempts FROM whatsapp_identity_codes "
      "WHERE wa_id = ?",
      {wa_id});
  if (!r) return std::nullopt;
  return WhatsAppIdentityCode{r->text(0), r->integer(1), r->text(2), from_millis(r->integer(3)),
                              static_cast<int>(r->integer(4))};
}

void count_whatsapp_code_attempt(Connection& c, const std::string& wa_id) {
  c.query("UPDATE whatsapp_identity_codes SET attempts = attempts + 1 WHERE wa_id = ?", {wa_id});
}

void delete_whatsapp_identity_code(Connection& c, const std::string& wa_id) {
  c.query("DELETE FROM whatsapp_identity_codes WHERE wa_id = ?", {wa_id});
}

}  // namespace guiche::store
