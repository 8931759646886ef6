#pragma once
// Status page subscriptions in tests: the confirmation link the outbox holds
// for an address, and an address subscribed and confirmed in one call.
#include <regex>

#include "app/desk.hpp"
#include "app/incidents/status_subscriptions.hpp"
#include "store/outbox_rows.hpp"

namespace guiche::testing {

// The token of the newest confirmation link sent to `address` ("" when none).
inline std::string confirmation_token(store::Database& db, const std::string& address) {
  std::string token;
  db.read([&](store::Connection& c) {
    for (const auto& m : store::list_messages(c, "", std::nullopt, 200)) {
      if (m.template_key != "status_subscription_confirm" || m.recipient_address != address) {
        continue;
      }
      std::smatch found;
      if (std::regex_search(m.text_body, found, std::regex("confirmar\\?token=([0-9a-f]{32})"))) {
        token = found[1];
        return;  // newest first
      }
    }
  });
  return token;
}

inline app::SubscriptionRequest subscription_of(const std::string& email,
                                                std::vector<std::int64_t> component_ids,
                                                const std::string& ip = "192.0.2.10") {
  app::SubscriptionRequest r;
  r.email = email;
  r.all = component_ids.empty();
  r.component_ids = std::move(component_ids);
  r.client_ip = ip;
  return r;
}

// Subscribes `email` to these components (none: all) and confirms it.
inline void subscribe_confirmed(app::Desk& desk, store::Database& db, const std::string& email,
                                std::vector<std::int64_t> component_ids,
                                const std::string& ip = "192.0.2.10") {
  desk.status_subscriptions().request(subscription_of(email, std::move(component_ids), ip));
  desk.status_subscriptions().confirm(confirmation_token(db, email));
}

}  // namespace guiche::testing
