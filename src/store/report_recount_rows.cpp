#include "store/report_recount_rows.hpp"

#include <algorithm>

namespace guiche::store {

std::optional<ReportRecountJob> load_report_recount(Connection& c, bool for_update) {
  std::string sql =
      "SELECT total, done, cursor_id, last_id, finished_at FROM report_recount WHERE id = 1";
  if (for_update && c.dialect() == Dialect::postgres) sql += " FOR UPDATE";
  auto r = c.query_one(sql);
  if (!r) return std::nullopt;
  ReportRecountJob job;
  job.total = r->integer(0);
  job.done = r->integer(1);
  job.cursor_id = r->integer(2);
  job.last_id = r->integer(3);
  if (auto f = r->optional_integer(4)) job.finished_at = from_millis(*f);
  return job;
}

void advance_report_recount(Connection& c, std::int64_t cursor_id, std::int64_t done,
                            std::optional<Instant> finished_at) {
  c.query("UPDATE report_recount SET cursor_id = ?, done = ?, finished_at = ? WHERE id = 1",
          {cursor_id, done, finished_at ? Value{to_millis(*finished_at)} : null_value()});
}

std::optional<int> report_recount_percent(Connection& c) {
  const auto job = load_report_recount(c);
  if (!job || job->finished_at) return std::nullopt;
  if (job->total <= 0) return 0;
  return static_cast<int>(std::min<std::int64_t>(99, job->done * 100 / job->total));
}

std::vector<std::int64_t> ticket_ids_between(Connection& c, std::int64_t after, std::int64_t up_to,
                                             int limit) {
  std::vector<std::int64_t> ids;
  for (const auto& r :
       c.query("SELECT id FROM tickets WHERE id > ? AND id <= ? ORDER BY id LIMIT ?",
               {after, up_to, std::int64_t{limit}})) {
    ids.push_back(r.integer(0));
  }
  return ids;
}

}  // namespace guiche::store
