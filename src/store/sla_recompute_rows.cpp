#include "store/sla_recompute_rows.hpp"

namespace guiche::store {

void restart_sla_recompute(Connection& c, const std::string& reason, std::optional<std::int64_t> by,
                           Instant at) {
  // The count walks the unfinished tickets' index (v026), the max is the primary key's last.
  const auto total = c.query_one(unfinished_count_sql(c.dialect()))->integer(0);
  const auto last_id = c.query_one("SELECT COALESCE(MAX(id), 0) FROM tickets")->integer(0);
  // An upsert: on PostgreSQL it waits for a batch holding the row, then wins.
  c.query(
      "INSERT INTO sla_recompute (id, generation, reason, started_by, started_at, total, done, "
      "cursor_id, last_id, finished_at) VALUES (1, 1, ?, ?, ?, ?, 0, 0, ?, NULL) "
      "ON CONFLICT (id) DO UPDATE SET generation = sla_recompute.generation + 1, "
      "reason = excluded.reason, started_by = excluded.started_by, "
      "started_at = excluded.started_at, total = excluded.total, done = 0, cursor_id = 0, "
      "last_id = excluded.last_id, finished_at = NULL",
      {reason, optional_value(by), to_millis(at), total, last_id});
}

std::optional<SlaRecomputeJob> load_sla_recompute(Connection& c, bool for_update) {
  std::string sql =
      "SELECT generation, reason, started_by, started_at, total, done, cursor_id, last_id, "
      "finished_at FROM sla_recompute WHERE id = 1";
  if (for_update && c.dialect() == Dialect::postgres) sql += " FOR UPDATE";
  auto r = c.query_one(sql);
  if (!r) return std::nullopt;
  SlaRecomputeJob job;
  job.generation = r->integer(0);
  job.reason = r->text(1);
  job.started_by = r->optional_integer(2);
  job.started_at = from_millis(r->integer(3));
  job.total = r->integer(4);
  job.done = r->integer(5);
  job.cursor_id = r->integer(6);
  job.last_id = r->integer(7);
  if (auto f = r->optional_integer(8)) job.finished_at = from_millis(*f);
  return job;
}

void advance_sla_recompute(Connection& c, std::int64_t cursor_id, std::int64_t done,
                           std::optional<Instant> finished_at) {
  c.query("UPDATE sla_recompute SET cursor_id = ?, done = ?, finished_at = ? WHERE id = 1",
          {cursor_id, done, finished_at ? Value{to_millis(*finished_at)} : null_value()});
}

std::vector<std::int64_t> unfinished_ticket_ids_between(Connection& c, std::int64_t after,
                                                        std::int64_t up_to, int limit) {
  std::vector<std::int64_t> ids;
  for (const auto& r : c.query(unfinished_between_sql(), {after, up_to, std::int64_t{limit}})) {
    ids.push_back(r.integer(0));
  }
  return ids;
}

// The condition is written as the index's (v026), so both engines use it.
// SQLite without statistics would rather count the whole covering index of
// every status (tickets_resolved), so it is told which index to walk.
const char* unfinished_count_sql(Dialect dialect) {
  return dialect == Dialect::sqlite
             ? "SELECT count(*) FROM tickets INDEXED BY tickets_unfinished "
               "WHERE status NOT IN ('closed', 'cancelled')"
             : "SELECT count(*) FROM tickets WHERE status NOT IN ('closed', 'cancelled')";
}

const char* unfinished_between_sql() {
  return "SELECT id FROM tickets WHERE id > ? AND id <= ? AND "
         "status NOT IN ('closed', 'cancelled') ORDER BY id LIMIT ?";
}

}  // namespace guiche::store
