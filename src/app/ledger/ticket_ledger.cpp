#include "app/ledger/ticket_ledger.hpp"

#include <algorithm>

#include "app/access_policy.hpp"
#include "app/ledger/rating_share.hpp"
#include "app/ledger/report_share.hpp"
#include "app/ledger/time_share.hpp"
#include "app/notices/notices.hpp"
#include "app/sla/sla_clocks.hpp"
#include "app/webhooks/webhook_fanout.hpp"
#include "domain/error.hpp"
#include "domain/logged_time.hpp"
#include "domain/protocol_number.hpp"
#include "domain/ticket_projection.hpp"
#include "store/custody_rows.hpp"
#include "store/live_change_rows.hpp"
#include "store/report_rollup_rows.hpp"
#include "store/service_figure_rows.hpp"
#include "store/sla_rows.hpp"
#include "store/ticket_queue_keys.hpp"
#include "store/ticket_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The text search indexes: subject, description and every public reply.
std::string searchable_body(const Ticket& ticket, const std::vector<TicketEvent>& events) {
  std::string body = ticket.description;
  for (const auto& e : events) {
    if (e.kind == EventKind::public_reply) body.append("\n").append(e.data.value("text", ""));
  }
  return body;
}

// A change that moves no clock (a transfer, a reclassification of the row
// alone, a time entry) still moves the reports' roll-ups to the ticket's unit
// and service.
void refresh_report_fields(store::Connection& c, const Ticket& ticket,
                           const std::vector<TicketEvent>& stamped) {
  if (auto before = store::load_ticket_report_share(c, ticket.id)) {
    const auto after = with_ticket_fields(*before, ticket);
    store::move_ticket_report_share(c, ticket.id, before, after);
    // A rating moves no clock: it arrives here.
    refresh_rating_share(c, ticket, after);
    // The logged time follows the ticket, and a time entry arrives here.
    const bool logs_time = std::any_of(stamped.begin(), stamped.end(),
                                       [](const TicketEvent& e) { return logged_minutes(e) > 0; });
    if (ticket.time_spent_minutes > 0 && (logs_time || !(*before == after))) {
      add_to_time_share(c, ticket.id, after, stamped);
    }
  }
}

}  // namespace

EventDraft link_draft(const Ticket& other, const std::string& kind) {
  return {EventKind::linked,
          {{"other_ticket_id", other.id}, {"other_protocol", other.protocol}, {"link", kind}},
          false};
}

std::optional<Ticket> LedgerWrite::lock(std::int64_t ticket_id) {
  return store::load_ticket(c_, ticket_id, true);
}

void LedgerWrite::record(Ticket& ticket, std::vector<EventDraft> drafts, const Actor& a) {
  std::string appended_text;
  bool clock_moves = false;
  bool any_public = false;
  const auto unit_before = ticket.unit_id;
  const Status status_before = ticket.status;
  std::vector<TicketEvent> stamped;
  for (auto& draft : drafts) {
    clock_moves = clock_moves || sla::affects_sla_clock(draft.kind);
    any_public = any_public || draft.is_public;
    TicketEvent e;
    e.ticket_id = ticket.id;
    e.seq = ticket.version + 1;
    e.kind = draft.kind;
    if (a.id() != 0) e.actor_id = a.id();  // 0: the system itself
    e.channel = a.channel;
    e.at = now_;
    e.is_public = draft.is_public;
    e.data = std::move(draft.data);
    if (e.kind == EventKind::public_reply) {
      appended_text.append("\n").append(e.data.value("text", ""));
    }
    apply_event(ticket, e);
    store::insert_event(c_, e);
    if (store::is_custody_event(e.kind)) store::project_custody_event(c_, e, ticket.unit_id);
    stamped.push_back(std::move(e));
  }
  // The stored row is still the one before these events.
  const auto figures_before = store::load_ticket_figure_share(c_, ticket.id);
  store::update_ticket(c_, ticket);
  // The cached clock follows in the same transaction, and with it the
  // queues' sort keys on the row (store/ticket_queue_keys.hpp).
  if (clock_moves) {
    recache_clock(ticket.id);
  } else {
    store::refresh_queue_keys(c_, ticket.id);
    refresh_report_fields(c_, ticket, stamped);
  }
  // The charter's roll-ups, by the difference the row and clock show
  // (resolved, reopened, rated, moved to another service, ...).
  store::move_ticket_figure_share(c_, figures_before,
                                  store::load_ticket_figure_share(c_, ticket.id));
  if (!appended_text.empty()) {
    store::index_ticket_text(c_, ticket.id, ticket.subject,
                             store::indexed_body(c_, ticket.id) + appended_text);
  }
  enqueue_webhook_deliveries(c_, ticket, stamped, status_before, now_);
  ledger_.notices_.notify(c_, ticket, stamped, a, now_);
  note_change(ticket, unit_before, any_public);
}

