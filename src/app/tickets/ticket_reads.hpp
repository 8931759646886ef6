#pragma once
// Use cases that read tickets: one ticket, its history and SLA timeline,
// queues and search, always within what the caller may see.
#include <string>
#include <utility>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/sla/sla_clocks.hpp"
#include "app/tickets/deadline_standing.hpp"
#include "app/tickets/ticket_whatsapp.hpp"
#include "domain/ticket.hpp"
#include "domain/ticket_event.hpp"
#include "sla/clock.hpp"
#include "store/ticket_clock.hpp"
#include "store/ticket_queries.hpp"

namespace guiche::app {

class TicketReads {
 public:
  TicketReads(DeskContext& context, SlaClocks& clocks) : ctx_(context), clocks_(clocks) {}

  Ticket ticket(const Actor& a, std::int64_t ticket_id);
  Ticket ticket_by_protocol(const Actor& a, const std::string& protocol);
  // Requesters see public events only.
  std::vector<TicketEvent> history(const Actor& a, std::int64_t ticket_id);
  // Queues, filters and full-text search.
  store::TicketPage list_tickets(const Actor& a, const store::TicketFilter& filter);
  // The agent opened the ticket's page now (ticket_seen.cpp): the queue's
  // mark of a requester's reply goes away. Staff only; others are ignored.
  void note_seen(const Actor& a, const Ticket& ticket);
  // For each of `tickets` (a queue's page): has its requester written since
  // `a` last opened it?
  std::vector<bool> requester_wrote_since_seen(const Actor& a, const std::vector<Ticket>& tickets);
  // How many tickets the list would hold, counted up to `bound` (a queue tab's "50+").
  std::int64_t count_tickets_up_to(const Actor& a, const store::TicketFilter& filter, int bound);
  // The ticket's SLA timeline, explained.
  sla::SlaTimeline ticket_sla(const Actor& a, std::int64_t ticket_id);
  // What each cached target says (for the queues and the ticket summary).
  std::vector<store::TicketSlaRow> ticket_sla_summary(const Actor& a, std::int64_t ticket_id);
  // The ticket and its cached clocks, read together in one snapshot.
  std::pair<Ticket, std::vector<store::TicketSlaRow>> ticket_with_sla(const Actor& a,
                                                                      std::int64_t ticket_id);
  // Where a ticket of a queue stands against its resolution deadline, now.
  DeadlineStanding deadline_standing(const Actor& a, const Ticket& ticket);
  // The same for a whole page of a queue, reading the page's clocks in one
  // query; in the order of `tickets`. Throws not_found if one is not visible.
  std::vector<DeadlineStanding> deadline_standings(const Actor& a,
                                                   const std::vector<Ticket>& tickets);
  // The ticket's WhatsApp conversation and the requester's 24-hour window
  // (ticket_whatsapp.hpp): staff only (forbidden to requesters, not_found
  // when the ticket is not visible).
  TicketWhatsApp whatsapp_conversation(const Actor& a, std::int64_t ticket_id);
  // The other open tickets of `ticket`'s requester, and of its organization
  // by other requesters, that `a` may see: newest first, at most `limit`
  // each, from the latest tickets of each (other_open_tickets.cpp). Staff only.
  struct OtherOpenTickets {
    std::vector<Ticket> of_requester;
    bool more_of_requester = false;
    std::vector<Ticket> of_organization;
    bool more_of_organization = false;
  };
  OtherOpenTickets other_open_tickets(const Actor& a, const Ticket& ticket, int limit = 5);

 private:
  // The cached clocks; rows cached before the cache kept their calendar are
  // recomputed from the events (store/migrations/v010_clock_calendar.cpp).
  std::vector<store::TicketSlaRow> cached_clocks(store::Connection& c, std::int64_t ticket_id);

  DeskContext& ctx_;
  SlaClocks& clocks_;
};

}  // namespace guiche::app
