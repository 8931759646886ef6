// Version 22: manifestações (issue 14 item 3; domain/manifestations/).
//
// - manifestations: one row each, its current state; the identity of a
//   confidential one is kept here and withheld by the application layer
//   (app/manifestations/manifestation_views.cpp), an anonymous one has none.
//   The follow-up code is kept only as its SHA-256.
// - manifestations_queue: the ouvidoria's queue, the ones still running by
//   due date, reads only those (partial index).
// - manifestations_to_warn: the ones whose deadline warning may still be due
//   (warned: '', 'due_soon' or 'overdue', the last one the ouvidoria got).
// - manifestation_events: its history, in order.
// - manifestation_tickets: links to tickets, both ways.
// - manifestation_counters: the protocol sequence per year, like tickets'.
// - manifestation_settings: one row once an admin saves them.
namespace guiche::store {

extern const char* const kMigrationV022Manifestations = R"SQL(
CREATE TABLE manifestation_counters (
  year INTEGER PRIMARY KEY,
  last_value BIGINT NOT NULL
);
CREATE TABLE manifestation_settings (
  id INTEGER PRIMARY KEY,
  unit_id BIGINT REFERENCES units(id),
  calendar TEXT NOT NULL,
  answer_days INTEGER NOT NULL,
  extension_days INTEGER NOT NULL,
  complement_days INTEGER NOT NULL,
  warning_days INTEGER NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES people(id)
);
CREATE TABLE manifestations (
  id {{id}},
  protocol TEXT NOT NULL UNIQUE,
  tracking_hash TEXT NOT NULL,
  kind TEXT NOT NULL,
  identification TEXT NOT NULL,
  status TEXT NOT NULL,
  service_id BIGINT REFERENCES services(id),
  unit_id BIGINT REFERENCES units(id),
  subject TEXT NOT NULL,
  description TEXT NOT NULL,
  person_id BIGINT REFERENCES people(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  cpf TEXT NOT NULL,
  answer_channel TEXT NOT NULL,
  registered_at BIGINT NOT NULL,
  registered_on TEXT NOT NULL,
  answer_days INTEGER NOT NULL,
  extension_days INTEGER,
  extension_reason TEXT NOT NULL,
  complement_requested INTEGER NOT NULL,
  paused_on TEXT,
  paused_days INTEGER NOT NULL,
  due_on TEXT NOT NULL,
  answer TEXT NOT NULL,
  answered_at BIGINT,
  closed_at BIGINT,
  warned TEXT NOT NULL DEFAULT ''
);
CREATE INDEX manifestations_queue ON manifestations(due_on, id)
  WHERE status IN ('open', 'awaiting_complement');
CREATE INDEX manifestations_to_warn ON manifestations(due_on)
  WHERE status = 'open' AND warned <> 'overdue';
CREATE TABLE manifestation_events (
  id {{id}},
  manifestation_id BIGINT NOT NULL REFERENCES manifestations(id),
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  actor_id BIGINT REFERENCES people(id),
  actor_name TEXT NOT NULL,
  visible_to_author INTEGER NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX manifestation_events_of ON manifestation_events(manifestation_id, id);
CREATE TABLE manifestation_tickets (
  manifestation_id BIGINT NOT NULL REFERENCES manifestations(id),
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  linked_at BIGINT NOT NULL,
  linked_by BIGINT REFERENCES people(id),
  PRIMARY KEY (manifestation_id, ticket_id)
);
CREATE INDEX manifestation_tickets_ticket ON manifestation_tickets(ticket_id);
)SQL";

}  // namespace guiche::store
