#pragma once
// The idempotency_keys table: which ticket a caller's registration with a
// given Idempotency-Key produced, so a retry returns it instead of a second.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::optional<std::int64_t> ticket_of_idempotency_key(Connection& c, std::int64_t person_id,
                                                      const std::string& key);
void remember_idempotency_key(Connection& c, std::int64_t person_id, const std::string& key,
                              std::int64_t ticket_id, Instant at);

}  // namespace guiche::store
