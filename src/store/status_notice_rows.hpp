#pragma once
// Status notices and their components (store/migrations/v013_status_notices.cpp).
// Their timeline is in store/notice_event_rows.hpp, linked tickets in
// store/notice_ticket_rows.hpp.
#include <optional>
#include <vector>

#include "domain/incidents/status_notice.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::int64_t insert_notice(Connection& c, const StatusNotice& n);
// Everything but the id, the creation and the reporter.
void update_notice(Connection& c, const StatusNotice& n);
// `for_update`: locks the row until the transaction ends (PostgreSQL; the
// SQLite engine has a single writer).
std::optional<StatusNotice> load_notice(Connection& c, std::int64_t id, bool for_update = false);

// Not yet ended (reported, acknowledged, confirmed, scheduled, in progress),
// newest first.
std::vector<StatusNotice> open_notices(Connection& c, int limit);
// Ended ones, newest first, keyset by id.
std::vector<StatusNotice> ended_notices(Connection& c, std::optional<std::int64_t> before_id,
                                        int limit);
// Published at least once since `since`, newest first (the status page's history).
std::vector<StatusNotice> published_notices_since(Connection& c, Instant since, int limit);

}  // namespace guiche::store
