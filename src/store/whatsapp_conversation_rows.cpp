#include "store/whatsapp_conversation_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {

std::optional<WhatsAppConversationRow> load_whatsapp_conversation(Connection& c,
                                                                  const std::string& wa_id) {
  auto r = c.query_one(
      "SELECT wa_id, person_id, state, consented_at, consent_notice, handover_ticket_id, "
      "updated_at, expires_at FROM whatsapp_conversations WHERE wa_id = ?",
      {wa_id});
  if (!r) return std::nullopt;
  WhatsAppConversationRow row;
  row.wa_id = r->text(0);
  row.person_id = r->optional_integer(1);
  row.state = r->text(2);
  row.consented_at = instant_at(*r, 3);
  row.consent_notice = r->optional_text(4);
  row.handover_ticket_id = r->optional_integer(5);
  row.updated_at = from_millis(r->integer(6));
  row.expires_at = instant_at(*r, 7);
  return row;
}

void save_whatsapp_conversation(Connection& c, const WhatsAppConversationRow& row) {
  c.query(
      "INSERT INTO whatsapp_conversations (wa_id, person_id, state, consented_at, consent_notice, "
      "handover_ticket_id, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (wa_id) DO UPDATE SET person_id = excluded.person_id, state = excluded.state, "
      "consented_at = excluded.consented_at, consent_notice = excluded.consent_notice, "
      "handover_ticket_id = excluded.handover_ticket_id, updated_at = excluded.updated_at, "
      "expires_at = excluded.expires_at",
      {row.wa_id, optional_value(row.person_id), row.state, instant_value(row.consented_at),
       optional_value(row.consent_notice), optional_value(row.handover_ticket_id),
       to_millis(row.updated_at), instant_value(row.expires_at)});
}

std::vector<std::string> quiet_whatsapp_conversations(Connection& c, Instant now, int limit) {
  std::vector<std::string> out;
  for (const auto& r :
       c.query("SELECT wa_id FROM whatsapp_conversations WHERE expires_at IS NOT NULL AND "
               "expires_at <= ? ORDER BY expires_at LIMIT ?",
               {to_millis(now), std::int64_t{limit}})) {
    out.push_back(r.text(0));
  }
  return out;
}

}  // namespace guiche::store
