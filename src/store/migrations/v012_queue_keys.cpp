// Version 12: the queues' sort keys on the ticket row (issue 21), so that an
// index yields a queue's first page in order without reading the rest:
//   due_at     the next resolution deadline: the cached clock's, else the
//              estimate registered, else the agreed one (projects), else
//              "never" (9e15) — what queues sort by;
//   open_due   due_at while the ticket is open, NULL once resolved, closed or
//              cancelled (the workspace's queues hold open tickets only);
//   risk_at    from when an open ticket with a running clock counts as at
//              risk: its warning instant, 0 once the warning is recorded;
//   breach_at  from when it counts as breached: its deadline while running,
//              0 once the breach is recorded.
// The ticket ledger keeps them in its transaction (store/ticket_queue_keys.cpp,
// the same expressions); this migration fills them for existing rows.
namespace guiche::store {

extern const char* const kMigrationV012QueueKeys = R"SQL(
ALTER TABLE tickets ADD COLUMN due_at BIGINT NOT NULL DEFAULT 9000000000000000;
ALTER TABLE tickets ADD COLUMN open_due BIGINT;
ALTER TABLE tickets ADD COLUMN risk_at BIGINT;
ALTER TABLE tickets ADD COLUMN breach_at BIGINT;

UPDATE tickets SET
  due_at = COALESCE((SELECT s.deadline FROM ticket_sla s WHERE s.ticket_id = tickets.id AND
                     s.target = 'resolution'), estimated_deadline, agreed_deadline,
                    9000000000000000),
  open_due = CASE WHEN status IN ('resolved', 'closed', 'cancelled') THEN NULL ELSE
    COALESCE((SELECT s.deadline FROM ticket_sla s WHERE s.ticket_id = tickets.id AND
              s.target = 'resolution'), estimated_deadline, agreed_deadline, 9000000000000000)
    END,
  risk_at = CASE WHEN status IN ('resolved', 'closed', 'cancelled') THEN NULL ELSE
    (SELECT CASE WHEN s.next_check_at >= s.deadline THEN 0 ELSE s.next_check_at END
     FROM ticket_sla s WHERE s.ticket_id = tickets.id AND s.target = 'resolution' AND
     s.state = 'running')
    END,
  breach_at = CASE WHEN status IN ('resolved', 'closed', 'cancelled') THEN NULL ELSE
    (SELECT CASE WHEN s.breached = 1 THEN 0 WHEN s.state = 'running' THEN s.deadline END
     FROM ticket_sla s WHERE s.ticket_id = tickets.id AND s.target = 'resolution')
    END;

-- A queue's filter, then its sort key and the id (keyset paging).
CREATE INDEX tickets_unit_status_due ON tickets(unit_id, status, due_at, id);
CREATE INDEX tickets_status_due ON tickets(status, due_at, id);
CREATE INDEX tickets_open_due ON tickets(open_due, id) WHERE open_due IS NOT NULL;
CREATE INDEX tickets_unit_open_due ON tickets(unit_id, open_due, id) WHERE open_due IS NOT NULL;
CREATE INDEX tickets_assignee_open_due ON tickets(assignee_id, open_due, id)
  WHERE open_due IS NOT NULL;
CREATE INDEX tickets_risk ON tickets(risk_at, open_due, id) WHERE risk_at IS NOT NULL;
CREATE INDEX tickets_breach ON tickets(breach_at, open_due, id) WHERE breach_at IS NOT NULL;
)SQL";

}  // namespace guiche::store
