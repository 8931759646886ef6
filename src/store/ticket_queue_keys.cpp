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

QueueKeys queue_keys_of(const Ticket& t, const std::vector<TicketSlaRow>& clocks) {
  const TicketSlaRow* resolution = nullptr;
  for (const auto& row : clocks) {
    if (row.target == "resolution") resolution = &row;
  }
  QueueKeys keys;
  if (resolution) {
    keys.due_at = to_millis(resolution->deadline);
  } else if (t.estimated_deadline) {
    keys.due_at = to_millis(*t.estimated_deadline);
  } else if (t.agreed_deadline) {
    keys.due_at = to_millis(*t.agreed_deadline);
  } else {
    keys.due_at = 9000000000000000;
  }
  if (t.status == Status::resolved || t.status == Status::closed || t.status == Status::cancelled) {
    return keys;
  }
  keys.open_due = keys.due_at;
  if (!resolution) return keys;
  if (resolution->state == "running" && resolution->next_check_at) {
    keys.risk_at = *resolution->next_check_at >= resolution->deadline
                       ? 0
                       : to_millis(*resolution->next_check_at);
  }
  if (resolution->breached) {
    keys.breach_at = 0;
  } else if (resolution->state == "running") {
    keys.breach_at = to_millis(resolution->deadline);
  }
  return keys;
}

}  // namespace guiche::store
