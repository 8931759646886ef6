// See live_updates.hpp.
#include <algorithm>

#include "app/access_policy.hpp"
#include "app/live/live_updates.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "domain/error.hpp"

namespace guiche::app {
namespace {

bool listed(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The same sets list_tickets answers with (see store::TicketScope).
bool in_scope(const store::TicketScope& scope, const TicketChange& change) {
  if (scope.all || listed(scope.requester_ids, change.requester_id)) return true;
  if (change.organization_id && listed(scope.organization_ids, *change.organization_id)) {
    return true;
  }
  return std::any_of(change.unit_ids.begin(), change.unit_ids.end(),
                     [&](std::int64_t u) { return listed(scope.unit_ids, u); });
}

}  // namespace

std::uint64_t LiveUpdates::follow_queues(const Actor& a, TicketEventsHub::Listener listener) {
  require_active(a);
  if (!is_staff(a.person)) throw forbidden("Somente a equipe acompanha as filas.");
  store::TicketScope scope;
  ctx_.db.read([&](store::Connection& c) { scope = ticket_scope(a.person, *ctx_.unit_tree(c)); });
  return ctx_.events.subscribe(
      [scope = std::move(scope)](const TicketChange& change) { return in_scope(scope, change); },
      std::move(listener));
}

std::uint64_t LiveUpdates::follow_ticket(const Actor& a, const std::string& protocol,
                                         TicketEventsHub::Listener listener) {
  const Ticket t = reads_.ticket_by_protocol(a, protocol);
  const bool staff = is_staff(a.person);
  return ctx_.events.subscribe(
      [id = t.id, staff](const TicketChange& change) {
        return change.ticket_id == id && (staff || change.is_public);
      },
      std::move(listener));
}

void LiveUpdates::unfollow(std::uint64_t subscription) {
  ctx_.events.unsubscribe(subscription);
}

}  // namespace guiche::app
