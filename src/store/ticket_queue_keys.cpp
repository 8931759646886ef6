#include "store/ticket_queue_keys.hpp"

namespace guiche::store {
namespace {

// The same expressions as the migration's backfill (v012_queue_keys.cpp).
constexpr const char* kRefresh =
    "UPDATE tickets SET "
    "due_at = COALESCE((SELECT s.deadline FROM ticket_sla s WHERE s.ticket_id = tickets.id AND "
    "s.target = 'resolution'), estimated_deadline, agreed_deadline, 9000000000000000), "
    "open_due = CASE WHEN status IN ('resolved', 'closed', 'cancelled') THEN NULL ELSE "
    "COALESCE((SELECT s.deadline FROM ticket_sla s WHERE s.ticket_id = tickets.id AND "
    "s.target = 'resolution'), estimated_deadline, agreed_deadline, 9000000000000000) END, "
    "risk_at = CASE WHEN status IN ('resolved', 'closed', 'cancelled') THEN NULL ELSE "
    "(SELECT CASE WHEN s.next_check_at >= s.deadline THEN 0 ELSE s.next_check_at END "
    "FROM ticket_sla s WHERE s.ticket_id = tickets.id AND s.target = 'resolution' AND "
    "s.state = 'running') END, "
    "breach_at = CASE WHEN status IN ('resolved', 'closed', 'cancelled') THEN NULL ELSE "
    "(SELECT CASE WHEN s.breached = 1 THEN 0 WHEN s.state = 'running' THEN s.deadline END "
    "FROM ticket_sla s WHERE s.ticket_id = tickets.id AND s.target = 'resolution') END "
    "WHERE id = ?";

}  // namespace

void refresh_queue_keys(Connection& c, std::int64_t ticket_id) {
  c.query(kRefresh, {ticket_id});
}

}  // namespace guiche::store
