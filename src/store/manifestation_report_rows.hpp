#pragma once
// What the manifestações report (app/reports/manifestation_report.hpp)
// reads: the manifestações registered in a period, from the index
// manifestations_registered (migration v034), without their texts or
// identities, and the number of tickets linked to each (the primary key of
// manifestation_tickets, joined to the same range: never the tickets).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct ManifestationReportRow {
  std::int64_t id = 0;
  std::string kind;    // manifestation_kind_code
  std::string status;  // manifestation_status_code
  std::optional<std::int64_t> service_id;
  Date registered_on{};
  Date due_on{};
  bool extended = false;
  bool complement_requested = false;
  std::optional<Instant> answered_at;
  std::optional<Instant> closed_at;
};

// Registered from `first` to `last` (dates of the desk's calendar, both
// included), in registration order.
std::vector<ManifestationReportRow> manifestations_registered_between(Connection& c, Date first,
                                                                      Date last);
// Its statement, for the plan test: parameters ("YYYY-MM-DD", "YYYY-MM-DD").
std::string manifestations_registered_sql();
// Tickets linked to each manifestação registered from `first` to `last`
// (absent: none), in one statement joined to that range.
std::map<std::int64_t, std::int64_t> manifestation_ticket_counts_between(Connection& c, Date first,
                                                                         Date last);
std::string manifestation_ticket_counts_sql();  // parameters as above

}  // namespace guiche::store
