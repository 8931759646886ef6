#pragma once
// The body of POST /api/v1/tickets read into a registration, apart from the
// route so it is checked (and fuzzed, fuzz/ticket_body_fuzz.cpp) without a
// desk or a database.
#include <cstdint>
#include <nlohmann/json.hpp>

#include "app/intake/intake.hpp"

namespace guiche::api {

// Every field checked for its type and value (a DomainError naming the field
// otherwise); the requester defaults to the caller. The Idempotency-Key is a
// header: the route adds it.
app::RegisterRequest registration_from(const nlohmann::json& body, std::int64_t caller_id);

}  // namespace guiche::api
