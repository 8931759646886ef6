#include "store/monitoring_alert_rows.hpp"

namespace guiche::store {

std::optional<MonitoringAlertRow> load_monitoring_alert(Connection& c,
                                                        const std::string& fingerprint,
                                                        Instant starts_at) {
  auto r = c.query_one(
      "SELECT status, labels, notice_id, received_at FROM monitoring_alerts "
      "WHERE fingerprint = ? AND starts_at = ?",
      {fingerprint, to_millis(starts_at)});
  if (!r) return std::nullopt;
  return MonitoringAlertRow{fingerprint,
                            starts_at,
                            r->text(0),
                            r->text(1),
                            r->optional_integer(2),
                            from_millis(r->integer(3))};
}

void save_monitoring_alert(Connection& c, const MonitoringAlertRow& row, bool exists) {
  if (exists) {
    c.query(
        "UPDATE monitoring_alerts SET status = ?, labels = ?, notice_id = ?, received_at = ? "
        "WHERE fingerprint = ? AND starts_at = ?",
        {row.status, row.labels, optional_value(row.notice_id), to_millis(row.received_at),
         row.fingerprint, to_millis(row.starts_at)});
    return;
  }
  c.query(
      "INSERT INTO monitoring_alerts (fingerprint, starts_at, status, labels, notice_id, "
      "received_at) VALUES (?, ?, ?, ?, ?, ?)",
      {row.fingerprint, to_millis(row.starts_at), row.status, row.labels,
       optional_value(row.notice_id), to_millis(row.received_at)});
}

std::int64_t firing_alerts_of_notice(Connection& c, std::int64_t notice_id) {
  return c
      .query_one("SELECT count(*) FROM monitoring_alerts WHERE notice_id = ? AND status = 'firing'",
                 {notice_id})
      ->integer(0);
}

std::optional<std::int64_t> open_monitoring_notice(Connection& c, std::int64_t component_id) {
  auto r = c.query_one(
      "SELECT n.id FROM status_notice_components nc JOIN status_notices n ON n.id = nc.notice_id "
      "WHERE nc.component_id = ? AND n.reporter_kind = 'monitoring' AND n.state = 'reported' "
      "AND n.first_published_at IS NULL ORDER BY n.id DESC LIMIT 1",
      {component_id});
  if (!r) return std::nullopt;
  return r->integer(0);
}

}  // namespace guiche::store
