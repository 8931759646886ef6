// Version 36: scheduled reports (issue 15, item 4). A person who may read the
// reports subscribes to one of them, with its filters, weekly or monthly; the
// server sends it by e-mail through the outbox once each period has ended
// (app/reports/report_subscriptions.hpp). `query` holds the filters as JSON
// (unit, organization, service, severity, channel, category, target); `next_run_at` is when the
// next one is due (its index finds the due ones); `last_period` the last period sent
// ("2026-11-01/2026-11-30"), so no period goes twice.
namespace guiche::store {

extern const char* const kMigrationV036ReportSubscriptions = R"SQL(
CREATE TABLE report_subscriptions (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  report TEXT NOT NULL,
  query TEXT NOT NULL,
  frequency TEXT NOT NULL,
  next_run_at BIGINT NOT NULL,
  last_period TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX report_subscriptions_due ON report_subscriptions (next_run_at, id);
CREATE INDEX report_subscriptions_person ON report_subscriptions (person_id, id);
)SQL";

}  // namespace guiche::store
