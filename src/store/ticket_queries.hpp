#pragma once
// Listing and searching tickets: filters, visibility scope and keyset pages.
#include <optional>
#include <string>
#include <vector>

#include "domain/ticket.hpp"
#include "store/database.hpp"

namespace guiche::store {

// Which tickets the caller may see: the union of these sets (all = no limit).
struct TicketScope {
  bool all = false;
  std::vector<std::int64_t> requester_ids;
  std::vector<std::int64_t> organization_ids;
  std::vector<std::int64_t> unit_ids;
};

enum class TicketOrder { newest_first, deadline_first };

// Where the resolution clock (the cached ticket_sla row) stands at `as_of`:
// at risk once its warning point has passed with the deadline still ahead
// (running clocks only), breached once the deadline has passed while the
// ticket is still unresolved.
enum class DeadlineState { any, at_risk, breached };

struct TicketFilter {
  std::vector<Status> statuses;
  std::optional<std::int64_t> unit_id;
  std::vector<std::int64_t> unit_ids;  // any of them (a unit and those below it); empty: any
  std::optional<std::int64_t> assignee_id;
  bool unassigned_only = false;
  std::optional<std::int64_t> organization_id;
  std::optional<std::int64_t> requester_id;
  std::optional<std::int64_t> service_id;
  std::optional<int> priority;
  std::optional<Instant> created_from;  // registered at or after (Minha Área's period)
  std::string text;                     // full-text, accent- and case-insensitive
  DeadlineState deadline = DeadlineState::any;
  Instant deadline_as_of{};
  TicketOrder order = TicketOrder::newest_first;
  std::string cursor;  // from a previous page's next_cursor
  int limit = 50;
};

struct TicketPage {
  std::vector<Ticket> tickets;
  std::string next_cursor;  // empty on the last page
};

// How many tickets match, counted up to `bound` only (a tab's "50+"): the
// first `bound` rows of the list's own index range, never the whole table.
std::int64_t count_tickets_up_to(Connection& c, const TicketScope& scope, const TicketFilter& f,
                                 int bound);

// Throws DomainError(validation) for a malformed cursor.
TicketPage list_tickets(Connection& c, const TicketScope& scope, const TicketFilter& filter);

}  // namespace guiche::store
