#pragma once
// Outbound webhook subscriptions and their deliveries (outbox rows of channel
// 'webhook', see store/migrations/v009_webhooks.cpp). Deliveries are enqueued
// in the ticket change's transaction and claimed in order per subscription
// and ticket.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/outbox_rows.hpp"

namespace guiche::store {

inline constexpr const char* kWebhookChannel = "webhook";

struct WebhookSubscription {
  std::int64_t id = 0;
  std::string description;
  std::string url;
  std::string secret;               // never logged nor returned by the API
  std::vector<std::string> events;  // ticket_created, status_changed, ...
  bool active = true;
  // Why the desk turned it off (the receiver answered 410 Gone); cleared when
  // an admin turns it on again.
  std::optional<std::string> disabled_reason;
  Instant created_at{};
  std::optional<std::int64_t> created_by;
  Instant updated_at{};
};

std::int64_t insert_webhook(Connection& c, const WebhookSubscription& w);
void update_webhook(Connection& c, const WebhookSubscription& w);
// Removes the subscription and every delivery of it.
void delete_webhook(Connection& c, std::int64_t id);
std::optional<WebhookSubscription> load_webhook(Connection& c, std::int64_t id);
std::vector<WebhookSubscription> list_webhooks(Connection& c);  // by id
std::vector<WebhookSubscription> active_webhooks(Connection& c);
// Off, with the reason shown to admins; its unsent deliveries wait.
void disable_webhook(Connection& c, std::int64_t id, const std::string& reason, Instant at);

// A pending delivery of `event` about ticket `ticket_id`, due now. `body_of`
// builds the JSON body from the delivery's id (the body names it).
OutboxMessage enqueue_webhook_delivery(Connection& c, const WebhookSubscription& w,
                                       std::int64_t ticket_id, const std::string& event,
                                       Instant now,
                                       const std::function<std::string(std::int64_t)>& body_of);
// Claims like claim_due_messages, and more: only deliveries of active
// subscriptions, and only the earliest unsent delivery of each (subscription,
// ticket), so a receiver gets a ticket's events in order even across retries.
// A delivery that failed for good no longer holds the ones after it.
std::vector<OutboxMessage> claim_due_webhook_deliveries(Connection& c, Instant now,
                                                        Instant lease_until, int limit);
void set_response_code(Connection& c, std::int64_t delivery_id, std::optional<int> code);
// Newest first; keyset paging by id.
std::vector<OutboxMessage> webhook_deliveries(Connection& c, std::int64_t webhook_id,
                                              std::optional<std::int64_t> before_id, int limit);

}  // namespace guiche::store
