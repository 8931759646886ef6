#include "app/incidents/notice_tickets.hpp"

#include <algorithm>

#include "app/access_policy.hpp"
#include "app/incidents/notice_standing.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "store/known_incident_rows.hpp"
#include "store/notice_event_rows.hpp"
#include "store/notice_ticket_rows.hpp"
#include "store/organization_rows.hpp"
#include "store/person_rows.hpp"
#include "store/status_component_rows.hpp"
#include "store/status_notice_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {
namespace {

constexpr int kMostKnown = 5;
constexpr int kMostLinkable = 200;

// The notice as its staff reads it, or "not found" for anyone else (a
// reporter may read their own report, but keeps no links).
StatusNotice readable_notice(store::Connection& c, const Actor& a, std::int64_t notice_id,
                             bool for_update) {
  auto n = store::load_notice(c, notice_id, for_update);
  if (!n || (!is_desk_staff(a.person) && n->reported_by != a.id())) {
    throw not_found("Comunicado não encontrado.");
  }
  return *n;
}

// Refused (forbidden or conflict) unless domain/incidents/notice_transitions
// allows `action` to `a` on `n`.
void require_allowed(store::Connection& c, DeskContext& ctx, const Actor& a, const StatusNotice& n,
                     NoticeAction action) {
  std::vector<StatusComponent> components;
  for (auto id : n.component_ids) {
    if (auto component = store::load_status_component(c, id)) {
      components.push_back(std::move(*component));
    }
  }
  std::optional<Organization> organization;
  if (a.person.organization_id) {
    organization = store::load_organization(c, *a.person.organization_id);
  }
  const auto d =
      decide_notice_action(n.kind, n.state, action,
                           notice_standing(a.person, components, *ctx.unit_tree(c), organization));
  if (d.outcome == NoticeDecision::Outcome::forbidden) throw forbidden(d.reason);
  if (d.outcome == NoticeDecision::Outcome::conflict) throw conflict(d.reason);
}

// An event of the notice's timeline: the desk's bookkeeping, with no
// message, so never public.
void record_on_notice(store::Connection& c, const Actor& a, const StatusNotice& n,
                      NoticeAction action, nlohmann::json data, Instant now) {
  NoticeEvent e;
  e.notice_id = n.id;
  e.action = action;
  e.state_after = n.state;
  e.at = now;
  if (a.id() != 0) e.actor_id = a.id();
  e.channel = a.channel;
  e.data = std::move(data);
  store::insert_notice_event(c, e);
}

LinkedTicket linked_view(const Ticket& t, bool visible, const std::string& requester_name) {
  LinkedTicket l;
  l.id = t.id;
  l.protocol = t.protocol;
  l.status = t.status;
  l.visible = visible;
  if (visible) {
    l.subject = t.subject;
    l.requester_name = requester_name;
  }
  return l;
}

}  // namespace

NoticeView NoticeTickets::link_ticket(const Actor& a, std::int64_t notice_id,
                                      std::int64_t ticket_id) {
  return change_link(a, notice_id, ticket_id, true);
}

NoticeView NoticeTickets::unlink_ticket(const Actor& a, std::int64_t notice_id,
                                        std::int64_t ticket_id) {
  return change_link(a, notice_id, ticket_id, false);
}

NoticeView NoticeTickets::change_link(const Actor& a, std::int64_t notice_id,
                                      std::int64_t ticket_id, bool link) {
  require_active(a);
  ledger_.write([&](LedgerWrite& w) {
    auto& c = w.connection();
    // The ticket first, then the notice: the order every writer locks them in.
    auto ticket = w.lock(ticket_id);
    const auto n = readable_notice(c, a, notice_id, true);
    if (!ticket || !can_view_ticket(a.person, *ticket, *ctx_.unit_tree(c))) {
      throw not_found("Chamado não encontrado.");
    }
    require_allowed(c, ctx_, a, n, link ? NoticeAction::link_ticket : NoticeAction::unlink_ticket);
    const auto linked = store::ticket_notice_ids(c, ticket_id);
    const bool was_linked = std::find(linked.begin(), linked.end(), notice_id) != linked.end();
    if (was_linked == link) return;  // already so: nothing to record
    if (link) {
      store::link_notice_ticket(c, notice_id, ticket_id,
                                a.id() != 0 ? std::optional(a.id()) : std::nullopt, w.now());
    } else {
      store::unlink_notice_ticket(c, notice_id, ticket_id);
    }
    record_on_notice(c, a, n, link ? NoticeAction::link_ticket : NoticeAction::unlink_ticket,
                     {{"ticket_id", ticket->id}, {"protocol", ticket->protocol}}, w.now());
    // Internal, as links between tickets are: the notice may not be public.
    w.record(*ticket,
             {{link ? EventKind::notice_linked : EventKind::notice_unlinked,
               {{"notice_id", n.id}, {"notice_title", n.title}},
               false}},
             a);
  });
  return notices_.notice(a, notice_id);
}

