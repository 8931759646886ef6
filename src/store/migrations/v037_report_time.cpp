// Version 37: the time agents logged, in the volume report (issue 15: "time
// spent (logged) by unit and service"; store/time_rollup_rows.hpp).
//
// - report_time_shares: what each ticket's logged time adds, one row per day
//   it was logged on, under the ticket's dimensions, so a change that moves
//   the ticket (a transfer, a new service) takes the old rows out and puts
//   the new ones in.
// - report_day_time / report_month_time: per organization (0: the whole
//   desk; an organization's tickets count there and again under it), day
//   (hora de Brasília) or month × unit × service × severity × channel ×
//   category, the minutes logged and the entries that logged them.
//
// The time lives in the events' JSON, which the two engines read with
// different functions: instead of a backfill in SQL, the reports' background
// recount (app/reports/report_recount.hpp) walks every ticket again from the
// first, and counts each ticket's time from its events with its other shares
// (a desk without tickets has nothing to count).
namespace guiche::store {

extern const char* const kMigrationV037ReportTime = R"SQL(
CREATE TABLE report_time_shares (
  ticket_id BIGINT NOT NULL,
  day INTEGER NOT NULL,
  organization_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  severity TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  minutes BIGINT NOT NULL,
  entries BIGINT NOT NULL,
  PRIMARY KEY (ticket_id, day)
);

CREATE TABLE report_day_time (
  organization_id BIGINT NOT NULL,
  day INTEGER NOT NULL,
  unit_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  severity TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  minutes BIGINT NOT NULL,
  entries BIGINT NOT NULL,
  PRIMARY KEY (organization_id, day, unit_id, service_id, severity, channel, category)
);

CREATE TABLE report_month_time (
  organization_id BIGINT NOT NULL,
  month INTEGER NOT NULL,
  unit_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  severity TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  minutes BIGINT NOT NULL,
  entries BIGINT NOT NULL,
  PRIMARY KEY (organization_id, month, unit_id, service_id, severity, channel, category)
);

UPDATE report_recount SET total = (SELECT count(*) FROM tickets), done = 0, cursor_id = 0,
  last_id = (SELECT COALESCE(max(id), 0) FROM tickets),
  finished_at = CASE WHEN (SELECT count(*) FROM tickets) = 0 THEN 0 END;
)SQL";

}  // namespace guiche::store
