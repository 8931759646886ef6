#include "store/charter_rows.hpp"

namespace guiche::store {

std::optional<CharterHeader> load_charter_header(Connection& c) {
  auto row = c.query_one(
      "SELECT unit_name, who_we_are, contacts, address, website FROM charter_header WHERE id = 1");
  if (!row) return std::nullopt;
  return CharterHeader{row->text(0), row->text(1), row->text(2), row->text(3), row->text(4)};
}

void save_charter_header(Connection& c, const CharterHeader& h, Instant at, std::int64_t by) {
  c.query("DELETE FROM charter_header WHERE id = 1");
  c.query(
      "INSERT INTO charter_header (id, unit_name, who_we_are, contacts, address, website, "
      "updated_at, updated_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
      {h.unit_name, h.who_we_are, h.contacts, h.address, h.website, to_millis(at), by});
}

ServiceTicketFigures service_ticket_figures(Connection& c, std::int64_t service_id, Instant since) {
  ServiceTicketFigures f;
  // One range of tickets_service_created; the resolution clock by its key.
  auto row = c.query_one(
      "SELECT count(*), count(t.resolved_at), "
      "COALESCE(sum(CASE WHEN t.resolved_at IS NOT NULL AND s.ticket_id IS NOT NULL "
      "THEN 1 ELSE 0 END), 0), "
      "COALESCE(sum(CASE WHEN t.resolved_at IS NOT NULL AND s.breached = 0 "
      "THEN 1 ELSE 0 END), 0), "
      "count(t.rating), COALESCE(sum(t.rating), 0) "
      "FROM tickets t LEFT JOIN ticket_sla s ON s.ticket_id = t.id AND s.target = 'resolution' "
      "WHERE t.service_id = ? AND t.created_at >= ?",
      {service_id, to_millis(since)});
  if (!row) return f;
  f.registered = row->integer(0);
  f.resolved = row->integer(1);
  f.resolved_with_clock = row->integer(2);
  f.resolved_in_time = row->integer(3);
  f.ratings = row->integer(4);
  f.rating_sum = row->integer(5);
  if (f.resolved > 0) {
    // The lower median: the middle one of an odd count, the first of the two of an even one.
    auto middle = c.query_one(
        "SELECT t.resolved_at - t.created_at AS took FROM tickets t "
        "WHERE t.service_id = ? AND t.created_at >= ? AND t.resolved_at IS NOT NULL "
        "ORDER BY took LIMIT 1 OFFSET ?",
        {service_id, to_millis(since), std::int64_t{(f.resolved - 1) / 2}});
    if (middle) f.median_resolution_ms = middle->integer(0);
  }
  return f;
}

}  // namespace guiche::store
