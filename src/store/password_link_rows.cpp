#include "store/password_link_rows.hpp"

namespace guiche::store {

void insert_password_link(Connection& c, std::int64_t person_id, const std::string& token_sha256,
                          Instant created_at, Instant expires_at) {
  c.query(
      "INSERT INTO password_links (person_id, token_sha256, created_at, expires_at) "
      "VALUES (?, ?, ?, ?)",
      {person_id, token_sha256, to_millis(created_at), to_millis(expires_at)});
}

std::int64_t password_links_since(Connection& c, std::int64_t person_id, Instant since) {
  return c
      .query_one("SELECT count(*) FROM password_links WHERE person_id = ? AND created_at >= ?",
                 {person_id, to_millis(since)})
      ->integer(0);
}

std::optional<std::int64_t> usable_password_link(Connection& c, const std::string& token_sha256,
                                                 Instant now) {
  auto r = c.query_one(
      "SELECT person_id FROM password_links WHERE token_sha256 = ? AND used_at IS NULL AND "
      "expires_at > ?" +
          std::string(c.dialect() == Dialect::postgres ? " FOR UPDATE" : ""),
      {token_sha256, to_millis(now)});
  if (!r) return std::nullopt;
  return r->integer(0);
}

void close_password_links(Connection& c, std::int64_t person_id, Instant now) {
  c.query("UPDATE password_links SET used_at = ? WHERE person_id = ? AND used_at IS NULL",
          {to_millis(now), person_id});
}

}  // namespace guiche::store
