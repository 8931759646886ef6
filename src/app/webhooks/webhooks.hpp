#pragma once
// The admin side of outbound webhooks: subscriptions (receiver URL, signing
// secret, event kinds, on/off) and each one's delivery log with retry. Only
// active administrators who have changed their initial password may use it;
// every method checks the caller itself. The secret is taken when a
// subscription is created or replaced and never given back: views show only
// a hint (its last 4 characters). Deliveries are written by the fan-out
// (webhook_fanout.hpp) and sent by the webhook transport
// (transports/webhook/webhook_transport.hpp).
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/outbox_rows.hpp"

namespace guiche::app {

// A subscription as admins see it: everything but the secret.
struct Webhook {
  std::int64_t id = 0;
  std::string description;
  std::string url;
  std::string secret_hint;
  std::vector<std::string> events;
  bool active = true;
  std::optional<std::string> disabled_reason;
  Instant created_at{};
  Instant updated_at{};
};

struct NewWebhook {
  std::string description;
  std::string url;
  std::string secret;
  std::vector<std::string> events;
  bool active = true;
};

// A change: only the fields given are replaced.
struct WebhookChange {
  std::optional<std::string> description;
  std::optional<std::string> url;
  std::optional<std::string> secret;
  std::optional<std::vector<std::string>> events;
  std::optional<bool> active;
};

class Webhooks {
 public:
  Webhooks(store::Database& db, const Clock& clock);

  std::vector<Webhook> list(const Actor& a);
  // Throws a validation error naming each bad field (url, secret, events,
  // description) and stores nothing then.
  Webhook create(const Actor& a, const NewWebhook& w);
  Webhook get(const Actor& a, std::int64_t id);
  // Turning a subscription on clears the reason it was turned off; its
  // waiting deliveries go out again, in order.
  Webhook update(const Actor& a, std::int64_t id, const WebhookChange& change);
  // The subscription and its whole delivery log.
  void remove(const Actor& a, std::int64_t id);
  // Newest first; `limit` 1..200.
  std::vector<store::OutboxMessage> deliveries(const Actor& a, std::int64_t id,
                                               std::optional<std::int64_t> before_id, int limit);
  // A failed (or waiting) delivery due again now with a fresh count of
  // attempts; 409 when it was sent or is being sent.
  store::OutboxMessage retry(const Actor& a, std::int64_t id, std::int64_t delivery_id);

 private:
  void require_admin(const Actor& a) const;

  store::Database& db_;
  const Clock& clock_;
};

}  // namespace guiche::app
