// The requester's and the organization's other open tickets, for the side
// column of the agent's ticket page (web/agent/agent_ticket_view.cpp).
#include "app/access_policy.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "domain/error.hpp"
#include "store/recent_open_tickets.hpp"

namespace guiche::app {
namespace {

// How many of the owner's latest tickets are looked at: a bound on the rows
// read, whatever the size of an organization's history.
constexpr int kWindow = 200;

}  // namespace

TicketReads::OtherOpenTickets TicketReads::other_open_tickets(const Actor& a, const Ticket& ticket,
                                                              int limit) {
  require_active(a);
  if (!is_staff(a.person)) throw forbidden("Somente a equipe vê os outros chamados.");
  OtherOpenTickets out;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = ctx_.unit_tree(c);
    if (!can_view_ticket(a.person, ticket, *units)) throw not_found("Chamado não encontrado.");
    // Each list keeps the tickets `a` may see, up to `limit`, and says
    // whether there were more.
    auto keep = [&](const std::vector<Ticket>& found, std::vector<Ticket>& into, bool& more,
                    bool skip_requester) {
      for (const auto& t : found) {
        if (skip_requester && t.requester_id == ticket.requester_id) continue;
        if (!can_view_ticket(a.person, t, *units)) continue;
        if (static_cast<int>(into.size()) == limit) {
          more = true;
          break;
        }
        into.push_back(t);
      }
    };
    keep(store::recent_open_tickets(c, store::OpenTicketsOf::requester, ticket.requester_id,
                                    ticket.id, kWindow),
         out.of_requester, out.more_of_requester, false);
    if (ticket.organization_id) {
      keep(store::recent_open_tickets(c, store::OpenTicketsOf::organization,
                                      *ticket.organization_id, ticket.id, kWindow),
           out.of_organization, out.more_of_organization, true);
    }
  });
  return out;
}

}  // namespace guiche::app
