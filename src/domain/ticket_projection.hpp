#pragma once
#include <vector>

#include "domain/ticket.hpp"
#include "domain/ticket_event.hpp"

namespace guiche {

// Applies one event to the ticket state. Contract: pure and total over the
// events the application layer writes; applying a ticket's events in seq
// order from a default Ticket yields exactly the stored row.
void apply_event(Ticket& ticket, const TicketEvent& event);

Ticket fold_events(const std::vector<TicketEvent>& events);

}  // namespace guiche
