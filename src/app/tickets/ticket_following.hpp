#pragma once
// Agents following tickets, and what the workspace tells them (issue 19,
// item 5): an agent follows ("segue") a ticket they may see; an internal
// note's "@login" makes that colleague follow it too (tickets/ticket_work.cpp).
// The news of followed tickets and the mentions reach them as workspace
// notifications and e-mail (app/notices/follower_notices.cpp). The
// "Seguindo" queue lists what one person follows from their own rows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "domain/ticket.hpp"
#include "store/agent_notification_rows.hpp"

namespace guiche::app {

struct TicketFollowerView {
  std::int64_t person_id = 0;
  std::string name;
  std::string kind;          // "watcher" | "requester"
  std::string via_protocol;  // the merged duplicate, for "requester"
};

struct AgentNotificationView {
  store::AgentNotification row;
  std::string protocol;
  std::string subject;
  std::string actor_name;
  std::string text;  // the note or message, when the event has one
};

class TicketFollowing {
 public:
  explicit TicketFollowing(DeskContext& context) : ctx_(context) {}

  // Staff who may see the ticket follow it, or stop.
  void follow(const Actor& a, std::int64_t ticket_id);
  void unfollow(const Actor& a, std::int64_t ticket_id);
  bool is_following(const Actor& a, std::int64_t ticket_id);
  // Who follows the ticket (staff only).
  std::vector<TicketFollowerView> followers(const Actor& a, std::int64_t ticket_id);
  // The tickets `a` follows and still may see, newest first; keyset by id.
  std::vector<Ticket> followed(const Actor& a, std::optional<std::int64_t> before_id, int limit);
  // `a`'s notifications, newest first; keyset by id.
  std::vector<AgentNotificationView> notifications(const Actor& a,
                                                   std::optional<std::int64_t> before_id,
                                                   int limit);
  // Unread notifications, counted up to `bound` ("50+").
  int unread(const Actor& a, int bound = 50);
  // Marks `a`'s notifications read: all, or those of one ticket (opening it).
  void mark_read(const Actor& a, std::optional<std::int64_t> ticket_id = std::nullopt);

 private:
  DeskContext& ctx_;
};

}  // namespace guiche::app
