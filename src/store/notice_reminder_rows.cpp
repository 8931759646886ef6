#include "store/notice_reminder_rows.hpp"

namespace guiche::store {
namespace {

// The predicate of the partial index status_notices_open
// (store/migrations/v013_status_notices.cpp), repeated word for word so both
// engines read the open notices from it instead of walking every notice.
constexpr const char* kOpen =
    "state IN ('reported', 'acknowledged', 'confirmed_organization', 'confirmed_general', "
    "'scheduled', 'in_progress')";

std::vector<std::int64_t> ids_of(Connection& c, const std::string& sql,
                                 const std::vector<Value>& params) {
  std::vector<std::int64_t> out;
  for (const auto& r : c.query(sql, params)) out.push_back(r.integer(0));
  return out;
}

}  // namespace

std::vector<std::int64_t> maintenance_starting_by(Connection& c, Instant now, Instant until,
                                                  int limit) {
  return ids_of(c,
                std::string("SELECT id FROM status_notices WHERE ") + kOpen +
                    " AND state = 'scheduled' AND starts_at > ? AND starts_at <= ? "
                    "ORDER BY id LIMIT ?",
                {to_millis(now), to_millis(until), std::int64_t{limit}});
}

std::vector<std::int64_t> confirmed_incidents(Connection& c, int limit) {
  return ids_of(c,
                std::string("SELECT id FROM status_notices WHERE ") + kOpen +
                    " AND state IN ('confirmed_organization', 'confirmed_general') "
                    "ORDER BY id LIMIT ?",
                {std::int64_t{limit}});
}

bool claim_notice_reminder(Connection& c, std::int64_t notice_id, const std::string& kind,
                           std::int64_t anchor, Instant now) {
  return c
      .query_one(
          "INSERT INTO status_notice_reminders (notice_id, kind, anchor, sent_at) "
          "VALUES (?, ?, ?, ?) ON CONFLICT (notice_id, kind, anchor) DO NOTHING "
          "RETURNING notice_id",
          {notice_id, kind, anchor, to_millis(now)})
      .has_value();
}

std::vector<std::int64_t> people_with_role(Connection& c, const std::string& role) {
  return ids_of(c, "SELECT DISTINCT person_id FROM role_grants WHERE role = ? ORDER BY person_id",
                {role});
}

}  // namespace guiche::store
