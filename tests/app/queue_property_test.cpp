// Property: over random histories (registrations, routing, priority changes,
// pauses and answers, resolutions, reopenings, cancellations, time passing,
// housekeeping, calendar closures and the batches of the clocks' recompute
// they start, interleaved), every indexed queue, walked page by page, equals
// the brute-force sort of every ticket (queue_oracle.hpp); and once the
// recompute finished, every clock and queue key equals a full recompute's.
#include <gmock/gmock.h>

#include <random>

#include "app/calendars/calendars.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/sla/sla_recompute.hpp"
#include "app/tickets/ticket_work.hpp"
#include "clock_snapshot.hpp"
#include "domain/error.hpp"
#include "queue_oracle.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class QueuePropertyTest : public DeskTest {
 protected:
  // One random step; steps the lifecycle refuses are simply skipped.
  void step(std::mt19937& rng) {
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const auto id =
        ids.empty() ? 0 : ids[static_cast<std::size_t>(pick(static_cast<int>(ids.size())))];
    auto& work = desk->work();
    try {
      switch (pick(14)) {
        case 0:
        case 1:
          ids.push_back(register_sis(w.requester_seger, "Pedido " + std::to_string(ids.size())).id);
          break;
        case 2:
          work.triage(as(w.attendant), id,
                      {std::nullopt, std::nullopt, 1 + pick(3), 1 + pick(3), std::nullopt});
          break;
        case 3:
          work.route(as(w.attendant), id, w.sgsis.id,
                     pick(2) ? std::optional<std::int64_t>(w.analyst_sis.id) : std::nullopt);
          break;
        case 4:
          work.change_status(as(w.analyst_sis), id, Status::in_progress);
          break;
        case 5:
          work.reply(as(w.analyst_sis), id, "Pode confirmar a matrícula?", true);
          break;
        case 6:
          work.reply(as(w.requester_seger), id, "Confirmo: 123456.");
          break;
        case 7:
          work.resolve(as(w.analyst_sis), id, "Feito.", 10);
          break;
        case 8:
          work.reopen(as(w.requester_seger), id, "Voltou a falhar.");
          break;
        case 9:
          if (pick(4) == 0) work.cancel(as(w.attendant), id, "Duplicado.");
          break;
        case 10:
          clock.advance(std::chrono::minutes(30 + pick(60 * 30)));
          break;
        case 11:
          desk->sla().record_sla_warnings();
          break;
        case 12: {
          const auto day = std::chrono::year{2026} / 3 / (3 + pick(20));
          desk->calendars().load_optional_days(as(w.admin), "br", 2026,
                                               {{Date{day}, "Ponto facultativo", {}}});
          break;
        }
        case 13:
          desk->sla_recompute().run_batch(2);
          break;
      }
    } catch (const DomainError&) {
    }
  }

  void expect_queues_match(const std::string& when) {
    SCOPED_TRACE(when);
    const auto viewer = as(w.attendant);
    const Instant now = clock.now();
    struct Case {
      const char* name;
      std::function<void(store::TicketFilter&)> filter;
      std::function<bool(const OracleTicket&)> keep;
    };
    auto open = [](const OracleTicket& o) { return status_is_open(o.ticket.status); };
    const std::vector<Case> cases = {
        {"every open ticket", [](store::TicketFilter&) {}, open},
        {"my unit", [&](store::TicketFilter& f) { f.unit_id = w.sgsis.id; },
         [&](const OracleTicket& o) { return open(o) && o.ticket.unit_id == w.sgsis.id; }},
        {"assigned to me", [&](store::TicketFilter& f) { f.assignee_id = w.analyst_sis.id; },
         [&](const OracleTicket& o) {
           return open(o) && o.ticket.assignee_id == w.analyst_sis.id;
         }},
        {"unassigned", [](store::TicketFilter& f) { f.unassigned_only = true; },
         [&](const OracleTicket& o) { return open(o) && !o.ticket.assignee_id; }},
        {"at risk", [](store::TicketFilter& f) { f.deadline = store::DeadlineState::at_risk; },
         [&](const OracleTicket& o) { return oracle_at_risk(o, now); }},
        {"breached", [](store::TicketFilter& f) { f.deadline = store::DeadlineState::breached; },
         [&](const OracleTicket& o) { return oracle_breached(o, now); }},
        {"new, in the central",
         [&](store::TicketFilter& f) {
           f.statuses = {Status::new_};
           f.unit_id = w.central.id;
         },
         [&](const OracleTicket& o) {
           return o.ticket.status == Status::new_ && o.ticket.unit_id == w.central.id;
         }},
        {"any status", [](store::TicketFilter& f) { f.statuses.clear(); },
         [](const OracleTicket&) { return true; }},
        // A unit and those below it: one index range per unit, merged.
        {"several units",
         [&](store::TicketFilter& f) {
           f.unit_ids = {w.sgsis.id, w.central.id};
         },
         [&](const OracleTicket& o) {
           return open(o) && (o.ticket.unit_id == w.sgsis.id || o.ticket.unit_id == w.central.id);
         }},
        {"several units, breached",
         [&](store::TicketFilter& f) {
           f.unit_ids = {w.sgsis.id, w.central.id};
           f.deadline = store::DeadlineState::breached;
         },
         [&](const OracleTicket& o) {
           return oracle_breached(o, now) &&
                  (o.ticket.unit_id == w.sgsis.id || o.ticket.unit_id == w.central.id);
         }},
        {"more units than ranges",
         [&](store::TicketFilter& f) {
           f.unit_ids = {w.sgsis.id, w.central.id};
           for (std::int64_t absent = 1000; absent < 1020; ++absent) f.unit_ids.push_back(absent);
         },
         [&](const OracleTicket& o) {
           return open(o) && (o.ticket.unit_id == w.sgsis.id || o.ticket.unit_id == w.central.id);
         }},
    };
    for (const auto& c : cases) {
      SCOPED_TRACE(c.name);
      store::TicketFilter f;
      f.order = store::TicketOrder::deadline_first;
      f.statuses = open_statuses();
      c.filter(f);
      EXPECT_EQ(indexed_queue(*desk, viewer, f, 3), oracle_queue(*desk, viewer, ids, c.keep));
    }
  }

  std::vector<std::int64_t> ids;
};

TEST_P(QueuePropertyTest, IndexedQueuesEqualABruteForceSortOverRandomHistories) {
  for (unsigned seed : {7u, 21u, 1234u}) {
    std::mt19937 rng(seed);
    for (int i = 0; i < 60; ++i) {
      step(rng);
      if (i % 15 == 14) {
        const auto when = "seed " + std::to_string(seed) + ", step " + std::to_string(i);
        desk->sla_recompute().run_until_done();
        expect_queues_match(when);
        // A paused clock's deadline is as of its last refresh (it moves with
        // time, which the cache does not follow): those tickets are left out.
        const auto after_job = unfinished_clocks(database->db(), true);
        desk->work().rebuild_tickets();
        EXPECT_EQ(after_job, unfinished_clocks(database->db(), true)) << when;
      }
    }
  }
}

GUICHE_ON_BOTH_ENGINES(QueuePropertyTest);

}  // namespace
}  // namespace guiche::testing
