#pragma once
// The other open tickets of a requester or of an organization, for the side
// column of the agent's ticket page: a short list read from the latest rows
// of one index range (tickets_requester or tickets_organization, v001), never
// a scan of the tickets table.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/ticket.hpp"
#include "store/database.hpp"

namespace guiche::store {

enum class OpenTicketsOf { requester, organization };

// The open tickets (open_due set: store/migrations/v012_queue_keys.cpp)
// among the `window` most recently registered tickets of `owner` (a person
// or an organization, as `of` says), newest first, without `except`. Reads
// at most `window` entries of the index and their rows, however many tickets
// the owner has: an older open ticket past the window is not listed.
// Its statement (parameters: the owner, the window, `except`), for the plan tests.
std::string recent_open_tickets_sql(OpenTicketsOf of);

std::vector<Ticket> recent_open_tickets(Connection& c, OpenTicketsOf of, std::int64_t owner,
                                        std::int64_t except, int window);

}  // namespace guiche::store
