#include "store/webhook_rows.hpp"

#include <limits>

namespace guiche::store {
namespace {

const char* const kSubscriptionColumns =
    "id, description, url, secret, events, active, disabled_reason, created_at, created_by, "
    "updated_at";

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

WebhookSubscription subscription_from(const Row& r) {
  WebhookSubscription w;
  w.id = r.integer(0);
  w.description = r.text(1);
  w.url = r.text(2);
  w.secret = r.text(3);
  w.events = split(r.text(4));
  w.active = r.integer(5) != 0;
  w.disabled_reason = r.optional_text(6);
  w.created_at = from_millis(r.integer(7));
  w.created_by = r.optional_integer(8);
  w.updated_at = from_millis(r.integer(9));
  return w;
}

std::vector<WebhookSubscription> select_subscriptions(Connection& c, const std::string& where) {
  std::vector<WebhookSubscription> out;
  for (const auto& r : c.query(std::string("SELECT ") + kSubscriptionColumns +
                               " FROM webhook_subscriptions" + where + " ORDER BY id")) {
    out.push_back(subscription_from(r));
  }
  return out;
}

}  // namespace

std::int64_t insert_webhook(Connection& c, const WebhookSubscription& w) {
  return c
      .query_one(
          "INSERT INTO webhook_subscriptions (description, url, secret, events, active, "
          "disabled_reason, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "RETURNING id",
          {w.description, w.url, w.secret, joined(w.events), std::int64_t{w.active ? 1 : 0},
           optional_value(w.disabled_reason), to_millis(w.created_at), optional_value(w.created_by),
           to_millis(w.updated_at)})
      ->integer(0);
}

void update_webhook(Connection& c, const WebhookSubscription& w) {
  c.query(
      "UPDATE webhook_subscriptions SET description = ?, url = ?, secret = ?, events = ?, "
      "active = ?, disabled_reason = ?, updated_at = ? WHERE id = ?",
      {w.description, w.url, w.secret, joined(w.events), std::int64_t{w.active ? 1 : 0},
       optional_value(w.disabled_reason), to_millis(w.updated_at), w.id});
}

void delete_webhook(Connection& c, std::int64_t id) {
  c.query("DELETE FROM outbox WHERE webhook_id = ?", {id});
  c.query("DELETE FROM webhook_subscriptions WHERE id = ?", {id});
}

std::optional<WebhookSubscription> load_webhook(Connection& c, std::int64_t id) {
  auto r = c.query_one(
      std::string("SELECT ") + kSubscriptionColumns + " FROM webhook_subscriptions WHERE id = ?",
      {id});
  if (!r) return std::nullopt;
  return subscription_from(*r);
}

std::vector<WebhookSubscription> list_webhooks(Connection& c) {
  return select_subscriptions(c, "");
}

std::vector<WebhookSubscription> active_webhooks(Connection& c) {
  return select_subscriptions(c, " WHERE active = 1");
}

void disable_webhook(Connection& c, std::int64_t id, const std::string& reason, Instant at) {
  c.query(
      "UPDATE webhook_subscriptions SET active = 0, disabled_reason = ?, updated_at = ? "
      "WHERE id = ?",
      {reason, to_millis(at), id});
}

OutboxMessage enqueue_webhook_delivery(Connection& c, const WebhookSubscription& w,
                                       std::int64_t ticket_id, const std::string& event,
                                       Instant now,
                                       const std::function<std::string(std::int64_t)>& body_of) {
  OutboxMessage m;
  m.channel = kWebhookChannel;
  m.template_key = event;
  m.ticket_id = ticket_id;
  m.recipient_name = w.description;
  m.recipient_address = w.url;
  m.subject = event;
  m.next_attempt_at = now;
  m.created_at = now;
  m.webhook_id = w.id;
  m.id = c.query_one(
              "INSERT INTO outbox (channel, template_key, ticket_id, recipient_name, "
              "recipient_address, subject, text_body, html_body, status, attempts, "
              "next_attempt_at, created_at, webhook_id) "
              "VALUES (?, ?, ?, ?, ?, ?, '', '', 'pending', 0, ?, ?, ?) RETURNING id",
              {m.channel, m.template_key, ticket_id, m.recipient_name, m.recipient_address,
               m.subject, to_millis(now), to_millis(now), w.id})
             ->integer(0);
  // The body names the delivery, so it is written once the id exists; the
  // message_id column stays unique with the same value.
  m.text_body = body_of(m.id);
  m.message_id = "webhook-" + std::to_string(m.id);
  c.query("UPDATE outbox SET text_body = ?, message_id = ? WHERE id = ?",
          {m.text_body, m.message_id, m.id});
  return m;
}

std::vector<OutboxMessage> claim_due_webhook_deliveries(Connection& c, Instant now,
                                                        Instant lease_until, int limit) {
  // PostgreSQL: rows another node holds are skipped. A later delivery of the
  // same subscription and ticket cannot be claimed meanwhile: its earlier one
  // is still pending, sending or in doubt (for an admin) until sent,
  // and a ticket's deliveries are inserted under the ticket's row lock, so
  // ids follow commit order per ticket. SQLite has a single writer.
  const std::string lock = c.dialect() == Dialect::postgres ? " FOR UPDATE OF o SKIP LOCKED" : "";
  const std::string sql =
      "UPDATE outbox SET status = 'sending', attempts = attempts + 1, lease_until = ? "
      "WHERE id IN (SELECT o.id FROM outbox o "
      "JOIN webhook_subscriptions s ON s.id = o.webhook_id AND s.active = 1 "
      "WHERE o.channel = 'webhook' AND o.status = 'pending' AND o.next_attempt_at <= ? "
      "AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.webhook_id = o.webhook_id "
      "AND e.ticket_id = o.ticket_id AND e.id < o.id AND e.status IN ('pending', 'sending')) "
      // Apart, so that the one above keeps its partial index (outbox_webhook_unsent);
      // these few rows are found through outbox_channel_due.
      "AND NOT EXISTS (SELECT 1 FROM outbox d WHERE d.channel = 'webhook' "
      "AND d.status = 'in_doubt' AND d.webhook_id = o.webhook_id "
      "AND d.ticket_id = o.ticket_id AND d.id < o.id) "
      "ORDER BY o.next_attempt_at, o.id LIMIT ?" +
      lock + ") RETURNING " + kOutboxColumns;
  std::vector<OutboxMessage> out;
  for (const auto& r :
       c.query(sql, {to_millis(lease_until), to_millis(now), std::int64_t{limit}})) {
    out.push_back(outbox_message_from(r));
  }
  return out;
}

void set_response_code(Connection& c, std::int64_t delivery_id, std::optional<int> code) {
  c.query("UPDATE outbox SET response_code = ? WHERE id = ?",
          {code ? Value{std::int64_t{*code}} : Value{}, delivery_id});
}

std::vector<OutboxMessage> webhook_deliveries(Connection& c, std::int64_t webhook_id,
                                              std::optional<std::int64_t> before_id, int limit) {
  std::vector<OutboxMessage> out;
  for (const auto& r :
       c.query(std::string("SELECT ") + kOutboxColumns +
                   " FROM outbox WHERE webhook_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
               {webhook_id, before_id.value_or(std::numeric_limits<std::int64_t>::max()),
                std::int64_t{limit}})) {
    out.push_back(outbox_message_from(r));
  }
  return out;
}

}  // namespace guiche::store
