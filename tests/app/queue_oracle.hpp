#pragma once
// The queues by brute force, for comparing with the indexed ones
// (store/ticket_queries.cpp): every ticket read one by one, filtered and
// sorted in memory by the rules the queues promise — the next resolution
// deadline from the cached clock (else the registered estimate, else the
// agreed deadline, else none, last), ties by id; at risk and breached as
// store/ticket_queries.hpp defines them.
#include <algorithm>
#include <functional>
#include <vector>

#include "app/desk.hpp"
#include "app/tickets/ticket_reads.hpp"

namespace guiche::testing {

struct OracleTicket {
  Ticket ticket;
  std::vector<store::TicketSlaRow> clocks;
  std::int64_t key = 0;
};

inline OracleTicket oracle_ticket(app::Desk& desk, const app::Actor& viewer, std::int64_t id) {
  OracleTicket o{desk.tickets().ticket(viewer, id), desk.tickets().ticket_sla_summary(viewer, id)};
  o.key = 9000000000000000;
  if (o.ticket.agreed_deadline) o.key = to_millis(*o.ticket.agreed_deadline);
  if (o.ticket.estimated_deadline) o.key = to_millis(*o.ticket.estimated_deadline);
  for (const auto& c : o.clocks) {
    if (c.target == "resolution") o.key = to_millis(c.deadline);
  }
  return o;
}

inline const store::TicketSlaRow* resolution_clock(const OracleTicket& o) {
  for (const auto& c : o.clocks) {
    if (c.target == "resolution") return &c;
  }
  return nullptr;
}

inline bool oracle_at_risk(const OracleTicket& o, Instant now) {
  const auto* c = resolution_clock(o);
  return status_is_open(o.ticket.status) && c && c->state == "running" && c->deadline > now &&
         c->next_check_at && (*c->next_check_at <= now || *c->next_check_at >= c->deadline);
}

inline bool oracle_breached(const OracleTicket& o, Instant now) {
  const auto* c = resolution_clock(o);
  return status_is_open(o.ticket.status) && c &&
         (c->breached || (c->state == "running" && c->deadline <= now));
}

// The ids of the tickets `keep` admits, in queue order (deadline first).
inline std::vector<std::int64_t> oracle_queue(
    app::Desk& desk, const app::Actor& viewer, const std::vector<std::int64_t>& ids,
    const std::function<bool(const OracleTicket&)>& keep) {
  std::vector<OracleTicket> all;
  for (auto id : ids) {
    auto o = oracle_ticket(desk, viewer, id);
    if (keep(o)) all.push_back(std::move(o));
  }
  std::sort(all.begin(), all.end(), [](const OracleTicket& a, const OracleTicket& b) {
    return a.key != b.key ? a.key < b.key : a.ticket.id < b.ticket.id;
  });
  std::vector<std::int64_t> out;
  for (const auto& o : all) out.push_back(o.ticket.id);
  return out;
}

// Every page of the indexed queue, following the cursors.
inline std::vector<std::int64_t> indexed_queue(app::Desk& desk, const app::Actor& viewer,
                                               store::TicketFilter f, int page_size) {
  std::vector<std::int64_t> out;
  f.limit = page_size;
  for (int guard = 0; guard < 1000; ++guard) {
    const auto page = desk.tickets().list_tickets(viewer, f);
    for (const auto& t : page.tickets) out.push_back(t.id);
    if (page.next_cursor.empty()) break;
    f.cursor = page.next_cursor;
  }
  return out;
}

inline std::vector<Status> open_statuses() {
  return {Status::new_,
          Status::triage,
          Status::assigned,
          Status::in_progress,
          Status::pending_requester,
          Status::pending_third_party,
          Status::reopened};
}

}  // namespace guiche::testing
