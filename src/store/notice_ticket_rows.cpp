#include "store/notice_ticket_rows.hpp"

namespace guiche::store {

bool link_notice_ticket(Connection& c, std::int64_t notice_id, std::int64_t ticket_id,
                        std::optional<std::int64_t> by, Instant at) {
  if (c.query_one("SELECT 1 FROM status_notice_tickets WHERE notice_id = ? AND ticket_id = ?",
                  {notice_id, ticket_id})) {
    return false;
  }
  c.query(
      "INSERT INTO status_notice_tickets (notice_id, ticket_id, linked_by, linked_at) "
      "VALUES (?, ?, ?, ?)",
      {notice_id, ticket_id, optional_value(by), to_millis(at)});
  return true;
}

void unlink_notice_ticket(Connection& c, std::int64_t notice_id, std::int64_t ticket_id) {
  c.query("DELETE FROM status_notice_tickets WHERE notice_id = ? AND ticket_id = ?",
          {notice_id, ticket_id});
}

std::vector<std::int64_t> notice_ticket_ids(Connection& c, std::int64_t notice_id) {
  std::vector<std::int64_t> ids;
  for (const auto& r :
       c.query("SELECT ticket_id FROM status_notice_tickets WHERE notice_id = ? ORDER BY ticket_id",
               {notice_id})) {
    ids.push_back(r.integer(0));
  }
  return ids;
}

std::vector<std::int64_t> ticket_notice_ids(Connection& c, std::int64_t ticket_id) {
  std::vector<std::int64_t> ids;
  for (const auto& r :
       c.query("SELECT notice_id FROM status_notice_tickets WHERE ticket_id = ? ORDER BY notice_id",
               {ticket_id})) {
    ids.push_back(r.integer(0));
  }
  return ids;
}

}  // namespace guiche::store
