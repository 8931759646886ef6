// Version 35: the reports by organization (issue 15: the organization filter,
// and an organization's managers reading their own organization's figures),
// and the recount that fills the roll-ups in the background.
//
// - report_ticket_shares.organization_id: the requester's organization the
//   ticket counts for (0: none).
// - report_org_day_figures, report_org_month_figures and
//   report_org_month_durations: the roll-ups of v031 again, kept only for
//   tickets of an organization and keyed by it first, so a report filtered by
//   an organization reads that organization's rows alone; v031's tables stay
//   as they are for every other report (an organization dimension there would
//   multiply the rows each unfiltered report sums).
// - report_recount: one row, the background recount of the roll-ups
//   (app/reports/report_recount.hpp). The shares counted so far had no
//   organization, and a desk upgraded to v031 had none at all: the roll-ups
//   are emptied here and counted again ticket by ticket up to the highest id
//   of now (the ticket ledger counts every ticket it changes meanwhile, and
//   every one registered later); a desk without tickets has nothing to
//   count. Versions 33 and 34 are other changes'.
namespace guiche::store {

extern const char* const kMigrationV035ReportOrganizations = R"SQL(
ALTER TABLE report_ticket_shares ADD COLUMN organization_id BIGINT NOT NULL DEFAULT 0;

CREATE TABLE report_org_day_figures (
  organization_id BIGINT NOT NULL,
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
  PRIMARY KEY (organization_id, day, unit_id, service_id, severity, channel, category)
);
CREATE INDEX report_org_day_figures_open ON report_org_day_figures (organization_id, day)
  WHERE open_now <> 0;

CREATE TABLE report_org_month_figures (
  organization_id BIGINT NOT NULL,
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
  PRIMARY KEY (organization_id, month, unit_id, service_id, severity, channel, category)
);

CREATE TABLE report_org_month_durations (
  organization_id BIGINT NOT NULL,
  month INTEGER NOT NULL,
  target INTEGER NOT NULL,
  unit_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  severity TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  tickets BIGINT NOT NULL,
  PRIMARY KEY (organization_id, month, target, unit_id, service_id, severity, bucket)
);

CREATE TABLE report_recount (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  total BIGINT NOT NULL,
  done BIGINT NOT NULL,
  cursor_id BIGINT NOT NULL,
  last_id BIGINT NOT NULL,
  finished_at BIGINT
);

DELETE FROM report_ticket_shares;
DELETE FROM report_day_figures;
DELETE FROM report_month_figures;
DELETE FROM report_month_durations;
INSERT INTO report_recount (id, total, done, cursor_id, last_id, finished_at)
  SELECT 1, count(*), 0, 0, COALESCE(max(id), 0), CASE WHEN count(*) = 0 THEN 0 END FROM tickets;
)SQL";

}  // namespace guiche::store