ResolveLinkedReport NoticeTickets::resolve_linked_tickets(const Actor& a, std::int64_t notice_id,
                                                          const std::string& note,
                                                          int time_spent_minutes) {
  require_active(a);
  const std::string text = required_text(note, "note", "A nota de resolução", 20000);
  if (time_spent_minutes < 1 || time_spent_minutes > 100000) {
    throw invalid_field("time_spent_minutes",
                        "Informe o tempo gasto em cada chamado em minutos (1 a 100000).");
  }
  std::vector<std::int64_t> ids;
  ctx_.db.read([&](store::Connection& c) {
    const auto n = readable_notice(c, a, notice_id, false);
    require_allowed(c, ctx_, a, n, NoticeAction::resolve_tickets);
    ids = store::notice_ticket_ids(c, notice_id);
  });
  // Each ticket in its own transaction, through the use cases that resolve
  // one by hand: its rules, its events, its requester's notice.
  ResolveLinkedReport report;
  for (auto id : ids) {
    LinkedTicketOutcome outcome;
    try {
      std::optional<Ticket> t;
      ctx_.db.read([&](store::Connection& c) { t = store::load_ticket(c, id); });
      if (!t) continue;  // links name tickets that exist (foreign key)
      outcome.ticket = linked_view(*t, false, "");
      if (!status_is_open(t->status)) {
        outcome.result = LinkedTicketOutcome::Result::already_done;
      } else {
        if (t->status == Status::new_ || t->status == Status::triage) {
          work_.assign(a, id, a.id());  // "assign to me": the lifecycle resolves assigned tickets
        }
        work_.resolve(a, id, text, time_spent_minutes);
        outcome.result = LinkedTicketOutcome::Result::resolved;
        ++report.resolved;
      }
    } catch (const DomainError& e) {
      outcome.result = LinkedTicketOutcome::Result::failed;
      outcome.reason = e.what();
      ++report.failed;
    }
    report.tickets.push_back(std::move(outcome));
  }
  // The timeline tells what was done, and the report what each ticket is now.
  nlohmann::json resolved = nlohmann::json::array();
  nlohmann::json failed = nlohmann::json::array();
  ctx_.db.write([&](store::Connection& c) {
    const auto n = readable_notice(c, a, notice_id, true);
    const auto units = ctx_.unit_tree(c);
    for (auto& o : report.tickets) {
      if (auto t = store::load_ticket(c, o.ticket.id)) {
        std::string requester;
        const bool visible = can_view_ticket(a.person, *t, *units);
        if (visible) {
          if (auto p = store::load_person(c, t->requester_id)) requester = p->name;
        }
        o.ticket = linked_view(*t, visible, requester);
      }
      if (o.result == LinkedTicketOutcome::Result::resolved) resolved.push_back(o.ticket.protocol);
      if (o.result == LinkedTicketOutcome::Result::failed) {
        failed.push_back({{"protocol", o.ticket.protocol}, {"reason", o.reason}});
      }
    }
    record_on_notice(c, a, n, NoticeAction::resolve_tickets,
                     {{"note", text}, {"resolved", resolved}, {"failed", failed}}, ctx_.now());
  });
  return report;
}

std::vector<StatusNotice> NoticeTickets::ticket_notices(const Actor& a, std::int64_t ticket_id) {
  require_active(a);
  if (!is_desk_staff(a.person))
    throw forbidden("Somente a equipe vê os comunicados de um chamado.");
  std::vector<StatusNotice> out;
  bool found = false;
  ctx_.db.read([&](store::Connection& c) {
    if (!ctx_.visible_ticket(c, a, ticket_id)) return;
    found = true;
    for (auto id : store::ticket_notice_ids(c, ticket_id)) {
      if (auto n = store::load_notice(c, id)) out.push_back(std::move(*n));
    }
  });
  if (!found) throw not_found("Chamado não encontrado.");
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<StatusNotice> NoticeTickets::linkable_notices(const Actor& a) {
  require_active(a);
  if (!is_desk_staff(a.person)) throw forbidden("Somente a equipe vincula chamados a comunicados.");
  std::vector<StatusNotice> out;
  ctx_.db.read([&](store::Connection& c) { out = store::open_notices(c, kMostLinkable); });
  return out;
}

std::vector<StatusNotice> NoticeTickets::known_incidents(const std::optional<Person>& viewer,
                                                         std::int64_t service_id) {
  std::vector<StatusNotice> out;
  const bool signed_in = viewer && viewer->active;
  ctx_.db.read([&](store::Connection& c) {
    for (auto id : store::open_published_notices_of_service(
             c, service_id, signed_in ? viewer->organization_id : std::nullopt,
             signed_in && is_desk_staff(*viewer), kMostKnown)) {
      if (auto n = store::load_notice(c, id)) out.push_back(std::move(*n));
    }
  });
  return out;
}

}  // namespace guiche::app
