// Notices to those who follow a ticket besides its requester and assignee
// (notices.hpp, notify_followers): the requesters of merged duplicates,
// watching agents, and colleagues mentioned in an internal note.
#include <set>

#include "app/notices/notices.hpp"
#include "store/agent_notification_rows.hpp"
#include "store/person_rows.hpp"
#include "store/ticket_follower_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {
namespace {

// What a watching agent is told an event did; empty: nothing to tell.
std::string watched_news(const TicketEvent& e, const Actor& a) {
  const auto& d = e.data;
  switch (e.kind) {
    case EventKind::public_reply:
      return d.value("from_agent", false) ? a.person.name + " respondeu ao solicitante."
                                          : "o solicitante respondeu.";
    case EventKind::internal_note:
      return a.person.name + " escreveu uma nota interna.";
    case EventKind::status_changed:
      return "a situação passou a \"" +
             std::string(status_label_pt(parse_status(d.value("to", "")).value_or(Status::new_))) +
             "\".";
    case EventKind::routed:
      return "foi encaminhada à unidade " + d.value("unit_code", std::string()) + ".";
    case EventKind::assigned:
      return "o responsável mudou.";
    case EventKind::resolved:
      return "foi resolvida.";
    case EventKind::reopened:
      return "foi reaberta.";
    case EventKind::cancelled:
      return "foi cancelada.";
    case EventKind::merged:
      return "foi unida à SA " + d.value("into_protocol", std::string()) + ".";
    case EventKind::merge_received:
      return "recebeu " + std::to_string(d.value("from", nlohmann::json::array()).size()) +
             " chamado(s) duplicado(s).";
    default:
      return "";
  }
}

// The text a merged duplicate's requester is told; empty: nothing.
std::string merged_news(const TicketEvent& e) {
  if (!e.is_public) return "";
  if (e.kind == EventKind::public_reply && e.data.value("from_agent", false)) {
    return e.data.value("text", std::string());
  }
  if (e.kind == EventKind::resolved) {
    return "O problema foi resolvido.\n\n" + e.data.value("resolution", std::string());
  }
  if (e.kind == EventKind::reopened) return "O atendimento foi retomado.";
  return "";
}

}  // namespace

void Notices::notify_followers(store::Connection& c, const Ticket& ticket,
                               const std::vector<TicketEvent>& events, const Actor& a,
                               Instant now) {
  bool any = false;
  for (const auto& e : events) {
    any = any || !watched_news(e, a).empty() || e.data.contains("mentions");
  }
  if (!any) return;
  const auto followers = store::ticket_followers(c, ticket.id);
  const std::string agent_url = ctx_.config.public_url + "/atendimento/chamados/" + ticket.protocol;
  const nlohmann::json base{
      {"protocol", ticket.protocol}, {"subject", ticket.subject}, {"ticket_url", agent_url}};
  auto notify_agent = [&](std::int64_t person_id, const char* kind, const TicketEvent& e,
                          const std::string& key, nlohmann::json values) {
    if (person_id == a.id()) return;  // nobody hears of their own action
    auto to = store::load_person(c, person_id);
    if (!to || !to->active) return;
    store::insert_agent_notification(
        c, {0, person_id, ticket.id, kind, e.seq,
            a.id() ? std::optional<std::int64_t>(a.id()) : std::nullopt, now, std::nullopt});
    nlohmann::json merged = base;
    merged.update(values);
    enqueue(c, key, *to, ticket.id, std::move(merged), now);
  };
  for (const auto& e : events) {
    std::set<std::int64_t> told;
    if (e.kind == EventKind::internal_note && e.data.contains("mentions")) {
      for (const auto& m : e.data["mentions"]) {
        const auto id = m.value("id", std::int64_t{0});
        if (!told.insert(id).second) continue;
        notify_agent(id, "mention", e, "mention",
                     {{"agent", a.person.name}, {"text", e.data.value("text", std::string())}});
      }
    }
    const std::string news = watched_news(e, a);
    const std::string public_news = merged_news(e);
    for (const auto& f : followers) {
      if (f.kind == store::kWatcher && !news.empty() && told.insert(f.person_id).second) {
        notify_agent(
            f.person_id, "watch", e, "watched_update",
            {{"what", news},
             {"text", e.kind == EventKind::public_reply || e.kind == EventKind::internal_note
                          ? e.data.value("text", std::string())
                          : std::string()}});
      }
      if (f.kind == store::kMergedRequester && !public_news.empty() && f.person_id != a.id()) {
        auto to = store::load_person(c, f.person_id);
        const auto duplicate_row = store::load_ticket(c, f.via_ticket_id);
        if (!to || !duplicate_row) continue;
        const std::string* duplicate = &duplicate_row->protocol;
        enqueue(c, "merged_news", *to, f.via_ticket_id,
                {{"protocol", *duplicate},
                 {"subject", ticket.subject},
                 {"into_protocol", ticket.protocol},
                 {"news", public_news},
                 {"ticket_url", request_url(*duplicate)}},
                now, parse_channel(f.channel));
      }
    }
  }
}

}  // namespace guiche::app
