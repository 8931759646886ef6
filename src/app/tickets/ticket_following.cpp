// See ticket_following.hpp.
#include "app/tickets/ticket_following.hpp"

#include "app/access_policy.hpp"
#include "domain/error.hpp"
#include "store/person_rows.hpp"
#include "store/ticket_follower_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {
namespace {

void require_staff_member(const Actor& a) {
  require_active(a);
  if (!is_staff(a.person)) throw forbidden("Somente a equipe segue chamados.");
}

// The ticket `a` may see, or "not found".
Ticket visible_ticket(DeskContext& ctx, store::Connection& c, const Actor& a, std::int64_t id) {
  auto t = store::load_ticket(c, id);
  if (!t || !can_view_ticket(a.person, *t, *ctx.unit_tree(c))) {
    throw not_found("Chamado não encontrado.");
  }
  return *t;
}

}  // namespace

void TicketFollowing::follow(const Actor& a, std::int64_t ticket_id) {
  require_staff_member(a);
  ctx_.db.write([&](store::Connection& c) {
    visible_ticket(ctx_, c, a, ticket_id);
    store::add_ticket_follower(c, {ticket_id, store::kWatcher, a.id(), 0, "", ctx_.now()});
  });
}

void TicketFollowing::unfollow(const Actor& a, std::int64_t ticket_id) {
  require_staff_member(a);
  ctx_.db.write([&](store::Connection& c) {
    visible_ticket(ctx_, c, a, ticket_id);
    store::remove_ticket_follower(c, ticket_id, store::kWatcher, a.id(), 0);
  });
}

bool TicketFollowing::is_following(const Actor& a, std::int64_t ticket_id) {
  require_active(a);
  bool following = false;
  ctx_.db.read([&](store::Connection& c) { following = store::is_watching(c, ticket_id, a.id()); });
  return following;
}

std::vector<TicketFollowerView> TicketFollowing::followers(const Actor& a, std::int64_t ticket_id) {
  require_staff_member(a);
  std::vector<TicketFollowerView> out;
  ctx_.db.read([&](store::Connection& c) {
    visible_ticket(ctx_, c, a, ticket_id);
    for (const auto& f : store::ticket_followers(c, ticket_id)) {
      TicketFollowerView v{f.person_id, "", f.kind, ""};
      if (auto p = store::load_person(c, f.person_id)) v.name = p->name;
      if (f.via_ticket_id) {
        if (auto via = store::load_ticket(c, f.via_ticket_id)) v.via_protocol = via->protocol;
      }
      out.push_back(std::move(v));
    }
  });
  return out;
}

std::vector<Ticket> TicketFollowing::followed(const Actor& a, std::optional<std::int64_t> before_id,
                                              int limit) {
  require_staff_member(a);
  std::vector<Ticket> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = ctx_.unit_tree(c);
    for (auto id : store::watched_ticket_ids(c, a.id(), before_id, limit)) {
      auto t = store::load_ticket(c, id);
      if (t && can_view_ticket(a.person, *t, *units)) out.push_back(std::move(*t));
    }
  });
  return out;
}

std::vector<AgentNotificationView> TicketFollowing::notifications(
    const Actor& a, std::optional<std::int64_t> before_id, int limit) {
  require_staff_member(a);
  std::vector<AgentNotificationView> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = ctx_.unit_tree(c);
    for (auto& n : store::agent_notifications(c, a.id(), before_id, limit)) {
      auto t = store::load_ticket(c, n.ticket_id);
      // A ticket routed out of the agent's reach since: no longer theirs to read.
      if (!t || !can_view_ticket(a.person, *t, *units)) continue;
      AgentNotificationView v{n, t->protocol, t->subject, "", ""};
      if (n.actor_id) {
        if (auto p = store::load_person(c, *n.actor_id)) v.actor_name = p->name;
      }
      if (auto e = store::load_event(c, n.ticket_id, n.event_seq)) {
        v.text = e->data.value("text", std::string());
      }
      out.push_back(std::move(v));
    }
  });
  return out;
}

int TicketFollowing::unread(const Actor& a, int bound) {
  require_active(a);
  int count = 0;
  ctx_.db.read(
      [&](store::Connection& c) { count = store::unread_agent_notifications(c, a.id(), bound); });
  return count;
}

void TicketFollowing::mark_read(const Actor& a, std::optional<std::int64_t> ticket_id) {
  require_active(a);
  // Opening a ticket marks its notifications read: a write only when there are some.
  if (ticket_id) {
    bool unread = false;
    ctx_.db.read([&](store::Connection& c) {
      unread = store::has_unread_agent_notification(c, a.id(), *ticket_id);
    });
    if (!unread) return;
  }
  ctx_.db.write([&](store::Connection& c) {
    store::mark_agent_notifications_read(c, a.id(), ticket_id, ctx_.now());
  });
}

}  // namespace guiche::app
