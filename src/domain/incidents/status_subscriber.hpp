#pragma once
// A subscriber of the status page (docs/domain.md, "Subscribers"): an e-mail
// address that asked for the notices of some components, or of all of them,
// and confirmed it (double opt-in) by the link sent to it. Public
// subscribers hear of general incidents and of maintenance; an incident
// scoped to one organization stays with that organization's contacts.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace guiche {

enum class SubscriberState {
  pending,       // asked; hears nothing until the confirmation link is followed
  confirmed,     // hears of the components chosen
  unsubscribed,  // left by the link every message carries; hears nothing
};

std::string_view subscriber_state_code(SubscriberState s);
std::optional<SubscriberState> parse_subscriber_state(std::string_view code);

// What an address subscribes to: every component, or these (sorted, unique).
struct SubscriptionChoice {
  bool all = false;
  std::vector<std::int64_t> component_ids;
  bool operator==(const SubscriptionChoice&) const = default;
};

// "all" or "1,5,9" (how a pending choice is kept until it is confirmed).
std::string choice_code(const SubscriptionChoice& c);
std::optional<SubscriptionChoice> parse_choice_code(std::string_view code);
// Sorted and without repetitions; `all` empties the list.
SubscriptionChoice normalized_choice(SubscriptionChoice c);

struct StatusSubscriber {
  std::int64_t id = 0;
  std::string address;  // lower-cased
  SubscriberState state = SubscriberState::pending;
  SubscriptionChoice confirmed;               // what it hears of now (while confirmed)
  std::optional<SubscriptionChoice> pending;  // asked for, waiting for the link
  std::optional<std::string> confirm_token_hash;
  std::optional<Instant> confirm_expires_at;
  std::string unsubscribe_token;
  Instant created_at{};
  Instant requested_at{};
  std::optional<Instant> confirmed_at;
  std::optional<Instant> unsubscribed_at;
};

// What a subscription request does to the address it names.
enum class SubscriptionRequestOutcome {
  // Send a confirmation link: a new or pending address, one that left, or a
  // confirmed one asking for something else (nothing changes until it confirms).
  send_confirmation,
  // Already confirmed with this very choice: nothing is sent, so that asking
  // again, by its owner or anyone, never floods the address.
  nothing_to_do,
};
SubscriptionRequestOutcome decide_subscription_request(
    const std::optional<StatusSubscriber>& existing, const SubscriptionChoice& asked);

}  // namespace guiche
