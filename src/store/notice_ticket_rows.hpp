#pragma once
// Tickets (SAs) linked to a status notice (store/migrations/v013_status_notices.cpp).
#include <optional>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

// False when the link was there already.
bool link_notice_ticket(Connection& c, std::int64_t notice_id, std::int64_t ticket_id,
                        std::optional<std::int64_t> by, Instant at);
void unlink_notice_ticket(Connection& c, std::int64_t notice_id, std::int64_t ticket_id);
std::vector<std::int64_t> notice_ticket_ids(Connection& c, std::int64_t notice_id);
std::vector<std::int64_t> ticket_notice_ids(Connection& c, std::int64_t ticket_id);

}  // namespace guiche::store
