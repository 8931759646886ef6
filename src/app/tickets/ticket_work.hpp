#pragma once
// Use cases of the people who work a ticket (triage, routing, assignment,
// status, replies, notes, time, resolution, cancelling, links) and of the
// requester after a resolution (evaluation, reopening), plus closing by the
// system once the reopen window has passed. Each decides the events; the
// ticket ledger records them.
#include <optional>
#include <string>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "domain/category.hpp"
#include "domain/ticket.hpp"

namespace guiche::app {

struct Triage {
  std::optional<std::string> service_code;
  std::optional<Category> category;
  std::optional<int> impact;
  std::optional<int> urgency;
  std::optional<Instant> agreed_deadline;  // projects
};

class TicketWork {
 public:
  TicketWork(DeskContext& context, TicketLedger& ledger) : ctx_(context), ledger_(ledger) {}

  // Each change below has an `_in` twin that records it inside a write the
  // caller runs, so that several changes (a macro's steps, app/answers/)
  // commit or roll back together, each with its own rules.
  Ticket triage(const Actor& a, std::int64_t ticket_id, const Triage& t);
  Ticket route(const Actor& a, std::int64_t ticket_id, std::int64_t unit_id,
               std::optional<std::int64_t> assignee_id, const std::string& note = "");
  Ticket route_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id, std::int64_t unit_id,
                  std::optional<std::int64_t> assignee_id, const std::string& note = "");
  // Anyone who works the ticket may take it or let it go; giving it to
  // someone else needs may_assign_others.
  Ticket assign(const Actor& a, std::int64_t ticket_id, std::optional<std::int64_t> assignee_id);
  Ticket assign_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id,
                   std::optional<std::int64_t> assignee_id);
  // May `a` give tickets of `unit_id` to another member of the unit?
  bool may_assign_others(const Actor& a, std::int64_t unit_id);
  // May `a` take `ticket` (assign it to themself)? What assign checks, asked
  // beforehand, so that the page offers "Atribuir a mim" only when it works.
  bool may_take(const Actor& a, const Ticket& ticket);
  Ticket change_status(const Actor& a, std::int64_t ticket_id, Status to,
                       const std::string& reason = "");
  Ticket change_status_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id, Status to,
                          const std::string& reason = "");
  // A public reply. From an agent with asks_requester, the ticket waits on the
  // requester (clock paused); the requester's reply to such a ticket resumes it.
  Ticket reply(const Actor& a, std::int64_t ticket_id, const std::string& text,
               bool asks_requester = false);
  Ticket reply_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id, const std::string& text,
                  bool asks_requester = false);
  Ticket add_internal_note(const Actor& a, std::int64_t ticket_id, const std::string& text);
  Ticket log_time(const Actor& a, std::int64_t ticket_id, int minutes, const std::string& note);
  Ticket log_time_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id, int minutes,
                     const std::string& note);
  Ticket resolve(const Actor& a, std::int64_t ticket_id, const std::string& resolution,
                 int time_spent_minutes);
  Ticket resolve_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id,
                    const std::string& resolution, int time_spent_minutes);
  Ticket cancel(const Actor& a, std::int64_t ticket_id, const std::string& reason);
  Ticket link(const Actor& a, std::int64_t ticket_id, std::int64_t other_id,
              const std::string& kind);

  // --- the requester after resolution (tickets/after_resolution.cpp)
  Ticket evaluate(const Actor& a, std::int64_t ticket_id, int rating, const std::string& comment);
  Ticket evaluate_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id, int rating,
                     const std::string& comment);
  Ticket reopen(const Actor& a, std::int64_t ticket_id, const std::string& reason);
  // Closes resolved tickets whose reopen window has ended; returns how many.
  int close_expired_resolutions();

  // --- maintenance (tickets/ticket_rebuild.cpp): re-derives every ticket row
  // and search entry from the events, kRebuildBatch tickets per write
  // transaction, calling `progress` after each batch.
  static constexpr int kRebuildBatch = 200;
  struct RebuildProgress {
    std::int64_t done = 0;
    std::int64_t total = 0;      // tickets when the rebuild started
    std::int64_t differing = 0;  // rows that differed from what the events say
  };
  RebuildProgress rebuild_tickets(const std::function<void(const RebuildProgress&)>& progress = {},
                                  int batch = kRebuildBatch);

 private:
  Ticket in_one_write(const std::function<Ticket(LedgerWrite&)>& change);

  DeskContext& ctx_;
  TicketLedger& ledger_;
};

}  // namespace guiche::app
