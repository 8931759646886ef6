#pragma once
// A notice transport: one way outbox rows leave the desk (e-mail, webhooks;
// WhatsApp). Each is a NoticeTransport, and one generic OutboxWorker
// (transports/outbox_worker.hpp) runs per transport: it claims only the rows
// of the transport's channel, asks the transport to send each, and records
// the outcome (sent, retry with backoff, failed, destination disabled).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/outbox_rows.hpp"

namespace guiche::transports {

struct SendOutcome {
  enum class Kind {
    sent,
    retry_later,  // try again after the outbox backoff (until the last attempt)
    give_up,      // failed for good; an admin may retry it
    // The destination asked not to be called again (webhook 410 Gone): this
    // row fails and the transport turns the destination off (record()).
    disable_destination,
    // Not attempted, or the channel itself cannot work now (an expired
    // WhatsApp token): back to pending after `hold_for`, the attempt not
    // counted, so the row never runs out of attempts while it waits.
    hold,
  };
  Kind kind = Kind::sent;
  std::string error;                 // safe to store and show: never a password or secret
  std::optional<int> response_code;  // HTTP transports: the receiver's status
  std::chrono::milliseconds hold_for{0};

  static SendOutcome sent(std::optional<int> code = std::nullopt) { return {Kind::sent, "", code}; }
  static SendOutcome retry(std::string error, std::optional<int> code = std::nullopt) {
    return {Kind::retry_later, std::move(error), code};
  }
  static SendOutcome give_up(std::string error, std::optional<int> code = std::nullopt) {
    return {Kind::give_up, std::move(error), code};
  }
  static SendOutcome disable(std::string error, std::optional<int> code = std::nullopt) {
    return {Kind::disable_destination, std::move(error), code};
  }
  static SendOutcome hold(std::string error, std::chrono::milliseconds for_,
                          std::optional<int> code = std::nullopt) {
    return {Kind::hold, std::move(error), code, for_};
  }
};

class NoticeTransport {
 public:
  virtual ~NoticeTransport() = default;
  // The outbox channel whose rows this transport sends ("email", "webhook").
  virtual std::string_view channel() const = 0;
  // Claims up to `limit` due rows until `lease_until`. By default any due
  // row of channel(); a transport may narrow it (webhooks keep per-ticket order).
  virtual std::vector<store::OutboxMessage> claim(store::Connection& c, Instant now,
                                                  Instant lease_until, int limit);
  // One attempt. Called outside any transaction; must not throw for a
  // failure of the destination (that is an outcome).
  virtual SendOutcome send(const store::OutboxMessage& m) = 0;
  // What the transport keeps beyond the row's status, in the transaction
  // that records the outcome (response codes, disabling a destination).
  virtual void record(store::Connection& c, const store::OutboxMessage& m,
                      const SendOutcome& outcome, Instant at);
};

}  // namespace guiche::transports
