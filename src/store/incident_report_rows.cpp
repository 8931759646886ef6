#include "store/incident_report_rows.hpp"

#include "store/id_slices.hpp"
#include "store/row_values.hpp"

namespace guiche::store {
std::string incidents_reported_sql() {
  // `kind = 'incident'` as the partial index says it, so both engines use it.
  return "SELECT id, state, title, organization_id, created_at, first_published_at "
         "FROM status_notices WHERE kind = 'incident' AND created_at >= ? AND created_at < ? "
         "ORDER BY created_at, id";
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

std::string incident_milestones_sql(std::size_t n) {
  return "SELECT notice_id, action, at FROM status_notice_events WHERE notice_id IN (" +
         id_marks(n) +
         ") AND action IN ('confirm_organization', 'confirm_general', 'restore') "
         "ORDER BY notice_id, id";
}

std::map<std::int64_t, std::vector<IncidentMilestone>> incident_milestones(
    Connection& c, const std::vector<std::int64_t>& notice_ids) {
  std::map<std::int64_t, std::vector<IncidentMilestone>> out;
  for_id_slices(notice_ids, [&](std::size_t n, const std::vector<Value>& params) {
    for (const auto& r : c.query(incident_milestones_sql(n), params)) {
      out[r.integer(0)].push_back({r.text(1), from_millis(r.integer(2))});
    }
  });
  return out;
}

std::map<std::int64_t, std::vector<std::int64_t>> notice_components_of(
    Connection& c, const std::vector<std::int64_t>& notice_ids) {
  std::map<std::int64_t, std::vector<std::int64_t>> out;
  for_id_slices(notice_ids, [&](std::size_t n, const std::vector<Value>& params) {
    for (const auto& r : c.query(
             "SELECT notice_id, component_id FROM status_notice_components WHERE notice_id IN (" +
                 id_marks(n) + ") ORDER BY notice_id, component_id",
             params)) {
      out[r.integer(0)].push_back(r.integer(1));
    }
  });
  return out;
}

std::string linked_ticket_counts_sql(std::size_t n) {
  return "SELECT notice_id, COUNT(*) FROM status_notice_tickets WHERE notice_id IN (" +
         id_marks(n) + ") GROUP BY notice_id";
}

std::map<std::int64_t, std::int64_t> linked_ticket_counts(
    Connection& c, const std::vector<std::int64_t>& notice_ids) {
  std::map<std::int64_t, std::int64_t> out;
  for_id_slices(notice_ids, [&](std::size_t n, const std::vector<Value>& params) {
    for (const auto& r : c.query(linked_ticket_counts_sql(n), params)) {
      out[r.integer(0)] = r.integer(1);
    }
  });
  return out;
}

}  // namespace guiche::store
