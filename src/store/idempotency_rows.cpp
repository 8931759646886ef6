#include "store/idempotency_rows.hpp"

namespace guiche::store {

std::optional<std::int64_t> ticket_of_idempotency_key(Connection& c, std::int64_t person_id,
                                                      const std::string& key) {
  auto row = c.query_one(
      "SELECT ticket_id FROM idempotency_keys WHERE person_id = ? AND idempotency_key = ?",
      {person_id, key});
  if (!row) return std::nullopt;
  return row->integer(0);
}

void remember_idempotency_key(Connection& c, std::int64_t person_id, const std::string& key,
                              std::int64_t ticket_id, Instant at) {
  c.query(
      "INSERT INTO idempotency_keys (person_id, idempotency_key, ticket_id, created_at) "
      "VALUES (?, ?, ?, ?)",
      {person_id, key, ticket_id, to_millis(at)});
}

}  // namespace guiche::store
