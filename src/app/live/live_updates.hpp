#pragma once
// Live updates: who follows which tickets, told once a change has committed
// (never about a transaction that rolled back); visibility is decided at
// follow time. With several server nodes on one database, each node's relay
// publishes here the changes the other nodes committed (live/live_relay.hpp).
#include <chrono>
#include <cstdint>
#include <string>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/live/ticket_events_hub.hpp"

namespace guiche::app {

class LiveCursor;
class TicketReads;

class LiveUpdates {
 public:
  LiveUpdates(DeskContext& context, TicketReads& reads) : ctx_(context), reads_(reads) {}

  // The changes of every ticket `a` may list (the agent's queues).
  std::uint64_t follow_queues(const Actor& a, TicketEventsHub::Listener listener);
  // The changes of one ticket `a` may see; requesters hear only of public
  // ones. Throws like TicketReads::ticket_by_protocol.
  std::uint64_t follow_ticket(const Actor& a, const std::string& protocol,
                              TicketEventsHub::Listener listener);
  void unfollow(std::uint64_t subscription);
  TicketEventsHub& hub() { return ctx_.events; }

  // Publishes, on this node's hub, the changes other nodes committed since
  // `cursor` (live/live_changes.cpp). Returns how many it published.
  std::size_t relay_live_changes(LiveCursor& cursor);
  // Deletes shared changes older than `age` (every relay has read them).
  void prune_live_changes(std::chrono::milliseconds age);

 private:
  DeskContext& ctx_;
  TicketReads& reads_;
};

}  // namespace guiche::app
