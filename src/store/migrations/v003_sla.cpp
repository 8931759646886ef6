// Version 3: SLA configuration and the per-ticket SLA clock cache.
// The configuration is one JSON document (no row: the built-in defaults).
// ticket_sla caches what the clock says for each target so queues can sort by
// the live deadline and housekeeping can find the next warning without
// computing every clock; it is derived data (the events are the truth) and
// lives outside the tickets row so that rebuilding tickets stays exact.
namespace guiche::store {

extern const char* const kMigrationV003Sla = R"SQL(
CREATE TABLE sla_configuration (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  document TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES people(id)
);

CREATE TABLE ticket_sla (
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  target TEXT NOT NULL,
  policy TEXT NOT NULL,
  state TEXT NOT NULL,
  deadline BIGINT NOT NULL,
  next_check_at BIGINT,
  breached INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, target)
);
CREATE INDEX ticket_sla_next_check ON ticket_sla(next_check_at);
CREATE INDEX ticket_sla_deadline ON ticket_sla(target, deadline, ticket_id);
)SQL";

}  // namespace guiche::store
