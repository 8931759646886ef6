#pragma once
// The Carta de Serviços' rows: the unit's header, and the measured figures of
// one service read from the tickets_service_created index (migration v020).
#include <cstdint>
#include <optional>

#include "domain/charter_header.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::optional<CharterHeader> load_charter_header(Connection& c);
void save_charter_header(Connection& c, const CharterHeader& h, Instant at, std::int64_t by);

// What the tickets of one service registered at or after `since` say.
struct ServiceTicketFigures {
  std::int64_t registered = 0;
  std::int64_t resolved = 0;                         // with a resolution instant
  std::int64_t resolved_with_clock = 0;              // of those, with a resolution SLA clock
  std::int64_t resolved_in_time = 0;                 // of those, whose clock was not breached
  std::optional<std::int64_t> median_resolution_ms;  // registration to resolution
  std::int64_t ratings = 0;
  std::int64_t rating_sum = 0;
};
ServiceTicketFigures service_ticket_figures(Connection& c, std::int64_t service_id, Instant since);

}  // namespace guiche::store
