#include "store/agent_notification_rows.hpp"

namespace guiche::store {

void insert_agent_notification(Connection& c, const AgentNotification& n) {
  c.query(
      "INSERT INTO agent_notifications (person_id, ticket_id, kind, event_seq, actor_id, at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {n.person_id, n.ticket_id, n.kind, n.event_seq, n.actor_id ? Value{*n.actor_id} : Value{},
       to_millis(n.at)});
}

std::vector<AgentNotification> agent_notifications(Connection& c, std::int64_t person_id,
                                                   std::optional<std::int64_t> before_id,
                                                   int limit) {
  std::vector<Value> params{person_id};
  std::string sql =
      "SELECT id, person_id, ticket_id, kind, event_seq, actor_id, at, read_at FROM "
      "agent_notifications WHERE person_id = ?";
  if (before_id) {
    sql += " AND id < ?";
    params.emplace_back(*before_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(limit));
  std::vector<AgentNotification> out;
  for (const auto& r : c.query(sql, params)) {
    AgentNotification n;
    n.id = r.integer(0);
    n.person_id = r.integer(1);
    n.ticket_id = r.integer(2);
    n.kind = r.text(3);
    n.event_seq = r.integer(4);
    n.actor_id = r.optional_integer(5);
    n.at = from_millis(r.integer(6));
    if (auto read = r.optional_integer(7)) n.read_at = from_millis(*read);
    out.push_back(std::move(n));
  }
  return out;
}

int unread_agent_notifications(Connection& c, std::int64_t person_id, int bound) {
  // Ordered by the partial index's key so that SQLite reads that index (its
  // planner otherwise walks all the person's notifications by
  // agent_notifications_person): bench/following_scale.py.
  return static_cast<int>(c.query_one("SELECT count(*) FROM (SELECT ticket_id FROM "
                                      "agent_notifications WHERE person_id = ? AND "
                                      "read_at IS NULL ORDER BY ticket_id LIMIT ?) AS unread",
                                      {person_id, static_cast<std::int64_t>(bound)})
                              ->integer(0));
}

bool has_unread_agent_notification(Connection& c, std::int64_t person_id, std::int64_t ticket_id) {
  return c
      .query_one(
          "SELECT 1 FROM agent_notifications WHERE person_id = ? AND read_at IS NULL AND "
          "ticket_id = ? LIMIT 1",
          {person_id, ticket_id})
      .has_value();
}

void mark_agent_notifications_read(Connection& c, std::int64_t person_id,
                                   std::optional<std::int64_t> ticket_id, Instant now) {
  std::vector<Value> params{to_millis(now), person_id};
  std::string sql =
      "UPDATE agent_notifications SET read_at = ? WHERE person_id = ? AND read_at IS NULL";
  if (ticket_id) {
    sql += " AND ticket_id = ?";
    params.emplace_back(*ticket_id);
  }
  c.query(sql, params);
}

}  // namespace guiche::store
