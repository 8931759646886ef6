#include "store/ticket_seen_rows.hpp"

#include <string>

namespace guiche::store {

void note_ticket_seen(Connection& c, std::int64_t person_id, std::int64_t ticket_id, Instant at) {
  c.query(
      "INSERT INTO ticket_last_seen (person_id, ticket_id, seen_at) VALUES (?, ?, ?) "
      "ON CONFLICT (person_id, ticket_id) DO UPDATE SET seen_at = excluded.seen_at",
      {person_id, ticket_id, to_millis(at)});
}

std::set<std::int64_t> tickets_with_requester_reply_unseen(
    Connection& c, std::int64_t person_id, const std::vector<std::int64_t>& ticket_ids) {
  std::set<std::int64_t> out;
  if (ticket_ids.empty()) return out;
  std::vector<Value> params = {person_id};
  std::string in;
  for (auto id : ticket_ids) {
    in += in.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  // The page's tickets only (at most a page): their events by the primary
  // key, the agent's rows by theirs.
  const auto rows = c.query(
      "SELECT DISTINCT e.ticket_id FROM ticket_events e "
      "JOIN tickets t ON t.id = e.ticket_id "
      "LEFT JOIN ticket_last_seen s ON s.ticket_id = e.ticket_id AND s.person_id = ? "
      "WHERE e.ticket_id IN (" +
          in +
          ") AND e.kind = 'public_reply' AND e.actor_id = t.requester_id "
          "AND (s.seen_at IS NULL OR e.occurred_at > s.seen_at)",
      params);
  for (const auto& r : rows) out.insert(r.integer(0));
  return out;
}

}  // namespace guiche::store
