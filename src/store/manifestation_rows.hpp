#pragma once
// The manifestações' rows (migration v022): the current state, the history,
// the links to tickets, the protocol sequence and the ouvidoria's settings.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/manifestations/manifestation.hpp"
#include "domain/manifestations/manifestation_settings.hpp"
#include "store/database.hpp"

namespace guiche::store {

long next_manifestation_sequence(Connection& c, int year);
// Inserts `m` (its id is ignored) and returns its id.
std::int64_t insert_manifestation(Connection& c, const Manifestation& m,
                                  const std::string& tracking_hash);
// Writes the state that changes after registration: status, deadline, answer.
void update_manifestation(Connection& c, const Manifestation& m);
std::optional<Manifestation> load_manifestation(Connection& c, std::int64_t id);
struct TrackedManifestation {
  Manifestation manifestation;
  std::string tracking_hash;
};
std::optional<TrackedManifestation> find_manifestation(Connection& c, const std::string& protocol);

void append_manifestation_event(Connection& c, std::int64_t manifestation_id,
                                const ManifestationEvent& e);
std::vector<ManifestationEvent> manifestation_events(Connection& c, std::int64_t manifestation_id);

// The running ones (open or awaiting a complement) by due date, from the
// manifestations_queue index, after the (due_on, id) of the cursor if any.
struct QueueCursor {
  std::string due_on;
  std::int64_t id = 0;
};
std::vector<Manifestation> running_manifestations(Connection& c, int limit,
                                                  const std::optional<QueueCursor>& after);
// Its statement, for the plan test: parameters (limit) or, after a cursor,
// (due_on, id, limit).
std::string running_manifestations_sql(bool after_cursor);
// The open ones (not waiting for a complement) whose warning is due: overdue
// (due before `today`) and not yet warned so, or due by `due_by` and not
// warned at all; soonest first, from the manifestations_to_warn index. Dates
// are "YYYY-MM-DD". Each one returned is warned, so none blocks the next.
std::vector<Manifestation> manifestations_to_warn(Connection& c, const std::string& today,
                                                  const std::string& due_by, int limit);
std::string manifestations_to_warn_sql();  // parameters (due_by, today, limit), for the plan test
// The active people with the ombudsman role.
std::vector<std::int64_t> ouvidoria_people(Connection& c);
// Every one, newest first (by id, the primary key), before id `before` if set.
std::vector<Manifestation> recent_manifestations(Connection& c, int limit,
                                                 std::optional<std::int64_t> before);

struct LinkedTicket {
  std::int64_t ticket_id = 0;
  std::string protocol;
  std::string subject;
};
// False when the link was already there.
bool link_manifestation_ticket(Connection& c, std::int64_t manifestation_id, std::int64_t ticket_id,
                               std::int64_t at, std::int64_t by);
std::vector<LinkedTicket> manifestation_tickets(Connection& c, std::int64_t manifestation_id);
std::vector<std::int64_t> ticket_manifestations(Connection& c, std::int64_t ticket_id);

// The saved settings, or the law's defaults until an admin saves them.
ManifestationSettings load_manifestation_settings(Connection& c);
void save_manifestation_settings(Connection& c, const ManifestationSettings& s, std::int64_t at,
                                 std::int64_t by);

}  // namespace guiche::store
