#pragma once
// The links to choose a new password (migration v040), by the SHA-256 of
// their token.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

void insert_password_link(Connection& c, std::int64_t person_id, const std::string& token_sha256,
                          Instant created_at, Instant expires_at);
// How many links `person_id` was sent from `since` on.
std::int64_t password_links_since(Connection& c, std::int64_t person_id, Instant since);
// The person of a link neither used nor expired at `now`, locked for the write.
std::optional<std::int64_t> usable_password_link(Connection& c, const std::string& token_sha256,
                                                 Instant now);
// Every link of the person still open ends at `now` (one was used, or the
// password changed).
void close_password_links(Connection& c, std::int64_t person_id, Instant now);

}  // namespace guiche::store
