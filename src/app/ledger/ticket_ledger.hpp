#pragma once
// The ticket ledger: the only way a ticket is registered or changed. It owns
// the write transaction and everything a change implies, in that same
// transaction: the events, the ticket row (a projection of them), the search
// entry, the cached SLA clock the queues sort by, the charter's monthly
// roll-ups (store/service_figure_rows.hpp), the notices, the changes shared
// with other nodes; and, once the transaction has committed, telling
// this node's live pages. A use case only decides which events to record.
#include <functional>
#include <optional>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/ledger/event_draft.hpp"
#include "app/ledger/write_lookups.hpp"
#include "app/live/ticket_events_hub.hpp"
#include "sla/clock.hpp"
#include "sla/policy.hpp"

namespace guiche::app {

class TicketLedger;
class SlaClocks;
class Notices;

// One write transaction in progress. Changes are collected here, so every
// change recorded through it is announced; nothing has to remember to.
class LedgerWrite {
 public:
  store::Connection& connection() { return c_; }
  Instant now() const { return now_; }
  // The ticket, locked until the commit (PostgreSQL), or nullopt.
  std::optional<Ticket> lock(std::int64_t ticket_id);
  // Stamps `drafts` as events of `ticket` by `a`, applies and stores them.
  void record(Ticket& ticket, std::vector<EventDraft> drafts, const Actor& a);
  // Stores a new ticket from its `created` event and caches its clock from
  // `timeline`; `lookups`, read before the write, spare it the reads of its
  // notices and webhooks (app/ledger/write_lookups.hpp).
  Ticket register_ticket(TicketEvent created, const sla::SlaTimeline& timeline, const Actor& a,
                         Date today, const WriteLookups* lookups = nullptr);
  // Recomputes the ticket's cached clock from its stored events (and moves
  // the charter's roll-ups if the clock's verdict changed).
  void refresh_clock(std::int64_t ticket_id);
  // Counts the ticket in the reports' roll-ups afresh from its stored events
  // (the background recount, app/reports/report_recount.hpp): its share moves
  // from what was counted, if anything, to what its events say.
  void recount_report_share(std::int64_t ticket_id);

 private:
  friend class TicketLedger;
  LedgerWrite(TicketLedger& ledger, store::Connection& c, Instant now)
      : ledger_(ledger), c_(c), now_(now) {}
  // refresh_clock without the roll-ups, for record(), which moves them once.
  void recache_clock(std::int64_t ticket_id);
  void note_change(const Ticket& ticket, std::optional<std::int64_t> unit_before, bool is_public);
  // The SLA configuration, read once per transaction: a recompute batch
  // refreshes hundreds of clocks in one.
  const sla::SlaConfiguration& configuration();

  TicketLedger& ledger_;
  store::Connection& c_;
  Instant now_;
  std::vector<TicketChange> changes_;
  std::optional<sla::SlaConfiguration> configuration_;
};

class TicketLedger {
 public:
  TicketLedger(DeskContext& context, SlaClocks& clocks, Notices& notices)
      : ctx_(context), clocks_(clocks), notices_(notices) {}

  // Runs `fn` in one write transaction; after it commits, live listeners
  // hear of every ticket it changed (never of one that rolled back).
  void write(const std::function<void(LedgerWrite&)>& fn);

  // The usual shape of a change: the ticket `a` may see, locked; `decide`
  // checks the rules and returns the events to record.
  using Decide =
      std::function<std::vector<EventDraft>(LedgerWrite&, const Ticket&, const std::vector<Unit>&)>;
  Ticket change(const Actor& a, std::int64_t ticket_id, const Decide& decide);
  // The same inside a transaction the caller runs (a channel that registers,
  // replies and records its own state at once: app/whatsapp/).
  Ticket change_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id, const Decide& decide);

  // Recomputes the cached clock of one ticket (the SLA configuration or a
  // calendar changed); false if the ticket is gone.
  bool refresh_clock(std::int64_t ticket_id);
  // Re-derives the rows, search entries and clocks of `ticket_ids` from their
  // events, in one write transaction; returns how many stored rows differed
  // from what the events say.
  int rebuild(const std::vector<std::int64_t>& ticket_ids);
  // The same inside a transaction the caller runs (an LGPD anonymization
  // scrubs the events and rebuilds what derives from them in one).
  int rebuild_in(store::Connection& c, const std::vector<std::int64_t>& ticket_ids);

 private:
  friend class LedgerWrite;
  void cache_clock(store::Connection& c, std::int64_t ticket_id, const sla::SlaTimeline& timeline,
                   const std::vector<TicketEvent>& events);
  void share(store::Connection& c, const std::vector<TicketChange>& changes, Instant now);

  DeskContext& ctx_;
  SlaClocks& clocks_;
  Notices& notices_;
};

}  // namespace guiche::app
