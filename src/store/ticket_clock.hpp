#pragma once
// One SLA target of a ticket as the clock cache (ticket_sla) keeps it.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/time.hpp"

namespace guiche::store {

struct TicketSlaRow {
  std::string target;  // "first_response", "resolution"
  std::string policy;
  std::string state;  // running, paused, stopped, met, breached
  Instant deadline{};
  std::optional<Instant> next_check_at;  // the next warning or breach not yet recorded
  bool breached = false;
  // The clock's calendar and its target's unit (sla::unit_code): what the
  // time left is counted on. "" in rows cached before schema version 10.
  std::string calendar;
  std::string unit;
};

}  // namespace guiche::store
