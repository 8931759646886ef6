#include "store/whatsapp_inbound_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {
namespace {

constexpr const char* kItemColumns =
    "id, dedup_key, kind, batch_id, wa_id, item, sent_at, received_at, state, attempts, "
    "next_attempt_at, last_error, outcome, ticket_id, processed_at";

WhatsAppInboundItem item_of(const Row& r) {
  WhatsAppInboundItem i;
  i.id = r.integer(0);
  i.dedup_key = r.text(1);
  i.kind = r.text(2);
  i.batch_id = r.integer(3);
  i.wa_id = r.text(4);
  i.item = r.text(5);
  i.sent_at = from_millis(r.integer(6));
  i.received_at = from_millis(r.integer(7));
  i.state = r.text(8);
  i.attempts = static_cast<int>(r.integer(9));
  i.next_attempt_at = from_millis(r.integer(10));
  i.last_error = r.optional_text(11);
  i.outcome = r.text(12);
  i.ticket_id = r.optional_integer(13);
  i.processed_at = instant_at(r, 14);
  return i;
}

std::vector<WhatsAppInboundItem> items_of(const std::vector<Row>& rows) {
  std::vector<WhatsAppInboundItem> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(item_of(r));
  return out;
}

}  // namespace

std::int64_t insert_whatsapp_batch(Connection& c, Instant received_at, const std::string& body,
                                   int items, const std::optional<std::string>& problem) {
  return c
      .query_one(
          "INSERT INTO whatsapp_webhook_batches (received_at, body, items, problem) "
          "VALUES (?, ?, ?, ?) RETURNING id",
          {to_millis(received_at), body, std::int64_t{items}, optional_value(problem)})
      ->integer(0);
}

bool insert_whatsapp_item(Connection& c, const WhatsAppInboundItem& i) {
  return c
      .query_one(
          "INSERT INTO whatsapp_inbound (dedup_key, kind, batch_id, wa_id, item, sent_at, "
          "received_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (dedup_key) DO NOTHING RETURNING id",
          {i.dedup_key, i.kind, i.batch_id, i.wa_id, i.item, to_millis(i.sent_at),
           to_millis(i.received_at), to_millis(i.next_attempt_at)})
      .has_value();
}

const char* numbers_ready_sql() {
  // The pending messages are read first, on their own, through the partial
  // index of pending rows (whatsapp_inbound_pending, migration v018), and
  // only those few are grouped. Grouping the table directly let SQLite walk
  // whatsapp_inbound_number (ordered by wa_id) over every message ever
  // received, twice a second (tests/store/whatsapp_ready_plan_test.cpp);
  // MATERIALIZED keeps it from folding the two steps back together.
  return "WITH pending AS MATERIALIZED (SELECT wa_id, next_attempt_at, received_at, id "
         "FROM whatsapp_inbound WHERE state = 'pending' AND kind = 'message') "
         "SELECT wa_id FROM pending GROUP BY wa_id "
         "HAVING MAX(next_attempt_at) <= ? AND MAX(received_at) <= ? ORDER BY MIN(id) LIMIT ?";
}

std::vector<std::string> numbers_ready(Connection& c, Instant now, Instant quiet_since, int limit) {
  // A number is ready when every pending message of it is due and the newest
  // came before quiet_since.
  std::vector<std::string> out;
  for (const auto& r : c.query(numbers_ready_sql(),
                               {to_millis(now), to_millis(quiet_since), std::int64_t{limit}})) {
    out.push_back(r.text(0));
  }
  return out;
}

std::vector<WhatsAppInboundItem> pending_messages_of(Connection& c, const std::string& wa_id) {
  return items_of(c.query(std::string("SELECT ") + kItemColumns +
                              " FROM whatsapp_inbound WHERE wa_id = ? AND state = 'pending' "
                              "AND kind = 'message' ORDER BY sent_at, id",
                          {wa_id}));
}

std::vector<WhatsAppInboundItem> due_statuses(Connection& c, Instant now, int limit) {
  return items_of(c.query(std::string("SELECT ") + kItemColumns +
                              " FROM whatsapp_inbound WHERE state = 'pending' AND kind = 'status' "
                              "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
                          {to_millis(now), std::int64_t{limit}}));
}

void mark_whatsapp_item_done(Connection& c, std::int64_t id, const std::string& outcome,
                             std::optional<std::int64_t> ticket_id, Instant at) {
  c.query(
      "UPDATE whatsapp_inbound SET state = 'done', outcome = ?, ticket_id = ?, processed_at = ?, "
      "attempts = attempts + 1 WHERE id = ?",
      {outcome, optional_value(ticket_id), to_millis(at), id});
}

void mark_whatsapp_item_failed_attempt(Connection& c, std::int64_t id, const std::string& error,
                                       std::optional<Instant> retry_at) {
  if (retry_at) {
    c.query(
        "UPDATE whatsapp_inbound SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
        "WHERE id = ?",
        {error, to_millis(*retry_at), id});
  } else {
    c.query(
        "UPDATE whatsapp_inbound SET attempts = attempts + 1, last_error = ?, state = 'failed' "
        "WHERE id = ?",
        {error, id});
  }
}

std::optional<WhatsAppInboundItem> load_whatsapp_item(Connection& c, const std::string& dedup_key) {
  auto r = c.query_one(
      std::string("SELECT ") + kItemColumns + " FROM whatsapp_inbound WHERE dedup_key = ?",
      {dedup_key});
  if (!r) return std::nullopt;
  return item_of(*r);
}

}  // namespace guiche::store
