#pragma once
// Subscribing to the status page by e-mail (docs/domain.md, "Subscribers"),
// with no account: anyone asks for the notices of some components, or of
// all; a confirmation link goes to the address through the outbox (double
// opt-in: nothing else is sent before it is followed); the link expires
// (DeskConfig::subscription_confirm_window) and works once; every message
// then carries a one-click unsubscribe link. Requests are rate-limited per
// address and per client IP (app/incidents/subscription_limits.hpp), and an
// address already confirmed for the same components is sent nothing when
// asked again. The answer to a request is the same whatever the address's
// state, so the form tells no one who subscribes.
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "domain/incidents/status_subscriber.hpp"

namespace guiche::app {

struct SubscriptionRequest {
  std::string email;
  bool all = false;  // every component, present and future
  std::vector<std::int64_t> component_ids;
  std::string client_ip;  // for the rate limit
};

// What a confirmation or unsubscribe link stands for, as its page shows it.
struct SubscriptionView {
  std::string address;
  SubscriberState state = SubscriberState::pending;
  bool all = false;
  std::vector<std::string> component_names;
};

class StatusSubscriptions {
 public:
  explicit StatusSubscriptions(DeskContext& context) : ctx_(context) {}

  // Validates, counts against the rate limit and, unless the address is
  // already confirmed for this choice, sends a fresh confirmation link
  // (an earlier one stops working). Throws validation (422) or rate_limited (429).
  void request(const SubscriptionRequest& r);
  // What the confirmation link would confirm; not_found (404) for an unknown
  // or used link, conflict (409) for an expired one. Changes nothing.
  SubscriptionView confirmation(const std::string& token);
  // Confirms: the address hears of its components from now on.
  SubscriptionView confirm(const std::string& token);
  // What the unsubscribe link stands for; not_found (404) when unknown.
  SubscriptionView subscription(const std::string& token);
  // Unsubscribes (again: still fine, one-click clients may post twice).
  SubscriptionView unsubscribe(const std::string& token);
  // Housekeeping: forgets addresses whose link expired unconfirmed (they may
  // not be their owners') and requests older than the rate limit's windows.
  int forget_stale();

 private:
  DeskContext& ctx_;
};

}  // namespace guiche::app
