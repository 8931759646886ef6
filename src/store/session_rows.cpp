#include "store/session_rows.hpp"

namespace guiche::store {

void insert_session(Connection& c, const std::string& id_hash, std::int64_t person_id,
                    const std::string& csrf_token, Instant now, Instant expires_at) {
  // Expired sessions are swept here rather than by a separate job.
  c.query("DELETE FROM sessions WHERE expires_at < ?", {to_millis(now)});
  c.query(
      "INSERT INTO sessions (id_hash, person_id, csrf_token, created_at, expires_at) VALUES "
      "(?, ?, ?, ?, ?)",
      {id_hash, person_id, csrf_token, to_millis(now), to_millis(expires_at)});
}

void delete_session(Connection& c, const std::string& id_hash) {
  c.query("DELETE FROM sessions WHERE id_hash = ?", {id_hash});
}

void delete_sessions_of(Connection& c, std::int64_t person_id) {
  c.query("DELETE FROM sessions WHERE person_id = ?", {person_id});
}

std::optional<SessionRecord> find_session(Connection& c, const std::string& id_hash, Instant now) {
  auto row = c.query_one(
      "SELECT person_id, csrf_token, expires_at FROM sessions WHERE id_hash = ? AND "
      "expires_at > ?",
      {id_hash, to_millis(now)});
  if (!row) return std::nullopt;
  return SessionRecord{row->integer(0), row->text(1), from_millis(row->integer(2))};
}

}  // namespace guiche::store
