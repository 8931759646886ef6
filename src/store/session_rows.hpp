#pragma once
// The sessions table: browser sessions, stored by the SHA-256 of their id.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct SessionRecord {
  std::int64_t person_id = 0;
  std::string csrf_token;
  Instant expires_at{};
};

// Also sweeps the sessions that have expired by `now`.
void insert_session(Connection& c, const std::string& id_hash, std::int64_t person_id,
                    const std::string& csrf_token, Instant now, Instant expires_at);
void delete_session(Connection& c, const std::string& id_hash);
void delete_sessions_of(Connection& c, std::int64_t person_id);
// The session if it has not expired at `now`.
std::optional<SessionRecord> find_session(Connection& c, const std::string& id_hash, Instant now);

}  // namespace guiche::store
