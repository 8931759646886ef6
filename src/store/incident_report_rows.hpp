#pragma once
// What the incidents report (app/reports/incident_report.hpp) reads: the
// incident notices reported in a period, from the partial index
// status_notices_incident_reported (migration v034), and, joined to that
// same range, their confirmations and restoration (status_notice_events by
// notice), their components and the number of tickets linked to each
// (status_notice_tickets' primary key: never the tickets themselves). One
// statement each, whatever the number of notices.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct IncidentReportRow {
  std::int64_t id = 0;
  std::string state;  // notice_state_code
  std::string title;
  std::optional<std::int64_t> organization_id;  // the scope now (none: general)
  Instant reported_at{};
  std::optional<Instant> first_published_at;
};

// Incident notices reported at or after `from` and before `to`, oldest first.
std::vector<IncidentReportRow> incidents_reported_between(Connection& c, Instant from, Instant to);

// The steps of a notice the report times, oldest first within each notice.
struct IncidentMilestone {
  std::string action;  // confirm_organization, confirm_general or restore
  Instant at{};
};
// Of the incident notices reported in [from, to), by notice id.
std::map<std::int64_t, std::vector<IncidentMilestone>> incident_milestones_between(Connection& c,
                                                                                   Instant from,
                                                                                   Instant to);
std::map<std::int64_t, std::vector<std::int64_t>> incident_components_between(Connection& c,
                                                                              Instant from,
                                                                              Instant to);
// Tickets linked to each (absent: none).
std::map<std::int64_t, std::int64_t> incident_ticket_counts_between(Connection& c, Instant from,
                                                                    Instant to);

// The statements above, for the plan test: parameters (from ms, to ms).
std::string incidents_reported_sql();
std::string incident_milestones_sql();
std::string incident_components_sql();
std::string incident_ticket_counts_sql();

}  // namespace guiche::store
