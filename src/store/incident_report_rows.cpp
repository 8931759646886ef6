#include "store/incident_report_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {
namespace {

// The period's incident notices, as the partial index says them (`kind =
// 'incident'`), so both engines read it; the joined tables by their notice.
constexpr const char* kIncidentsOfPeriod =
    "FROM status_notices n WHERE n.kind = 'incident' AND n.created_at >= ? AND n.created_at < ?";

}  // namespace

std::string incidents_reported_sql() {
  return std::string(
             "SELECT n.id, n.state, n.title, n.organization_id, n.created_at, "
             "n.first_published_at ") +
         kIncidentsOfPeriod + " ORDER BY n.created_at, n.id";
}

std::vector<IncidentReportRow> incidents_reported_between(Connection& c, Instant from, Instant to) {
  std::vector<IncidentReportRow> out;
  for (const auto& r : c.query(incidents_reported_sql(), {to_millis(from), to_millis(to)})) {
    IncidentReportRow row;
    row.id = r.integer(0);
    row.state = r.text(1);
    row.title = r.text(2);
    row.organization_id = r.optional_integer(3);
    row.reported_at = from_millis(r.integer(4));
    row.first_published_at = instant_at(r, 5);
    out.push_back(std::move(row));
  }
  return out;
}

std::string incident_milestones_sql() {
  return "SELECT e.notice_id, e.action, e.at FROM status_notices n "
         "JOIN status_notice_events e ON e.notice_id = n.id "
         "WHERE n.kind = 'incident' AND n.created_at >= ? AND n.created_at < ? "
         "AND e.action IN ('confirm_organization', 'confirm_general', 'restore') "
         "ORDER BY e.notice_id, e.id";
}

std::map<std::int64_t, std::vector<IncidentMilestone>> incident_milestones_between(Connection& c,
                                                                                   Instant from,
                                                                                   Instant to) {
  std::map<std::int64_t, std::vector<IncidentMilestone>> out;
  for (const auto& r : c.query(incident_milestones_sql(), {to_millis(from), to_millis(to)})) {
    out[r.integer(0)].push_back({r.text(1), from_millis(r.integer(2))});
  }
  return out;
}

std::string incident_components_sql() {
  return "SELECT nc.notice_id, nc.component_id FROM status_notices n "
         "JOIN status_notice_components nc ON nc.notice_id = n.id "
         "WHERE n.kind = 'incident' AND n.created_at >= ? AND n.created_at < ? "
         "ORDER BY nc.notice_id, nc.component_id";
}

std::map<std::int64_t, std::vector<std::int64_t>> incident_components_between(Connection& c,
                                                                              Instant from,
                                                                              Instant to) {
  std::map<std::int64_t, std::vector<std::int64_t>> out;
  for (const auto& r : c.query(incident_components_sql(), {to_millis(from), to_millis(to)})) {
    out[r.integer(0)].push_back(r.integer(1));
  }
  return out;
}

std::string incident_ticket_counts_sql() {
  return "SELECT t.notice_id, COUNT(*) FROM status_notices n "
         "JOIN status_notice_tickets t ON t.notice_id = n.id "
         "WHERE n.kind = 'incident' AND n.created_at >= ? AND n.created_at < ? "
         "GROUP BY t.notice_id";
}

std::map<std::int64_t, std::int64_t> incident_ticket_counts_between(Connection& c, Instant from,
                                                                    Instant to) {
  std::map<std::int64_t, std::int64_t> out;
  for (const auto& r : c.query(incident_ticket_counts_sql(), {to_millis(from), to_millis(to)})) {
    out[r.integer(0)] = r.integer(1);
  }
  return out;
}

}  // namespace guiche::store
