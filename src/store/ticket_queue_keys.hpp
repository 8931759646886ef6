#pragma once
// The queues' sort keys kept on the ticket row (due_at, open_due, risk_at,
// breach_at: store/migrations/v012_queue_keys.cpp), derived from the row's
// status and deadlines and from its cached resolution clock (ticket_sla).
#include <cstdint>

#include "store/database.hpp"

namespace guiche::store {

// Re-derives the keys of one ticket from its row and its cached clock; the
// ticket ledger calls it whenever it writes either, in the same transaction.
void refresh_queue_keys(Connection& c, std::int64_t ticket_id);

}  // namespace guiche::store
