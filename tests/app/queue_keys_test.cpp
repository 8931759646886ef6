// The queues' sort keys on the ticket row (store/ticket_queue_keys.hpp) follow
// every change that moves a deadline: pause, resume, a change of priority,
// resolution and reopening, a change of calendar. After each one the indexed
// queues (paged) equal the brute-force ones (queue_oracle.hpp).
#include <gmock/gmock.h>

#include "app/calendars/calendars.hpp"
#include "app/intake/intake.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/sla/sla_recompute.hpp"
#include "app/tickets/ticket_work.hpp"
#include "queue_oracle.hpp"
#include "store/ticket_queue_keys.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class QueueKeysTest : public DeskTest {
 protected:
  Ticket with_priority(int impact, int urgency, const std::string& subject) {
    const auto t = register_sis(w.requester_seger, subject);
    return desk->work().triage(as(w.attendant), t.id,
                               {std::nullopt, std::nullopt, impact, urgency, std::nullopt});
  }
  std::int64_t key_of(std::int64_t id) { return oracle_ticket(*desk, as(w.attendant), id).key; }
  // The workspace's queue of every open ticket, by deadline, two per page.
  std::vector<std::int64_t> queue() {
    store::TicketFilter f;
    f.order = store::TicketOrder::deadline_first;
    f.statuses = open_statuses();
    return indexed_queue(*desk, as(w.attendant), f, 2);
  }
  // Every queue against its brute force.
  void expect_queues_match() {
    const auto viewer = as(w.attendant);
    const Instant now = clock.now();
    EXPECT_EQ(queue(), oracle_queue(*desk, viewer, ids, [](const OracleTicket& o) {
                return status_is_open(o.ticket.status);
              }));
    for (auto state : {store::DeadlineState::at_risk, store::DeadlineState::breached}) {
      store::TicketFilter f;
      f.order = store::TicketOrder::deadline_first;
      f.statuses = open_statuses();
      f.deadline = state;
      EXPECT_EQ(indexed_queue(*desk, viewer, f, 2),
                oracle_queue(*desk, viewer, ids, [&](const OracleTicket& o) {
                  return state == store::DeadlineState::at_risk ? oracle_at_risk(o, now)
                                                                : oracle_breached(o, now);
                }));
    }
    store::TicketFilter any_status;
    any_status.order = store::TicketOrder::deadline_first;
    EXPECT_EQ(indexed_queue(*desk, viewer, any_status, 2),
              oracle_queue(*desk, viewer, ids, [](const OracleTicket&) { return true; }));
  }
  std::vector<std::int64_t> ids;
};

TEST_P(QueueKeysTest, EveryMoveOfADeadlineReordersTheQueue) {
  const auto low = with_priority(3, 3, "Prazo longo");
  const auto medium = with_priority(2, 2, "Prazo médio");
  const auto high = with_priority(1, 2, "Prazo curto");
  ids = {low.id, medium.id, high.id};
  EXPECT_THAT(queue(), ::testing::ElementsAre(high.id, medium.id, low.id));
  expect_queues_match();

  // A change of priority recomputes the targets: the long one becomes the
  // most urgent.
  desk->work().triage(as(w.attendant), low.id, {std::nullopt, std::nullopt, 1, 1, std::nullopt});
  EXPECT_THAT(queue(), ::testing::ElementsAre(low.id, high.id, medium.id));
  expect_queues_match();

  // Paused while it waits for the requester, resumed three days later: its
  // deadline moves by the working time spent paused.
  desk->work().route(as(w.attendant), low.id, w.sgsis.id, w.analyst_sis.id);
  desk->work().change_status(as(w.analyst_sis), low.id, Status::in_progress);
  const auto before_pause = key_of(low.id);
  desk->work().reply(as(w.analyst_sis), low.id, "Qual é a sua matrícula?", true);
  expect_queues_match();
  clock.advance(std::chrono::hours(72));
  desk->work().reply(as(w.requester_seger), low.id, "É 123456.");
  EXPECT_GT(key_of(low.id), before_pause);
  expect_queues_match();

  // Resolved, it leaves the open queues; reopened, it comes back with its
  // clock resumed from where it stopped.
  desk->work().route(as(w.attendant), high.id, w.sgsis.id, w.analyst_sis.id);
  desk->work().resolve(as(w.analyst_sis), high.id, "Acesso concedido.", 20);
  EXPECT_THAT(queue(), ::testing::Not(::testing::Contains(high.id)));
  expect_queues_match();
  clock.advance(std::chrono::hours(2));
  desk->work().reopen(as(w.requester_seger), high.id, "Ainda não consigo entrar.");
  EXPECT_THAT(queue(), ::testing::Contains(high.id));
  expect_queues_match();

  // A closure loaded into the calendar the clocks run on moves every
  // deadline that crosses it.
  const auto calendar = oracle_ticket(*desk, as(w.attendant), medium.id).clocks.front().calendar;
  const auto medium_before = key_of(medium.id);
  desk->calendars().load_optional_days(
      as(w.admin), calendar, 2026,
      {{Date{std::chrono::year{2026} / 3 / 9}, "Ponto facultativo", {}},
       {Date{std::chrono::year{2026} / 3 / 10}, "Ponto facultativo", {}}});
  // The recompute runs in the background (app/sla/sla_recompute.hpp): to its end here.
  desk->sla_recompute().run_until_done();
  EXPECT_GT(key_of(medium.id), medium_before);
  expect_queues_match();

  // Time passes: the at-risk and breached queues fill, before and after
  // housekeeping records the warnings.
  for (int hour = 0; hour < 6; ++hour) {
    clock.advance(std::chrono::hours(7));
    expect_queues_match();
    desk->sla().record_sla_warnings();
    expect_queues_match();
  }
  desk->work().cancel(as(w.attendant), medium.id, "Registrado em duplicidade.");
  expect_queues_match();
}

// A registration inserts its row with the keys already computed
// (store::queue_keys_of) instead of refreshing them after: they must be what
// the refresh's SQL derives, for a ticket with a running clock and for a
// project, which has none.
TEST_P(QueueKeysTest, ARegisteredTicketHasTheKeysTheRefreshWouldGiveIt) {
  auto keys_of = [&](std::int64_t id) {
    std::vector<std::optional<std::int64_t>> keys;
    database->db().read([&](store::Connection& c) {
      const auto row = c.query_one(
          "SELECT due_at, open_due, risk_at, breach_at FROM tickets WHERE id = ?", {id});
      for (std::size_t i = 0; i < row->size(); ++i) keys.push_back(row->optional_integer(i));
    });
    return keys;
  };
  app::RegisterRequest project;
  project.requester_id = w.requester_seger.id;
  project.service_code = "PROJ-SIS";
  project.subject = "Novo sistema de frota";
  project.description = "Controle de frota para a secretaria.";
  const std::vector<Ticket> registered = {
      register_sis(w.requester_seger),  // a running clock: every key set
      desk->intake().register_request(as(w.requester_seger), project),  // no clock
  };
  for (const auto& t : registered) {
    const auto inserted = keys_of(t.id);
    database->db().write([&](store::Connection& c) { store::refresh_queue_keys(c, t.id); });
    EXPECT_EQ(inserted, keys_of(t.id)) << t.subject;
  }
}

GUICHE_ON_BOTH_ENGINES(QueueKeysTest);

}  // namespace
}  // namespace guiche::testing
