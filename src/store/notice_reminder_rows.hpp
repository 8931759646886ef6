#pragma once
// The reminders the desk sent of its own (store/migrations/v015_notice_reminders.cpp),
// and the notices that may be due for one.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

// Planned maintenance still scheduled that starts in (now, until], by id.
std::vector<std::int64_t> maintenance_starting_by(Connection& c, Instant now, Instant until,
                                                  int limit);
// Incidents confirmed (for an organization or in general) and not restored, by id.
std::vector<std::int64_t> confirmed_incidents(Connection& c, int limit);
// Records the reminder (notice, kind, anchor) unless it already is: true when
// this call recorded it. Several nodes may try at once; one wins, in its
// transaction (the primary key decides; a loser waits for the winner's commit).
bool claim_notice_reminder(Connection& c, std::int64_t notice_id, const std::string& kind,
                           std::int64_t anchor, Instant now);
// Whoever holds `role` (a role code), whatever the unit, active or not, by id.
std::vector<std::int64_t> people_with_role(Connection& c, const std::string& role);

}  // namespace guiche::store
