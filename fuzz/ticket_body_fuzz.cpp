// The body of POST /api/v1/tickets (api/ticket_registration.cpp), read as the
// API reads it: JSON (a broken one is the API's 400), then every field checked.
// A DomainError (422 naming the field) or nlohmann's type error (the API's
// 400) are answers; anything else escaping is a 500 the client caused.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "api/ticket_registration.hpp"
#include "domain/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto body = nlohmann::json::parse(data, data + size, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return 0;
  try {
    const auto request = guiche::api::registration_from(body, 7);
    if (request.requester_id == 0 && !body.contains("requester_id")) __builtin_trap();
  } catch (const guiche::DomainError&) {
  } catch (const nlohmann::json::exception&) {
  }
  return 0;
}
