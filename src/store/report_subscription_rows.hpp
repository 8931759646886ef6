#pragma once
// Scheduled reports as stored (migration v036; app/reports/report_subscriptions.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct ReportSubscription {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string report;     // "sla" | "volume"
  std::string query;      // the filters as JSON, without the period (app/reports/)
  std::string frequency;  // "weekly" | "monthly"
  Instant next_run_at{};
  std::optional<std::string> last_period;  // "2026-11-01/2026-11-30"
  Instant created_at{};
};

std::int64_t insert_report_subscription(Connection& c, const ReportSubscription& s);
// The person's, oldest first (a person has a handful).
std::vector<ReportSubscription> report_subscriptions_of(Connection& c, std::int64_t person_id);
// `for_update`: locked to the commit on PostgreSQL (one node sends it).
std::optional<ReportSubscription> load_report_subscription(Connection& c, std::int64_t id,
                                                           bool for_update = false);
void delete_report_subscription(Connection& c, std::int64_t id);
// Those due at `now`, by due instant, through its index.
std::vector<ReportSubscription> due_report_subscriptions(Connection& c, Instant now, int limit);
void advance_report_subscription(Connection& c, std::int64_t id, Instant next_run_at,
                                 const std::optional<std::string>& last_period);

}  // namespace guiche::store
