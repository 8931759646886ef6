#include "store/ticket_follower_rows.hpp"

namespace guiche::store {

bool add_ticket_follower(Connection& c, const TicketFollower& f) {
  if (c.query_one("SELECT 1 FROM ticket_followers WHERE ticket_id = ? AND kind = ? AND "
                  "person_id = ? AND via_ticket_id = ?",
                  {f.ticket_id, f.kind, f.person_id, f.via_ticket_id})) {
    return false;
  }
  c.query(
      "INSERT INTO ticket_followers (ticket_id, kind, person_id, via_ticket_id, channel, since) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {f.ticket_id, f.kind, f.person_id, f.via_ticket_id, f.channel, to_millis(f.since)});
  return true;
}

void remove_ticket_follower(Connection& c, std::int64_t ticket_id, const std::string& kind,
                            std::int64_t person_id, std::int64_t via_ticket_id) {
  c.query(
      "DELETE FROM ticket_followers WHERE ticket_id = ? AND kind = ? AND person_id = ? AND "
      "via_ticket_id = ?",
      {ticket_id, kind, person_id, via_ticket_id});
}

std::vector<TicketFollower> ticket_followers(Connection& c, std::int64_t ticket_id) {
  std::vector<TicketFollower> out;
  for (const auto& r : c.query(
           "SELECT ticket_id, kind, person_id, via_ticket_id, channel, since FROM ticket_followers "
           "WHERE ticket_id = ? ORDER BY kind DESC, person_id, via_ticket_id",
           {ticket_id})) {
    out.push_back({r.integer(0), r.text(1), r.integer(2), r.integer(3), r.text(4),
                   from_millis(r.integer(5))});
  }
  return out;
}

bool is_watching(Connection& c, std::int64_t ticket_id, std::int64_t person_id) {
  return c
      .query_one(
          "SELECT 1 FROM ticket_followers WHERE ticket_id = ? AND kind = ? AND person_id = ? AND "
          "via_ticket_id = 0",
          {ticket_id, std::string(kWatcher), person_id})
      .has_value();
}

std::vector<std::int64_t> watched_ticket_ids(Connection& c, std::int64_t person_id,
                                             std::optional<std::int64_t> before_id, int limit) {
  std::vector<Value> params{person_id, std::string(kWatcher)};
  std::string sql = "SELECT ticket_id FROM ticket_followers WHERE person_id = ? AND kind = ?";
  if (before_id) {
    sql += " AND ticket_id < ?";
    params.emplace_back(*before_id);
  }
  sql += " ORDER BY ticket_id DESC LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(limit));
  std::vector<std::int64_t> ids;
  for (const auto& r : c.query(sql, params)) ids.push_back(r.integer(0));
  return ids;
}

}  // namespace guiche::store
