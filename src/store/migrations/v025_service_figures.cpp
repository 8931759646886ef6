// Version 25: the charter's measured figures kept as roll-ups
// (store/service_figure_rows.hpp), so that a service's last 12 months are
// read from at most 13 rows and a histogram instead of every ticket of the
// year (tickets_service_created of v020 read the whole year: 0.4 s for one
// service at a million tickets). service_month_figures holds the counts per
// service and month of registration; service_month_durations the resolution
// times per bucket; duration_buckets the buckets' starts
// (domain/duration_histogram.hpp) so SQL can place a duration as the ledger
// does. The backfill is the same count afresh that `admin rebuild-tickets`
// ends with. Version 24 is another change's.
#include <string>

#include "domain/duration_histogram.hpp"
#include "store/database.hpp"
#include "store/service_figure_rows.hpp"

namespace guiche::store {

namespace {

const char* const kTables = R"SQL(
CREATE TABLE service_month_figures (
  service_id BIGINT NOT NULL,
  month INTEGER NOT NULL,
  registered BIGINT NOT NULL,
  resolved BIGINT NOT NULL,
  resolved_with_clock BIGINT NOT NULL,
  resolved_in_time BIGINT NOT NULL,
  ratings BIGINT NOT NULL,
  rating_sum BIGINT NOT NULL,
  PRIMARY KEY (service_id, month)
);
CREATE TABLE service_month_durations (
  service_id BIGINT NOT NULL,
  month INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  tickets BIGINT NOT NULL,
  PRIMARY KEY (service_id, month, bucket)
);
CREATE TABLE duration_buckets (
  bucket INTEGER PRIMARY KEY,
  start_ms BIGINT NOT NULL UNIQUE
);
)SQL";

}  // namespace

std::string migration_v025_service_figures(Dialect dialect) {
  std::string sql = kTables;
  const auto& starts = duration_bucket_starts();
  sql += "INSERT INTO duration_buckets (bucket, start_ms) VALUES ";
  for (std::size_t i = 0; i < starts.size(); ++i) {
    sql += (i ? ", (" : "(") + std::to_string(i) + ", " + std::to_string(starts[i]) + ")";
  }
  sql += ";\n";
  return sql + recount_service_figures_sql(dialect);
}

}  // namespace guiche::store
