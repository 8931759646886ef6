// Use cases that read tickets: one ticket, its history, queues and search.
#include "app/tickets/ticket_reads.hpp"

#include <algorithm>

#include "app/access_policy.hpp"
#include "domain/error.hpp"
#include "domain/protocol_number.hpp"
#include "store/sla_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {

Ticket TicketReads::ticket(const Actor& a, std::int64_t ticket_id) {
  require_active(a);
  std::optional<Ticket> t;
  ctx_.db.read([&](store::Connection& c) { t = ctx_.visible_ticket(c, a, ticket_id); });
  if (!t) throw not_found("Chamado não encontrado.");
  return *t;
}

std::pair<Ticket, std::vector<store::TicketSlaRow>> TicketReads::ticket_with_sla(
    const Actor& a, std::int64_t ticket_id) {
  require_active(a);
  std::optional<Ticket> t;
  std::vector<store::TicketSlaRow> sla;
  ctx_.db.read([&](store::Connection& c) {
    t = ctx_.visible_ticket(c, a, ticket_id);
    if (t) sla = cached_clocks(c, ticket_id);
  });
  if (!t) throw not_found("Chamado não encontrado.");
  return {std::move(*t), std::move(sla)};
}

Ticket TicketReads::ticket_by_protocol(const Actor& a, const std::string& protocol) {
  require_active(a);
  auto number = parse_protocol(protocol);
  if (!number) throw invalid_field("protocol", "Número de protocolo inválido (AAAA-NNNNNN).");
  std::optional<Ticket> t;
  ctx_.db.read([&](store::Connection& c) {
    t = store::load_ticket_by_protocol(c, format_protocol(number->year, number->sequence));
    if (t && !can_view_ticket(a.person, *t, *ctx_.unit_tree(c))) t.reset();
  });
  if (!t) throw not_found("Chamado não encontrado.");
  return *t;
}

std::vector<TicketEvent> TicketReads::history(const Actor& a, std::int64_t ticket_id) {
  require_active(a);
  std::vector<TicketEvent> events;
  bool visible = false;
  ctx_.db.read([&](store::Connection& c) {
    visible = ctx_.visible_ticket(c, a, ticket_id).has_value();
    if (visible) events = store::load_events(c, ticket_id);
  });
  if (!visible) throw not_found("Chamado não encontrado.");
  if (!is_staff(a.person)) {
    std::erase_if(events, [](const TicketEvent& e) { return !e.is_public; });
  }
  return events;
}

store::TicketPage TicketReads::list_tickets(const Actor& a, const store::TicketFilter& filter) {
  require_active(a);
  if (filter.text.size() > 500) throw invalid_field("q", "Texto de busca longo demais.");
  store::TicketFilter f = filter;
  f.deadline_as_of = ctx_.now();  // at risk and breached mean now
  store::TicketPage page;
  ctx_.db.read([&](store::Connection& c) {
    page = store::list_tickets(c, ticket_scope(a.person, *ctx_.unit_tree(c)), f);
  });
  return page;
}

std::int64_t TicketReads::count_tickets_up_to(const Actor& a, const store::TicketFilter& filter,
                                              int bound) {
  require_active(a);
  if (filter.text.size() > 500) throw invalid_field("q", "Texto de busca longo demais.");
  store::TicketFilter f = filter;
  f.deadline_as_of = ctx_.now();
  std::int64_t n = 0;
  ctx_.db.read([&](store::Connection& c) {
    n = store::count_tickets_up_to(c, ticket_scope(a.person, *ctx_.unit_tree(c)), f,
                                   std::clamp(bound, 1, 1000));
  });
  return n;
}

sla::SlaTimeline TicketReads::ticket_sla(const Actor& a, std::int64_t ticket_id) {
  require_active(a);
  const Instant now = ctx_.now();
  std::optional<sla::SlaTimeline> timeline;
  ctx_.db.read([&](store::Connection& c) {
    if (ctx_.visible_ticket(c, a, ticket_id))
      timeline = clocks_.timeline_of(c, ticket_id, now, true);
  });
  if (!timeline) throw not_found("Chamado não encontrado.");
  return *timeline;
}

std::vector<store::TicketSlaRow> TicketReads::ticket_sla_summary(const Actor& a,
                                                                 std::int64_t ticket_id) {
  require_active(a);
  std::optional<std::vector<store::TicketSlaRow>> rows;
  ctx_.db.read([&](store::Connection& c) {
    if (ctx_.visible_ticket(c, a, ticket_id)) rows = cached_clocks(c, ticket_id);
  });
  if (!rows) throw not_found("Chamado não encontrado.");
  return *rows;
}

DeadlineStanding TicketReads::deadline_standing(const Actor& a, const Ticket& ticket) {
  return app::deadline_standing(ctx_.calendars, ctx_.config.calendar, ticket,
                                ticket_sla_summary(a, ticket.id), ctx_.now());
}

std::vector<DeadlineStanding> TicketReads::deadline_standings(const Actor& a,
                                                              const std::vector<Ticket>& tickets) {
  require_active(a);
  std::vector<std::int64_t> ids;
  for (const auto& t : tickets) ids.push_back(t.id);
  std::vector<std::vector<store::TicketSlaRow>> clocks;
  bool visible = true;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = ctx_.unit_tree(c);
    auto cached = store::load_tickets_sla(c, ids);
    for (const auto& t : tickets) {
      // The rows as the caller holds them: its visibility, checked in memory.
      visible = visible && can_view_ticket(a.person, t, *units);
      auto& rows = cached[t.id];
      const bool unlabelled =
          std::any_of(rows.begin(), rows.end(), [](const auto& r) { return r.calendar.empty(); });
      clocks.push_back(unlabelled ? cached_clocks(c, t.id) : std::move(rows));
    }
  });
  if (!visible) throw not_found("Chamado não encontrado.");
  // Counted from the last row up: a queue is sorted by deadline, so each
  // row's time left starts from the next row's deadline (TimeLeftMemo).
  std::vector<DeadlineStanding> out(tickets.size());
  TimeLeftMemo memo(ctx_.calendars, ctx_.now());
  for (std::size_t i = tickets.size(); i-- > 0;) {
    out[i] = app::deadline_standing(memo, ctx_.config.calendar, tickets[i], clocks[i]);
  }
  return out;
}

std::vector<store::TicketSlaRow> TicketReads::cached_clocks(store::Connection& c,
                                                            std::int64_t ticket_id) {
  auto rows = store::load_ticket_sla(c, ticket_id);
  const bool unlabelled =
      std::any_of(rows.begin(), rows.end(), [](const auto& r) { return r.calendar.empty(); });
  if (!unlabelled) return rows;
  const auto events = store::load_events(c, ticket_id);
  return SlaClocks::cache_rows(
      clocks_.timeline(c, clocks_.configuration(c), events, ctx_.now(), false), events);
}

}  // namespace guiche::app
