#pragma once
// The api_tokens table: personal API tokens, stored by the SHA-256 of their secret.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct ApiTokenRecord {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string name;
  Instant created_at{};
  std::optional<Instant> revoked_at;
};

std::int64_t insert_api_token(Connection& c, std::int64_t person_id, const std::string& name,
                              const std::string& token_hash, Instant at);
std::optional<std::int64_t> api_token_owner(Connection& c, std::int64_t token_id);
void revoke_api_token(Connection& c, std::int64_t token_id, Instant at);
// In creation order.
std::vector<ApiTokenRecord> api_tokens_of(Connection& c, std::int64_t person_id);
// The person a token that is not revoked stands for.
std::optional<std::int64_t> person_of_api_token(Connection& c, const std::string& token_hash);
// The live token with that hash: its id and its owner (the access log names both).
struct TokenOwner {
  std::int64_t token_id;
  std::int64_t person_id;
};
std::optional<TokenOwner> api_token_owner(Connection& c, const std::string& token_hash);

}  // namespace guiche::store
