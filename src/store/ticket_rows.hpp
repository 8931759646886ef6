#pragma once
// Reading and writing tickets, their events and their search text.
// Engine-neutral SQL over Connection; dialect differences are branched here.
#include <optional>
#include <string>
#include <vector>

#include "domain/ticket.hpp"
#include "domain/ticket_event.hpp"
#include "store/database.hpp"

namespace guiche::store {

// Next protocol sequence for `year`; atomic under concurrency in both engines,
// and gap-free because it is part of the caller's transaction.
long next_protocol_sequence(Connection& c, int year);

// Inserts the row (ticket.id is ignored) and returns the new id.
std::int64_t insert_ticket(Connection& c, const Ticket& ticket);
void update_ticket(Connection& c, const Ticket& ticket);
// Gives a just-inserted ticket its protocol number (taken last in the transaction).
void set_ticket_protocol(Connection& c, std::int64_t id, const std::string& protocol);
// "SELECT <every ticket column> FROM tickets" and the row mapper, for queries
// that select whole tickets.
const std::string& select_tickets_sql();
Ticket ticket_from_row(const Row& r);
// for_update locks the row until the transaction ends (PostgreSQL; SQLite has one writer).
std::optional<Ticket> load_ticket(Connection& c, std::int64_t id, bool for_update = false);
std::optional<Ticket> load_ticket_by_protocol(Connection& c, const std::string& protocol);

void insert_event(Connection& c, const TicketEvent& event);
std::vector<TicketEvent> load_events(Connection& c, std::int64_t ticket_id);
std::optional<TicketEvent> load_event(Connection& c, std::int64_t ticket_id, std::int64_t seq);
// The next `limit` ticket ids after `after`, in order (keyset over the primary key).
std::vector<std::int64_t> ticket_ids_after(Connection& c, std::int64_t after, int limit);
std::int64_t count_tickets(Connection& c);

// The search document: subject, description and the public replies.
void index_ticket_text(Connection& c, std::int64_t ticket_id, const std::string& subject,
                       const std::string& body);
std::string indexed_body(Connection& c, std::int64_t ticket_id);
// SQLite's statements for one entry, where it is stored at once or, held,
// at the end of a group commit (store/search_entry_buffer.hpp).
void store_sqlite_search_entry(Connection& c, std::int64_t ticket_id, const std::string& subject,
                               const std::string& body);

// Tickets resolved before `cutoff` and still resolved (for closing by window).
std::vector<std::int64_t> tickets_resolved_before(Connection& c, Instant cutoff);

}  // namespace guiche::store