Ticket LedgerWrite::register_ticket(TicketEvent created, const sla::SlaTimeline& timeline,
                                    const Actor& a, Date today, const WriteLookups* lookups) {
  Ticket ticket = fold_events({created});
  // The year's counter row is locked from here to the commit (PostgreSQL),
  // as it is from the group's first registration anyway; taken first, the
  // row is inserted with its number instead of being written twice.
  const int year = static_cast<int>(today.year());
  const auto numbers = store::take_ticket_numbers(c_, year);
  ticket.protocol = format_protocol(year, numbers.sequence);
  created.data["protocol"] = ticket.protocol;
  // Its clocks, queue keys and report share are its first: inserted, with
  // nothing to read, delete or replace (open, it has no rating share and no
  // logged time either).
  const auto clocks = SlaClocks::cache_rows(timeline, {created});
  ticket.id = store::insert_ticket(c_, ticket, store::queue_keys_of(ticket, clocks), numbers.id);
  created.ticket_id = ticket.id;
  store::index_ticket_text(c_, ticket.id, ticket.subject, ticket.description, true);
  store::insert_event(c_, created);
  store::insert_ticket_sla(c_, ticket.id, clocks);
  store::move_ticket_report_share(c_, ticket.id, std::nullopt, report_share_of(ticket, timeline));
  store::move_ticket_figure_share(
      c_, std::nullopt, store::registration_figure_share(ticket.service_id, ticket.created_at));
  enqueue_webhook_deliveries(c_, ticket, {created}, std::nullopt, now_,
                             lookups && lookups->webhooks ? &*lookups->webhooks : nullptr);
  ledger_.notices_.notify(c_, ticket, {created}, a, now_, lookups);
  note_change(ticket, std::nullopt, true);
  return ticket;
}

void LedgerWrite::refresh_clock(std::int64_t ticket_id) {
  // A new clock may breach or meet a deadline the charter counts.
  const auto figures_before = store::load_ticket_figure_share(c_, ticket_id);
  recache_clock(ticket_id);
  store::move_ticket_figure_share(c_, figures_before,
                                  store::load_ticket_figure_share(c_, ticket_id));
}

void LedgerWrite::recount_report_share(std::int64_t ticket_id) {
  const auto events = store::load_events(c_, ticket_id);
  if (events.empty()) return;
  const auto timeline = ledger_.clocks_.timeline(c_, configuration(), events, now_, false);
  const auto ticket = fold_events(events);
  const auto share = report_share_of(ticket, timeline);
  store::move_ticket_report_share(c_, ticket_id, store::load_ticket_report_share(c_, ticket_id),
                                  share);
  refresh_rating_share(c_, ticket, share);
  refresh_time_share(c_, ticket_id, share, events);
}

void LedgerWrite::recache_clock(std::int64_t ticket_id) {
  const auto events = store::load_events(c_, ticket_id);
  const auto& clocks = ledger_.clocks_;
  ledger_.cache_clock(c_, ticket_id, clocks.timeline(c_, configuration(), events, now_, false),
                      events);
}

const sla::SlaConfiguration& LedgerWrite::configuration() {
  if (!configuration_) configuration_ = ledger_.clocks_.configuration(c_);
  return *configuration_;
}

