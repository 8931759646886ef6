#pragma once
#include <optional>

#include "domain/person.hpp"
#include "domain/ticket_status.hpp"

namespace guiche::app {

// Who is calling a use case, and through which channel. The faces (CLI,
// HTTP, mail gateway) build it from an authenticated session; use cases
// decide everything else.
struct Actor {
  Person person;
  Channel channel = Channel::portal;
  // The personal API token the call came with, if any (the access log names
  // it; app/privacy/access_log.hpp).
  std::optional<std::int64_t> api_token_id{};

  std::int64_t id() const { return person.id; }
};

}  // namespace guiche::app
