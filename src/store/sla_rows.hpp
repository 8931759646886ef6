#pragma once
// The stored SLA configuration and the per-ticket SLA clock cache (ticket_sla,
// derived from the events; see migrations/v003_sla.cpp).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/ticket_clock.hpp"

namespace guiche::store {

// The configuration document as stored, or nullopt when an admin never saved one.
std::optional<std::string> load_sla_configuration(Connection& c);
void save_sla_configuration(Connection& c, const std::string& document, Instant at,
                            std::int64_t by);

// Replaces what is cached for the ticket (no rows: the ticket has no clock).
void replace_ticket_sla(Connection& c, std::int64_t ticket_id,
                        const std::vector<TicketSlaRow>& rows);
// The first clocks of a ticket just inserted: nothing to replace.
void insert_ticket_sla(Connection& c, std::int64_t ticket_id,
                       const std::vector<TicketSlaRow>& rows);
std::vector<TicketSlaRow> load_ticket_sla(Connection& c, std::int64_t ticket_id);
// The cached clocks of several tickets in one query (a queue's page), by ticket.
std::map<std::int64_t, std::vector<TicketSlaRow>> load_tickets_sla(
    Connection& c, const std::vector<std::int64_t>& ticket_ids);
// Tickets with a warning or breach due at `now`, oldest first (indexed).
std::vector<std::int64_t> tickets_with_sla_due(Connection& c, Instant now, int limit);

}  // namespace guiche::store
