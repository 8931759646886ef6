#pragma once
// Who wants to hear that a ticket changed: the live pages (server-sent
// events) subscribe here, and the desk publishes after each ticket change
// commits. In memory, thread-safe and without I/O: a listener must only queue
// work (it runs on the publishing thread). With several server nodes on one
// database, the changes made through other nodes reach this hub through the
// live relay (app/live_relay.hpp).
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace guiche::app {

// What changed, enough to decide who may hear of it without reading the ticket.
struct TicketChange {
  std::int64_t ticket_id = 0;
  std::string protocol;
  std::int64_t requester_id = 0;
  std::optional<std::int64_t> organization_id;
  // The units it was in before the change and is in after (both, when routed).
  std::vector<std::int64_t> unit_ids;
  // Some event of the change is public (the requester's timeline moved).
  bool is_public = false;
};

class TicketEventsHub {
 public:
  using Filter = std::function<bool(const TicketChange&)>;
  using Listener = std::function<void(const TicketChange&)>;

  // Calls `listener` for every published change `filter` accepts, until
  // unsubscribed. Returns the subscription's id.
  std::uint64_t subscribe(Filter filter, Listener listener);
  void unsubscribe(std::uint64_t id);
  void publish(const TicketChange& change) const;
  std::size_t subscribers() const;

 private:
  struct Subscription {
    Filter filter;
    Listener listener;
  };
  mutable std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::map<std::uint64_t, std::shared_ptr<const Subscription>> subscriptions_;
};

}  // namespace guiche::app
