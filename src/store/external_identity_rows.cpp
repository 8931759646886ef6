#include "store/external_identity_rows.hpp"

namespace guiche::store {

std::optional<std::int64_t> person_of_external_identity(Connection& c, const std::string& issuer,
                                                        const std::string& subject) {
  auto row =
      c.query_one("SELECT person_id FROM external_identities WHERE issuer = ? AND subject = ?",
                  {issuer, subject});
  if (!row) return std::nullopt;
  return row->integer(0);
}

void insert_external_identity(Connection& c, const std::string& issuer, const std::string& subject,
                              std::int64_t person_id, Instant now) {
  c.query(
      "INSERT INTO external_identities (issuer, subject, person_id, created_at, last_sign_in_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {issuer, subject, person_id, to_millis(now), to_millis(now)});
}

void touch_external_identity(Connection& c, const std::string& issuer, const std::string& subject,
                             Instant now) {
  c.query("UPDATE external_identities SET last_sign_in_at = ? WHERE issuer = ? AND subject = ?",
          {to_millis(now), issuer, subject});
}

bool has_external_identity(Connection& c, std::int64_t person_id) {
  return c.query_one("SELECT 1 FROM external_identities WHERE person_id = ? LIMIT 1", {person_id})
      .has_value();
}

void erase_external_identities(Connection& c, ErasureScope& s) {
  c.query("DELETE FROM external_identities WHERE person_id = ?", {Value{s.person_id}});
}

}  // namespace guiche::store
