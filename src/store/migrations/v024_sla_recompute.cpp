// Version 24: the recompute of the cached SLA clocks after the SLA
// configuration, a calendar or an organization's calendar changed (issue 21,
// item 4). One row: the change writes its data and (re)starts the job in the
// same transaction; a background runner (app/sla/sla_recompute.hpp) then
// refreshes the clocks of the unfinished tickets in batches by id, advancing
// `cursor_id` (the last ticket id done) and `done` with each batch, so a
// crash resumes where it stopped. `last_id` is the highest ticket id when the
// job (re)started: tickets registered later already got the new clocks.
// `generation` grows at each restart (a node's calendars are reloaded when it
// sees a new one). Once finished the row stays, for the duration shown.
namespace guiche::store {

extern const char* const kMigrationV024SlaRecompute = R"SQL(
CREATE TABLE sla_recompute (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation BIGINT NOT NULL,
  reason TEXT NOT NULL,
  started_by BIGINT REFERENCES people(id),
  started_at BIGINT NOT NULL,
  total BIGINT NOT NULL,
  done BIGINT NOT NULL,
  cursor_id BIGINT NOT NULL,
  last_id BIGINT NOT NULL,
  finished_at BIGINT
);
)SQL";

}  // namespace guiche::store
