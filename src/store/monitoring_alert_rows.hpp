#pragma once
// Monitoring alerts as received (store/migrations/v013_status_notices.cpp):
// one row per (fingerprint, start), whatever how often monitoring re-sends it.
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct MonitoringAlertRow {
  std::string fingerprint;
  Instant starts_at{};
  std::string status;  // firing, resolved
  std::string labels;  // JSON object, as received
  std::optional<std::int64_t> notice_id;
  Instant received_at{};
};

std::optional<MonitoringAlertRow> load_monitoring_alert(Connection& c,
                                                        const std::string& fingerprint,
                                                        Instant starts_at);
void save_monitoring_alert(Connection& c, const MonitoringAlertRow& row, bool exists);
// Alerts behind the notice still firing.
std::int64_t firing_alerts_of_notice(Connection& c, std::int64_t notice_id);
// An unpublished incident monitoring opened for the component and no one has
// stepped on since (still reported): where a new alert of it joins.
std::optional<std::int64_t> open_monitoring_notice(Connection& c, std::int64_t component_id);

}  // namespace guiche::store
