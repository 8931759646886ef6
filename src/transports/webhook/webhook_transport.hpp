#pragma once
// The webhook transport: each outbox row of channel 'webhook' is POSTed, as
// stored (its JSON body), to its subscription's URL, signed with the
// subscription's secret (signature.hpp). 2xx: sent. 410 Gone: the receiver
// wants no more, so the subscription is turned off with a visible reason and
// its unsent deliveries wait. Anything else (other statuses, timeouts,
// refused connections): retried with the outbox backoff. Redirects are not
// followed (a 3xx is retried like any other answer).
#include <chrono>
#include <memory>
#include <set>

#include "store/database.hpp"
#include "transports/transport.hpp"

namespace guiche::transports {

struct WebhookConfig {
  std::chrono::milliseconds timeout{10'000};
  std::chrono::milliseconds connect_timeout{5'000};
};

// "O receptor respondeu 410 Gone em dd/mm/aaaa hh:mm UTC."
std::string gone_reason(Instant at);

class WebhookTransport final : public NoticeTransport {
 public:
  WebhookTransport(store::Database& db, const Clock& clock, WebhookConfig config = {});
  ~WebhookTransport() override;
  std::string_view channel() const override { return "webhook"; }
  std::vector<store::OutboxMessage> claim(store::Connection& c, Instant now, Instant lease_until,
                                          int limit) override;
  SendOutcome send(const store::OutboxMessage& m) override;
  void record(store::Connection& c, const store::OutboxMessage& m, const SendOutcome& outcome,
              Instant at) override;

 private:
  store::Database& db_;
  const Clock& clock_;
  WebhookConfig config_;
  void* curl_ = nullptr;  // CURL*, kept out of this header; reused across deliveries
  // Subscriptions that answered 410 Gone in this round: the rest of the
  // round's deliveries to them are not attempted (the round's outcome
  // transaction turns them off; the next claim skips them).
  std::set<std::int64_t> gone_;
};

}  // namespace guiche::transports
