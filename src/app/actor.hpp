#pragma once
#include "domain/person.hpp"
#include "domain/ticket_status.hpp"

namespace guiche::app {

// Who is calling a use case, and through which channel. The faces (CLI,
// HTTP, mail gateway) build it from an authenticated session; use cases
// decide everything else.
struct Actor {
  Person person;
  Channel channel = Channel::portal;

  std::int64_t id() const { return person.id; }
};

}  // namespace guiche::app
