#pragma once
// Each WhatsApp number's chatbot conversation (migrations v018 and v019): the
// engine's state as JSON (domain/chatbot/conversation.hpp), the person it
// identified, the privacy notice accepted, the hand-over ticket, and when it
// expires if the person goes quiet.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct WhatsAppConversationRow {
  std::string wa_id;
  std::optional<std::int64_t> person_id;
  std::string state;  // JSON
  std::optional<Instant> consented_at;
  std::optional<std::string> consent_notice;
  std::optional<std::int64_t> handover_ticket_id;
  Instant updated_at{};
  std::optional<Instant> expires_at;
};

std::optional<WhatsAppConversationRow> load_whatsapp_conversation(Connection& c,
                                                                  const std::string& wa_id);
// Inserts or replaces the row of `row.wa_id`.
void save_whatsapp_conversation(Connection& c, const WhatsAppConversationRow& row);
// Numbers whose conversation expired at `now`, the longest quiet first.
std::vector<std::string> quiet_whatsapp_conversations(Connection& c, Instant now, int limit);

}  // namespace guiche::store
