// Version 31: the reports' roll-ups (store/report_rollup_rows.hpp), kept by
// the ticket ledger in the transaction of each change, so that a report over
// a year reads aggregate rows, never the tickets (issue 15, item 6).
//
// - report_ticket_shares: what each ticket adds to the roll-ups (its days and
//   verdicts as of its last change), so a change takes the old share out and
//   puts the new one in; its partial index on the breach instant lists the
//   breached tickets of a period by keyset.
// - report_day_figures: counts per day (hora de Brasília) × unit × service ×
//   severity × channel × category; its partial index finds the days that
//   still hold open tickets (the aging of the backlog).
// - report_month_figures: the same counts per month, for the whole months of a
//   period (a year reads twelve months of rows, not 365 days of them).
// - report_month_durations: first-response (target 0) and resolution (target 1)
//   times in business time, counted per bucket of domain/duration_histogram,
//   per month × unit × service × severity: a histogram per day and per every
//   dimension would hold about a row per ticket. The days of a period's
//   partial months, and a filter by channel or category, read the shares
//   instead, through their indexes by day (store/report_rollup_rows.cpp).
//
// Empty at migration: `guiche admin rebuild-tickets` fills them from the
// events (their SLA times need the clock, which SQL cannot run). Version 30
// is another change's.
namespace guiche::store {

extern const char* const kMigrationV031ReportRollups = R"SQL(
CREATE TABLE report_ticket_shares (
  ticket_id BIGINT PRIMARY KEY,
  unit_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  severity TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  registered_day INTEGER NOT NULL,
  is_open INTEGER NOT NULL,
  ended_day INTEGER,
  resolved INTEGER NOT NULL,
  reopened INTEGER NOT NULL,
  due_day INTEGER,
  met INTEGER NOT NULL,
  breached INTEGER NOT NULL,
  deadline BIGINT,
  first_response_day INTEGER,
  first_response_ms BIGINT,
  resolution_ms BIGINT
);
CREATE INDEX report_ticket_shares_breached ON report_ticket_shares (deadline, ticket_id)
  WHERE breached = 1;

CREATE TABLE report_day_figures (
  day INTEGER NOT NULL,
  unit_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  severity TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  registered BIGINT NOT NULL,
  open_now BIGINT NOT NULL,
  ended BIGINT NOT NULL,
  resolved BIGINT NOT NULL,
  reopened BIGINT NOT NULL,
  due BIGINT NOT NULL,
  met BIGINT NOT NULL,
  breached BIGINT NOT NULL,
  first_responses BIGINT NOT NULL,
  PRIMARY KEY (day, unit_id, service_id, severity, channel, category)
);
CREATE INDEX report_day_figures_open ON report_day_figures (day) WHERE open_now <> 0;

CREATE TABLE report_month_figures (
  month INTEGER NOT NULL,
  unit_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  severity TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  registered BIGINT NOT NULL,
  open_now BIGINT NOT NULL,
  ended BIGINT NOT NULL,
  resolved BIGINT NOT NULL,
  reopened BIGINT NOT NULL,
  due BIGINT NOT NULL,
  met BIGINT NOT NULL,
  breached BIGINT NOT NULL,
  first_responses BIGINT NOT NULL,
  PRIMARY KEY (month, unit_id, service_id, severity, channel, category)
);

CREATE INDEX report_ticket_shares_first_response ON report_ticket_shares (first_response_day)
  WHERE first_response_ms IS NOT NULL;
CREATE INDEX report_ticket_shares_resolution ON report_ticket_shares (ended_day)
  WHERE resolution_ms IS NOT NULL;

CREATE TABLE report_month_durations (
  month INTEGER NOT NULL,
  target INTEGER NOT NULL,
  unit_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  severity TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  tickets BIGINT NOT NULL,
  PRIMARY KEY (month, target, unit_id, service_id, severity, bucket)
);
)SQL";

}  // namespace guiche::store
