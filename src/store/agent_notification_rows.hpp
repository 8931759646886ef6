#pragma once
// What the workspace tells an agent (migration v043): a mention of their
// @login in an internal note, news of a ticket they watch. Ids only: the
// text shown is the event's.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct AgentNotification {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::int64_t ticket_id = 0;
  std::string kind;  // "mention" | "watch"
  std::int64_t event_seq = 0;
  std::optional<std::int64_t> actor_id;
  Instant at{};
  std::optional<Instant> read_at;
};

void insert_agent_notification(Connection& c, const AgentNotification& n);
// The person's newest notifications, below `before_id` when given.
std::vector<AgentNotification> agent_notifications(Connection& c, std::int64_t person_id,
                                                   std::optional<std::int64_t> before_id,
                                                   int limit);
// Unread ones, counted up to `bound` (the tab shows "50+", never a scan).
int unread_agent_notifications(Connection& c, std::int64_t person_id, int bound);
// Whether the person has unread notifications of the ticket (read from
// their unread ones only).
bool has_unread_agent_notification(Connection& c, std::int64_t person_id, std::int64_t ticket_id);
// Marks the person's notifications read: all, or those of one ticket.
void mark_agent_notifications_read(Connection& c, std::int64_t person_id,
                                   std::optional<std::int64_t> ticket_id, Instant now);

}  // namespace guiche::store
