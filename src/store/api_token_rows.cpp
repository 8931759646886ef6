#include "store/api_token_rows.hpp"

namespace guiche::store {

std::int64_t insert_api_token(Connection& c, std::int64_t person_id, const std::string& name,
                              const std::string& token_hash, Instant at) {
  return c
      .query_one(
          "INSERT INTO api_tokens (person_id, name, token_hash, created_at) VALUES "
          "(?, ?, ?, ?) RETURNING id",
          {person_id, name, token_hash, to_millis(at)})
      ->integer(0);
}

std::optional<std::int64_t> api_token_owner(Connection& c, std::int64_t token_id) {
  auto row = c.query_one("SELECT person_id FROM api_tokens WHERE id = ?", {token_id});
  if (!row) return std::nullopt;
  return row->integer(0);
}

void revoke_api_token(Connection& c, std::int64_t token_id, Instant at) {
  c.query("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
          {to_millis(at), token_id});
}

std::vector<ApiTokenRecord> api_tokens_of(Connection& c, std::int64_t person_id) {
  std::vector<ApiTokenRecord> out;
  for (const auto& r : c.query("SELECT id, person_id, name, created_at, revoked_at FROM api_tokens "
                               "WHERE person_id = ? ORDER BY id",
                               {person_id})) {
    ApiTokenRecord t{r.integer(0), r.integer(1), r.text(2), from_millis(r.integer(3)),
                     std::nullopt};
    if (auto revoked = r.optional_integer(4)) t.revoked_at = from_millis(*revoked);
    out.push_back(std::move(t));
  }
  return out;
}

std::optional<std::int64_t> person_of_api_token(Connection& c, const std::string& token_hash) {
  auto row = c.query_one(
      "SELECT person_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", {token_hash});
  if (!row) return std::nullopt;
  return row->integer(0);
}

std::optional<TokenOwner> api_token_owner(Connection& c, const std::string& token_hash) {
  auto row = c.query_one(
      "SELECT id, person_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
      {token_hash});
  if (!row) return std::nullopt;
  return TokenOwner{row->integer(0), row->integer(1)};
}

}  // namespace guiche::store
