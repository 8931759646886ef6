#pragma once
// The WhatsApp channel's way in (migration v018): the webhook batches kept
// whole, one row per message or status they hold, processed once each, and
// each number's chatbot conversation.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct WhatsAppInboundItem {
  std::int64_t id = 0;
  std::string dedup_key;  // "message:<wamid>" or "status:<wamid>:<status>"
  std::string kind;       // "message", "status"
  std::int64_t batch_id = 0;
  std::string wa_id;  // who wrote (a message) or whom we wrote to (a status)
  std::string item;   // the message or status object, JSON
  Instant sent_at{};  // WhatsApp's timestamp
  Instant received_at{};
  std::string state = "pending";  // pending, done, failed
  int attempts = 0;
  Instant next_attempt_at{};
  std::optional<std::string> last_error;
  std::string outcome;  // pt-BR: what was done with it
  std::optional<std::int64_t> ticket_id;
  std::optional<Instant> processed_at;
};

// A webhook body as received, with how many items it held and, when it could
// not be read, why (pt-BR). Returns its id.
std::int64_t insert_whatsapp_batch(Connection& c, Instant received_at, const std::string& body,
                                   int items, const std::optional<std::string>& problem);
// Adds an item unless one with its dedup_key exists; true when added.
bool insert_whatsapp_item(Connection& c, const WhatsAppInboundItem& item);

// The numbers with pending messages due at `now` whose newest pending
// message arrived at or before `quiet_since` (a person writing in several
// quick messages is answered once they pause), oldest first.
std::vector<std::string> numbers_ready(Connection& c, Instant now, Instant quiet_since, int limit);
// Its statement; parameters: now, quiet_since, limit (for the plan test).
const char* numbers_ready_sql();
// The pending messages of `wa_id`, in the order WhatsApp timestamped them.
std::vector<WhatsAppInboundItem> pending_messages_of(Connection& c, const std::string& wa_id);
// Pending statuses due at `now`, oldest first.
std::vector<WhatsAppInboundItem> due_statuses(Connection& c, Instant now, int limit);

void mark_whatsapp_item_done(Connection& c, std::int64_t id, const std::string& outcome,
                             std::optional<std::int64_t> ticket_id, Instant at);
// One more failed attempt: pending again from `retry_at`, or 'failed' when
// `retry_at` is nullopt (out of attempts).
void mark_whatsapp_item_failed_attempt(Connection& c, std::int64_t id, const std::string& error,
                                       std::optional<Instant> retry_at);

std::optional<WhatsAppInboundItem> load_whatsapp_item(Connection& c, const std::string& dedup_key);

}  // namespace guiche::store
