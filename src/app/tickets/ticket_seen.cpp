// When agents last opened tickets, for the queue's mark of a requester's
// reply not yet seen (store/ticket_seen_rows.hpp).
#include <set>

#include "app/access_policy.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "domain/error.hpp"
#include "store/ticket_seen_rows.hpp"

namespace guiche::app {

void TicketReads::note_seen(const Actor& a, const Ticket& ticket) {
  require_active(a);
  if (!is_staff(a.person)) return;
  ctx_.db.write(
      [&](store::Connection& c) { store::note_ticket_seen(c, a.id(), ticket.id, ctx_.now()); });
}

std::vector<bool> TicketReads::requester_wrote_since_seen(const Actor& a,
                                                          const std::vector<Ticket>& tickets) {
  require_active(a);
  std::vector<std::int64_t> ids;
  for (const auto& t : tickets) ids.push_back(t.id);
  std::set<std::int64_t> unseen;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = ctx_.unit_tree(c);
    for (const auto& t : tickets) {
      if (!can_view_ticket(a.person, t, *units)) throw not_found("Chamado não encontrado.");
    }
    unseen = store::tickets_with_requester_reply_unseen(c, a.id(), ids);
  });
  std::vector<bool> out;
  for (const auto& t : tickets) out.push_back(unseen.contains(t.id));
  return out;
}

}  // namespace guiche::app
