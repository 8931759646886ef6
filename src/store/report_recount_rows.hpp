#pragma once
// The background recount of the reports' roll-ups as stored (migration
// v035): the tickets up to `last_id` are counted again in batches by id
// (app/reports/report_recount.hpp), `cursor_id` the last one done, so a crash
// resumes where it stopped.
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct ReportRecountJob {
  std::int64_t total = 0;  // tickets when the recount started
  std::int64_t done = 0;
  std::int64_t cursor_id = 0;
  std::int64_t last_id = 0;
  std::optional<Instant> finished_at;
};

// `for_update`: locked to the commit on PostgreSQL (one node per batch).
std::optional<ReportRecountJob> load_report_recount(Connection& c, bool for_update = false);
void advance_report_recount(Connection& c, std::int64_t cursor_id, std::int64_t done,
                            std::optional<Instant> finished_at);
// How far a pending recount is (0..99): the reports' figures are still
// incomplete. Nothing once it ended (or when none ever ran).
std::optional<int> report_recount_percent(Connection& c);
// Every ticket after `after` up to `up_to`, by id, at most `limit`.
std::vector<std::int64_t> ticket_ids_between(Connection& c, std::int64_t after, std::int64_t up_to,
                                             int limit);

}  // namespace guiche::store
