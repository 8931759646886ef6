#pragma once
// The queues' sort keys kept on the ticket row (due_at, open_due, risk_at,
// breach_at: store/migrations/v012_queue_keys.cpp), derived from the row's
// status and deadlines and from its cached resolution clock (ticket_sla).
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/ticket.hpp"
#include "store/database.hpp"
#include "store/ticket_clock.hpp"

namespace guiche::store {

// Re-derives the keys of one ticket from its row and its cached clock; the
// ticket ledger calls it whenever it writes either, in the same transaction.
void refresh_queue_keys(Connection& c, std::int64_t ticket_id);

// The same keys computed here, for a ticket being registered, from its row
// and the clock rows it is about to get: it is inserted with them rather
// than written a second time (each key has its own indexes). The expressions
// are those of refresh_queue_keys; tests/app/queue_keys_test.cpp and the
// queue property test compare the queues either way.
struct QueueKeys {
  std::int64_t due_at = 0;
  std::optional<std::int64_t> open_due, risk_at, breach_at;
};
QueueKeys queue_keys_of(const Ticket& t, const std::vector<TicketSlaRow>& clocks);

}  // namespace guiche::store
