// Use cases that read tickets: one ticket, its history, queues and search.
#include "app/access_policy.hpp"
#include "app/desk.hpp"
#include "domain/error.hpp"
#include "domain/protocol_number.hpp"
#include "store/directory_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {

std::optional<Ticket> Desk::visible_ticket(store::Connection& c, const Actor& a,
                                           std::int64_t ticket_id) {
  auto t = store::load_ticket(c, ticket_id);
  if (t && !can_view_ticket(a.person, *t, *unit_tree(c))) t.reset();
  return t;
}

Ticket Desk::ticket(const Actor& a, std::int64_t ticket_id) {
  require_active(a);
  std::optional<Ticket> t;
  db_.read([&](store::Connection& c) { t = visible_ticket(c, a, ticket_id); });
  if (!t) throw not_found("Chamado não encontrado.");
  return *t;
}

std::pair<Ticket, std::vector<store::TicketSlaRow>> Desk::ticket_with_sla(const Actor& a,
                                                                          std::int64_t ticket_id) {
  require_active(a);
  std::optional<Ticket> t;
  std::vector<store::TicketSlaRow> sla;
  db_.read([&](store::Connection& c) {
    t = visible_ticket(c, a, ticket_id);
    if (t) sla = store::load_ticket_sla(c, ticket_id);
  });
  if (!t) throw not_found("Chamado não encontrado.");
  return {std::move(*t), std::move(sla)};
}

Ticket Desk::ticket_by_protocol(const Actor& a, const std::string& protocol) {
  require_active(a);
  auto number = parse_protocol(protocol);
  if (!number) throw invalid_field("protocol", "Número de protocolo inválido (AAAA-NNNNNN).");
  std::optional<Ticket> t;
  db_.read([&](store::Connection& c) {
    t = store::load_ticket_by_protocol(c, format_protocol(number->year, number->sequence));
    if (t && !can_view_ticket(a.person, *t, *unit_tree(c))) t.reset();
  });
  if (!t) throw not_found("Chamado não encontrado.");
  return *t;
}

std::vector<TicketEvent> Desk::history(const Actor& a, std::int64_t ticket_id) {
  require_active(a);
  std::vector<TicketEvent> events;
  bool visible = false;
  db_.read([&](store::Connection& c) {
    visible = visible_ticket(c, a, ticket_id).has_value();
    if (visible) events = store::load_events(c, ticket_id);
  });
  if (!visible) throw not_found("Chamado não encontrado.");
  if (!is_staff(a.person)) {
    std::erase_if(events, [](const TicketEvent& e) { return !e.is_public; });
  }
  return events;
}

store::TicketPage Desk::list_tickets(const Actor& a, const store::TicketFilter& filter) {
  require_active(a);
  if (filter.text.size() > 500) throw invalid_field("q", "Texto de busca longo demais.");
  store::TicketFilter f = filter;
  f.deadline_as_of = clock_.now();  // at risk and breached mean now
  store::TicketPage page;
  db_.read([&](store::Connection& c) {
    page = store::list_tickets(c, ticket_scope(a.person, *unit_tree(c)), f);
  });
  return page;
}

}  // namespace guiche::app
