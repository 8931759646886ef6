#include "store/manifestation_report_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {

std::string manifestations_registered_sql() {
  return "SELECT id, kind, status, service_id, registered_on, due_on, extension_days, "
         "complement_requested, answered_at, closed_at FROM manifestations "
         "WHERE registered_on >= ? AND registered_on <= ? ORDER BY registered_on, id";
}

std::vector<ManifestationReportRow> manifestations_registered_between(Connection& c, Date first,
                                                                      Date last) {
  std::vector<ManifestationReportRow> out;
  for (const auto& r :
       c.query(manifestations_registered_sql(), {format_date(first), format_date(last)})) {
    ManifestationReportRow row;
    row.id = r.integer(0);
    row.kind = r.text(1);
    row.status = r.text(2);
    row.service_id = r.optional_integer(3);
    row.registered_on = date_at(r, 4).value_or(Date{});
    row.due_on = date_at(r, 5).value_or(Date{});
    row.extended = !r.is_null(6);
    row.complement_requested = r.integer(7) != 0;
    row.answered_at = instant_at(r, 8);
    row.closed_at = instant_at(r, 9);
    out.push_back(std::move(row));
  }
  return out;
}

std::string manifestation_ticket_counts_sql() {
  return "SELECT t.manifestation_id, COUNT(*) FROM manifestations m "
         "JOIN manifestation_tickets t ON t.manifestation_id = m.id "
         "WHERE m.registered_on >= ? AND m.registered_on <= ? GROUP BY t.manifestation_id";
}

std::map<std::int64_t, std::int64_t> manifestation_ticket_counts_between(Connection& c, Date first,
                                                                         Date last) {
  std::map<std::int64_t, std::int64_t> out;
  for (const auto& r :
       c.query(manifestation_ticket_counts_sql(), {format_date(first), format_date(last)})) {
    out[r.integer(0)] = r.integer(1);
  }
  return out;
}

}  // namespace guiche::store
