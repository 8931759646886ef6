#pragma once
// The status page's subscribers, their confirmed components and the requests
// counted by the rate limit (store/migrations/v014_status_subscribers.cpp).
#include <optional>
#include <string>
#include <vector>

#include "domain/incidents/status_subscriber.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::int64_t insert_subscriber(Connection& c, const StatusSubscriber& s);
// Everything but the address, the unsubscribe token and the confirmed
// components (set_subscriber_components writes those).
void update_subscriber(Connection& c, const StatusSubscriber& s);
std::optional<StatusSubscriber> subscriber_by_address(Connection& c, const std::string& address);
std::optional<StatusSubscriber> subscriber_by_confirm_hash(Connection& c, const std::string& hash);
std::optional<StatusSubscriber> subscriber_by_unsubscribe_token(Connection& c,
                                                                const std::string& token);
// Replaces the confirmed choice (all, or these components; nothing: none).
void set_subscriber_components(Connection& c, std::int64_t subscriber_id,
                               const SubscriptionChoice& choice);

// Who hears of a message about these components: each confirmed subscriber of
// any of them or of all, once.
struct SubscriberAddress {
  std::int64_t id = 0;
  std::string address;
  std::string unsubscribe_token;
};
std::vector<SubscriberAddress> confirmed_subscribers_of(
    Connection& c, const std::vector<std::int64_t>& component_ids);
// Its SQL for `components` placeholders (tests check its plan uses indexes).
std::string confirmed_subscribers_sql(std::size_t components);

// The rate limit's memory: one row per request and key (a digest of the
// address or of the client IP).
void record_subscription_request(Connection& c, const std::string& key, Instant at);
int subscription_requests_since(Connection& c, const std::string& key, Instant since);
// Forgets requests older than `before` and addresses that never confirmed
// before their link expired; returns how many rows went.
int purge_subscription_requests(Connection& c, Instant before);
int purge_unconfirmed_subscribers(Connection& c, Instant now);

}  // namespace guiche::store
