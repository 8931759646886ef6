// Version 33: the satisfaction report's roll-ups (store/rating_rollup_rows.hpp),
// kept by the ticket ledger in the transaction of each change, so that a
// year's distribution of ratings, response rate and averages read aggregate
// rows, never the tickets (issue 15, item 6).
//
// - report_rating_shares: what each resolved ticket adds (its organization and
//   dimensions, the day and instant of its last resolution, its stars and
//   whether it has a comment), so a change takes the old share out and puts
//   the new one in; its partial indexes on the resolution instant (the
//   desk's, and an organization's) page the comments of a period, newest
//   first, by keyset.
// - report_day_ratings / report_month_ratings: per organization (0: the whole
//   desk; an organization's tickets count there and again under it), day
//   (hora de Brasília) or month × unit × service × severity × channel ×
//   category, the tickets asked and the ratings of each number of stars; a
//   year reads its whole months' rows and the days of its partial months.
//
// The backfill counts them from the reports' shares of v031 (the dimensions
// and the resolution day, which need the SLA clock) and the tickets' rows;
// the reports' background recount (app/reports/report_recount.hpp) and
// `admin rebuild-tickets` count them again ticket by ticket. Version 32 is
// another change's.
#include <string>

#include "store/rating_rollup_rows.hpp"

namespace guiche::store {

namespace {

const char* const kTables = R"SQL(
CREATE TABLE report_rating_shares (
  ticket_id BIGINT PRIMARY KEY,
  organization_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  severity TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  resolved_day INTEGER NOT NULL,
  resolved_at BIGINT NOT NULL,
  rating INTEGER,
  commented INTEGER NOT NULL
);
CREATE INDEX report_rating_shares_comments ON report_rating_shares (resolved_at, ticket_id)
  WHERE commented = 1;
CREATE INDEX report_rating_shares_organization_comments
  ON report_rating_shares (organization_id, resolved_at, ticket_id) WHERE commented = 1;

CREATE TABLE report_day_ratings (
  organization_id BIGINT NOT NULL,
  day INTEGER NOT NULL,
  unit_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  severity TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  asked BIGINT NOT NULL,
  stars_1 BIGINT NOT NULL,
  stars_2 BIGINT NOT NULL,
  stars_3 BIGINT NOT NULL,
  stars_4 BIGINT NOT NULL,
  stars_5 BIGINT NOT NULL,
  commented BIGINT NOT NULL,
  PRIMARY KEY (organization_id, day, unit_id, service_id, severity, channel, category)
);

CREATE TABLE report_month_ratings (
  organization_id BIGINT NOT NULL,
  month INTEGER NOT NULL,
  unit_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  severity TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  asked BIGINT NOT NULL,
  stars_1 BIGINT NOT NULL,
  stars_2 BIGINT NOT NULL,
  stars_3 BIGINT NOT NULL,
  stars_4 BIGINT NOT NULL,
  stars_5 BIGINT NOT NULL,
  commented BIGINT NOT NULL,
  PRIMARY KEY (organization_id, month, unit_id, service_id, severity, channel, category)
);
)SQL";

}  // namespace

std::string migration_v033_rating_rollups() {
  return std::string(kTables) + backfill_rating_rollups_sql();
}

}  // namespace guiche::store
