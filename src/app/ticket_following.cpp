// Live updates: who follows which tickets, and telling them once a change
// has committed (never about a transaction that rolled back).
#include <algorithm>

#include "app/access_policy.hpp"
#include "app/desk.hpp"
#include "domain/error.hpp"

namespace guiche::app {
namespace {

// The changes noted by the write transaction running on this thread (the
// engine's writer thread, for SQLite).
thread_local std::vector<TicketChange>* pending_changes = nullptr;

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The same sets list_tickets answers with (see store::TicketScope).
bool in_scope(const store::TicketScope& scope, const TicketChange& change) {
  if (scope.all || contains(scope.requester_ids, change.requester_id)) return true;
  if (change.organization_id && contains(scope.organization_ids, *change.organization_id)) {
    return true;
  }
  return std::any_of(change.unit_ids.begin(), change.unit_ids.end(),
                     [&](std::int64_t u) { return contains(scope.unit_ids, u); });
}

}  // namespace

void Desk::note_change(const Ticket& ticket, std::optional<std::int64_t> unit_before,
                       bool is_public) {
  if (!pending_changes) return;
  for (auto& known : *pending_changes) {
    if (known.ticket_id != ticket.id) continue;
    if (ticket.unit_id && !contains(known.unit_ids, *ticket.unit_id)) {
      known.unit_ids.push_back(*ticket.unit_id);
    }
    known.is_public = known.is_public || is_public;
    return;
  }
  TicketChange change{ticket.id, ticket.protocol, ticket.requester_id, ticket.organization_id,
                      {},        is_public};
  if (unit_before) change.unit_ids.push_back(*unit_before);
  if (ticket.unit_id && ticket.unit_id != unit_before) change.unit_ids.push_back(*ticket.unit_id);
  pending_changes->push_back(std::move(change));
}

void Desk::write_tickets(const std::function<void(store::Connection&)>& fn) {
  std::vector<TicketChange> changes;
  // The engine may run `fn` on a writer thread of its own, and run it again
  // when a group commit is retried: the list is set where it runs, fresh.
  db_.write([&](store::Connection& c) {
    changes.clear();
    auto* outer = pending_changes;
    pending_changes = &changes;
    try {
      fn(c);
      share_live_changes(c, changes);
    } catch (...) {
      pending_changes = outer;
      throw;
    }
    pending_changes = outer;
  });
  for (const auto& change : changes) events_->publish(change);
}

std::uint64_t Desk::follow_queues(const Actor& a, TicketEventsHub::Listener listener) {
  require_active(a);
  if (!is_staff(a.person)) throw forbidden("Somente a equipe acompanha as filas.");
  store::TicketScope scope;
  db_.read([&](store::Connection& c) { scope = ticket_scope(a.person, *unit_tree(c)); });
  return events_->subscribe(
      [scope = std::move(scope)](const TicketChange& change) { return in_scope(scope, change); },
      std::move(listener));
}

std::uint64_t Desk::follow_ticket(const Actor& a, const std::string& protocol,
                                  TicketEventsHub::Listener listener) {
  const Ticket t = ticket_by_protocol(a, protocol);
  const bool staff = is_staff(a.person);
  return events_->subscribe(
      [id = t.id, staff](const TicketChange& change) {
        return change.ticket_id == id && (staff || change.is_public);
      },
      std::move(listener));
}

void Desk::unfollow(std::uint64_t subscription) {
  events_->unsubscribe(subscription);
}

}  // namespace guiche::app
