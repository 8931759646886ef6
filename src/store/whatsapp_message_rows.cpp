#include "store/whatsapp_message_rows.hpp"

namespace guiche::store {
namespace {

std::optional<int> status_rank(const std::string& status) {
  if (status == "accepted") return 0;
  if (status == "sent") return 1;
  if (status == "delivered") return 2;
  if (status == "read") return 3;
  if (status == "failed") return 4;
  return std::nullopt;
}

const char* const kWhatsAppMessageColumns =
    "wamid, outbox_id, ticket_id, wa_id, kind, status, status_at, error_code, error_title, "
    "created_at";

WhatsAppMessage message_from(const Row& r) {
  WhatsAppMessage m;
  m.wamid = r.text(0);
  m.outbox_id = r.optional_integer(1);
  m.ticket_id = r.optional_integer(2);
  m.wa_id = r.text(3);
  m.kind = r.text(4);
  m.status = r.text(5);
  m.status_at = from_millis(r.integer(6));
  if (auto code = r.optional_integer(7)) m.error_code = static_cast<int>(*code);
  m.error_title = r.optional_text(8);
  m.created_at = from_millis(r.integer(9));
  return m;
}

std::vector<WhatsAppMessage> select(Connection& c, const std::string& where, std::int64_t id) {
  std::vector<WhatsAppMessage> out;
  for (const auto& r :
       c.query(std::string("SELECT ") + kWhatsAppMessageColumns + " FROM whatsapp_messages WHERE " +
                   where + " = ? ORDER BY created_at, wamid",
               {id})) {
    out.push_back(message_from(r));
  }
  return out;
}

}  // namespace

void record_whatsapp_sent(Connection& c, const WhatsAppMessage& m) {
  c.query(
      "INSERT INTO whatsapp_messages (wamid, outbox_id, ticket_id, wa_id, kind, status, "
      "status_rank, status_at, created_at) VALUES (?, ?, ?, ?, ?, 'accepted', 0, ?, ?) "
      "ON CONFLICT (wamid) DO UPDATE SET outbox_id = excluded.outbox_id, "
      "ticket_id = excluded.ticket_id, wa_id = excluded.wa_id, kind = excluded.kind, "
      "created_at = excluded.created_at",
      {m.wamid, optional_value(m.outbox_id), optional_value(m.ticket_id), m.wa_id, m.kind,
       to_millis(m.created_at), to_millis(m.created_at)});
}

bool record_whatsapp_status(Connection& c, const std::string& wamid, const std::string& status,
                            Instant at, std::optional<int> error_code,
                            const std::string& error_title) {
  const auto rank = status_rank(status);
  if (!rank || *rank == 0) return false;
  const bool failed = status == "failed";
  std::optional<std::int64_t> code;
  std::optional<std::string> title;
  if (failed) {
    if (error_code) code = *error_code;
    title = error_title;
  }
  // Unknown yet: kept with what the webhook says; record_whatsapp_sent completes it.
  c.query(
      "INSERT INTO whatsapp_messages (wamid, wa_id, kind, status, status_rank, status_at, "
      "error_code, error_title, created_at) VALUES (?, '', '', ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (wamid) DO UPDATE SET status = excluded.status, "
      "status_rank = excluded.status_rank, status_at = excluded.status_at, "
      "error_code = excluded.error_code, error_title = excluded.error_title "
      "WHERE whatsapp_messages.status_rank < excluded.status_rank",
      {wamid, status, std::int64_t{*rank}, to_millis(at), optional_value(code),
       optional_value(title), to_millis(at)});
  return true;
}

std::optional<WhatsAppMessage> load_whatsapp_message(Connection& c, const std::string& wamid) {
  auto r = c.query_one(
      std::string("SELECT ") + kWhatsAppMessageColumns + " FROM whatsapp_messages WHERE wamid = ?",
      {wamid});
  if (!r) return std::nullopt;
  return message_from(*r);
}

std::vector<WhatsAppMessage> whatsapp_messages_of_outbox(Connection& c, std::int64_t outbox_id) {
  return select(c, "outbox_id", outbox_id);
}

}  // namespace guiche::store