void LedgerWrite::note_change(const Ticket& ticket, std::optional<std::int64_t> unit_before,
                              bool is_public) {
  for (auto& known : changes_) {
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
  changes_.push_back(std::move(change));
}

void TicketLedger::write(const std::function<void(LedgerWrite&)>& fn) {
  std::vector<TicketChange> changes;
  const Instant now = ctx_.now();
  // The engine may run this on a writer thread of its own, and run it again
  // when a group commit is retried: each run collects its changes afresh.
  ctx_.db.write([&](store::Connection& c) {
    LedgerWrite w(*this, c, now);
    fn(w);
    share(c, w.changes_, now);
    changes = std::move(w.changes_);
  });
  for (const auto& change : changes) ctx_.events.publish(change);
}

Ticket TicketLedger::change(const Actor& a, std::int64_t ticket_id, const Decide& decide) {
  Ticket result;
  write([&](LedgerWrite& w) { result = change_in(w, a, ticket_id, decide); });
  return result;
}

Ticket TicketLedger::change_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id,
                               const Decide& decide) {
  require_active(a);
  auto ticket = w.lock(ticket_id);
  const auto units = store::load_units(w.connection());
  if (!ticket || !can_view_ticket(a.person, *ticket, units)) {
    throw not_found("Chamado não encontrado.");
  }
  w.record(*ticket, decide(w, *ticket, units), a);
  return *ticket;
}

bool TicketLedger::refresh_clock(std::int64_t ticket_id) {
  bool found = false;
  write([&](LedgerWrite& w) {
    found = w.lock(ticket_id).has_value();
    if (found) w.refresh_clock(ticket_id);
  });
  return found;
}

int TicketLedger::rebuild(const std::vector<std::int64_t>& ticket_ids) {
  int differed = 0;
  ctx_.db.write([&](store::Connection& c) { differed = rebuild_in(c, ticket_ids); });
  return differed;
}

int TicketLedger::rebuild_in(store::Connection& c, const std::vector<std::int64_t>& ticket_ids) {
  int differed = 0;
  {
    const auto config = clocks_.configuration(c);
    for (const auto ticket_id : ticket_ids) {
      auto events = store::load_events(c, ticket_id);
      Ticket derived = fold_events(events);
      auto cached = store::load_ticket(c, ticket_id, true);
      const auto figures_before = store::load_ticket_figure_share(c, ticket_id);
      store::index_ticket_text(c, ticket_id, derived.subject, searchable_body(derived, events));
      if (!cached || !(*cached == derived)) ++differed;
      // The equipment in custody is derived too, each entry under the unit the
      // ticket had at that moment.
      store::delete_ticket_custody(c, ticket_id);
      if (!events.empty()) {
        Ticket replay = fold_events({events.front()});
        for (std::size_t i = 1; i < events.size(); ++i) {
          apply_event(replay, events[i]);
          if (store::is_custody_event(events[i].kind)) {
            store::project_custody_event(c, events[i], replay.unit_id);
          }
        }
      }
      store::update_ticket(c, derived);
      // The SLA cache is derived too (outside the row, so the row stays exact).
      cache_clock(c, ticket_id, clocks_.timeline(c, config, events, ctx_.now(), false), events);
      store::move_ticket_figure_share(c, figures_before,
                                      store::load_ticket_figure_share(c, ticket_id));
    }
  }
  return differed;
}

void TicketLedger::cache_clock(store::Connection& c, std::int64_t ticket_id,
                               const sla::SlaTimeline& timeline,
                               const std::vector<TicketEvent>& events) {
  store::replace_ticket_sla(c, ticket_id, SlaClocks::cache_rows(timeline, events));
  store::refresh_queue_keys(c, ticket_id);
  // The reports' roll-ups follow the clock (app/ledger/report_share.hpp).
  if (!events.empty()) {
    auto ticket = fold_events(events);
    ticket.id = ticket_id;
    const auto share = report_share_of(ticket, timeline);
    store::move_ticket_report_share(c, ticket_id, store::load_ticket_report_share(c, ticket_id),
                                    share);
    refresh_rating_share(c, ticket, share);
    refresh_time_share(c, ticket_id, share, events);
  }
}

void TicketLedger::share(store::Connection& c, const std::vector<TicketChange>& changes,
                         Instant now) {
  if (!ctx_.config.share_live_changes) return;
  for (const auto& change : changes) {
    store::insert_live_change(
        c, {0, ctx_.node_id, change.ticket_id, change.protocol, change.requester_id,
            change.organization_id, change.unit_ids, change.is_public, now});
  }
}

}  // namespace guiche::app
