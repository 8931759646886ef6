#pragma once
// Reading and writing tickets, their events and their search text.
// Engine-neutral SQL over Connection; dialect differences are branched here.
#include <optional>
#include <string>
#include <vector>

#include "domain/ticket.hpp"
#include "domain/ticket_event.hpp"
#include "store/database.hpp"
#include "store/ticket_queue_keys.hpp"

namespace guiche::store {

// What a new ticket is numbered with: the next protocol sequence of the
// year, atomic under concurrency in both engines and gap-free because it is
// part of the caller's transaction; and on PostgreSQL the row's id, taken
// from its sequence in the same answer (nullopt on SQLite, which gives it
// at the insert).
struct TicketNumbers {
  long sequence = 0;
  std::optional<std::int64_t> id;
};
TicketNumbers take_ticket_numbers(Connection& c, int year);

// Inserts the row (ticket.id is ignored) with its queue keys, with `id` if
// taken already, else with a new one, and returns it.
std::int64_t insert_ticket(Connection& c, const Ticket& ticket, const QueueKeys& keys,
                           std::optional<std::int64_t> id = std::nullopt);
void update_ticket(Connection& c, const Ticket& ticket);
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
// `fresh`: the ticket was inserted in this transaction (no entry to replace).
void index_ticket_text(Connection& c, std::int64_t ticket_id, const std::string& subject,
                       const std::string& body, bool fresh = false);
std::string indexed_body(Connection& c, std::int64_t ticket_id);
// SQLite's statements for one entry, where it is stored at once or, held,
// at the end of a group commit (store/search_entry_buffer.hpp).
void store_sqlite_search_entry(Connection& c, std::int64_t ticket_id, const std::string& subject,
                               const std::string& body, bool fresh = false);

// Tickets resolved before `cutoff` and still resolved (for closing by window).
std::vector<std::int64_t> tickets_resolved_before(Connection& c, Instant cutoff);

}  // namespace guiche::store
