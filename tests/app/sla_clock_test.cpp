// The SLA clock in the application layer, on both engines: the ETA told at
// registration, the cache kept in step with every relevant event, the
// configuration, the queue sorted by the live deadline, and the warnings.
#include <gmock/gmock.h>

#include "app/calendars/calendars.hpp"
#include "app/expect_error.hpp"
#include "app/intake/intake.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/sla/sla_recompute.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "store/sla_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

Instant at(const char* text) {
  return parse_instant(text).value();
}

class SlaClockTest : public DeskTest {
 protected:
  // A critical request (Crítica: first response 1 business hour, resolution 6).
  Ticket register_critical(const Person& requester) {
    app::RegisterRequest r;
    r.requester_id = requester.id;
    r.service_code = "SIS-ACESSO";
    r.subject = "Sistema parado";
    r.description = "Ninguém consegue lançar a folha.";
    r.form_answers = {{"sistema", "SIGEFES"}, {"matricula", "123456"}};
    r.impact = 1;
    r.urgency = 1;
    return desk->intake().register_request(as(requester), r);
  }
  store::TicketSlaRow cached(std::int64_t ticket_id, const std::string& target) {
    for (const auto& row : desk->tickets().ticket_sla_summary(as(w.admin), ticket_id)) {
      if (row.target == target) return row;
    }
    ADD_FAILURE() << "no cached " << target;
    return {};
  }
  int warnings(std::int64_t ticket_id, const std::string& target, const std::string& level) {
    int n = 0;
    for (const auto& e : desk->tickets().history(as(w.admin), ticket_id)) {
      if (e.kind == EventKind::sla_warning && e.data["target"] == target &&
          e.data["level"] == level) {
        ++n;
      }
    }
    return n;
  }
};

TEST_P(SlaClockTest, RegistrationRecordsTheEstimatedDeadline) {
  // Monday 2026-03-02 09:00 in Brasília; Baixa: 20 business days, start day excluded.
  Ticket t = register_sis(w.requester_seger);
  ASSERT_TRUE(t.estimated_deadline);
  EXPECT_EQ(*t.estimated_deadline, at("2026-03-30T18:00:00-03:00"));
  EXPECT_EQ(desk->tickets().ticket(as(w.requester_seger), t.id).estimated_deadline,
            t.estimated_deadline);
  EXPECT_EQ(cached(t.id, "resolution").deadline, *t.estimated_deadline);
  EXPECT_EQ(cached(t.id, "resolution").policy, "baixa");
  // Projects: no SLA clock, the deadline is agreed later ("a combinar").
  app::RegisterRequest r;
  r.requester_id = w.requester_seger.id;
  r.service_code = "PROJ-SIS";
  r.subject = "Novo sistema";
  r.description = "Sistema de protocolo.";
  Ticket p = desk->intake().register_request(as(w.requester_seger), r);
  EXPECT_FALSE(p.estimated_deadline);
  EXPECT_TRUE(desk->tickets().ticket_sla_summary(as(w.admin), p.id).empty());
  EXPECT_FALSE(desk->tickets().ticket_sla(as(w.requester_seger), p.id).applies);
}

TEST_P(SlaClockTest, ThePauseFollowsTheStatusAndTheTimelineExplainsIt) {
  Ticket t = register_critical(w.requester_seger);  // 09:00
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  clock.advance(std::chrono::hours(1));
  desk->work().reply(as(w.analyst_sis), t.id, "Qual a matrícula do servidor?", true);  // 10:00
  EXPECT_EQ(cached(t.id, "resolution").state, "paused");
  EXPECT_EQ(cached(t.id, "first_response").state, "met");
  clock.advance(std::chrono::hours(24));
  desk->work().reply(as(w.requester_seger), t.id, "Matrícula 123456.");  // Tuesday 10:00
  EXPECT_EQ(cached(t.id, "resolution").state, "running");
  // 1 h before the pause, 5 h left from Tuesday 10:00.
  EXPECT_EQ(cached(t.id, "resolution").deadline, at("2026-03-03T15:00:00-03:00"));

  auto timeline = desk->tickets().ticket_sla(as(w.requester_seger), t.id);
  EXPECT_EQ(timeline.severity, "Crítica");
  const auto& r = timeline.targets[1];
  ASSERT_EQ(r.pauses.size(), 1u);
  EXPECT_EQ(r.pauses[0].reason, "Pausado: pendente com o solicitante");
  EXPECT_EQ(r.elapsed, std::chrono::hours(1));
  // Another organization's requester does not learn the ticket exists.
  EXPECT_EQ(outcome([&] { desk->tickets().ticket_sla(as(w.requester_sesa), t.id); }), "not_found");
}

TEST_P(SlaClockTest, WarningsFireOnceAcrossNodesAndManyRounds) {
  Ticket t = register_critical(w.requester_seger);  // Monday 09:00
  // A second node on the same database runs its own housekeeping.
  app::Desk other_node(database->db(), clock, desk_config());
  int recorded = 0;
  for (int step = 0; step < 4 * 30; ++step) {  // 30 hours, every 15 minutes
    clock.advance(std::chrono::minutes(15));
    for (int round = 0; round < 3; ++round) {
      recorded += desk->sla().record_sla_warnings();
      recorded += other_node.sla().record_sla_warnings();
    }
  }
  EXPECT_EQ(recorded, 4);
  for (const char* target : {"first_response", "resolution"}) {
    EXPECT_EQ(warnings(t.id, target, "warning"), 1) << target;
    EXPECT_EQ(warnings(t.id, target, "breach"), 1) << target;
  }
  EXPECT_FALSE(cached(t.id, "resolution").next_check_at);
  EXPECT_TRUE(cached(t.id, "resolution").breached);
  // Requesters do not see the desk's warnings.
  for (const auto& e : desk->tickets().history(as(w.requester_seger), t.id)) {
    EXPECT_NE(e.kind, EventKind::sla_warning);
  }
  EXPECT_EQ(desk->work().rebuild_tickets().differing, 0);
}

TEST_P(SlaClockTest, NoWarningWhileMetOrPaused) {
  Ticket t = register_critical(w.requester_seger);
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  clock.advance(std::chrono::minutes(30));
  desk->work().reply(as(w.analyst_sis), t.id, "Precisamos do print da tela.", true);
  clock.advance(std::chrono::days(5));
  EXPECT_EQ(desk->sla().record_sla_warnings(), 0);
  desk->work().reply(as(w.requester_seger), t.id,
                     "Segue o print.");  // Saturday: clock resumes Monday
  clock.advance(std::chrono::days(2));   // Monday 09:30: 2 h of 6 counted
  EXPECT_EQ(desk->sla().record_sla_warnings(), 0);
  clock.advance(std::chrono::hours(3));  // 12:30: 5 h counted, past 75 % (4 h 30 min)
  EXPECT_EQ(desk->sla().record_sla_warnings(), 1);
  EXPECT_EQ(warnings(t.id, "resolution", "warning"), 1);
}

TEST_P(SlaClockTest, ConfigurationIsAdminsAndRecomputesTheClocks) {
  Ticket t = register_critical(w.requester_seger);
  EXPECT_EQ(cached(t.id, "resolution").deadline, at("2026-03-02T15:00:00-03:00"));
  auto document = sla::to_json(desk->sla().sla_configuration(as(w.analyst_sis)));
  EXPECT_EQ(outcome([&] { desk->sla().sla_configuration(as(w.requester_seger)); }), "forbidden");
  document["policies"][0]["resolution"] = {{"unit", "business-hours"}, {"amount", 2}};
  EXPECT_EQ(outcome([&] { desk->sla().update_sla_configuration(as(w.analyst_sis), document); }),
            "forbidden");
  auto broken = document;
  broken["policies"][0]["resolution"]["amount"] = -1;
  EXPECT_EQ(outcome([&] { desk->sla().update_sla_configuration(as(w.admin), broken); }),
            "validation");
  EXPECT_EQ(count("sla_configuration"), 0);
  EXPECT_EQ(count("sla_recompute"), 0);  // nor was the recompute started

  desk->sla().update_sla_configuration(as(w.admin), document);
  EXPECT_EQ(desk->sla().sla_configuration(as(w.attendant)).policies[0].resolution.amount, 2);
  // The clocks follow in the background (app/sla/sla_recompute.hpp): to the end here.
  EXPECT_EQ(cached(t.id, "resolution").deadline, at("2026-03-02T15:00:00-03:00"));
  desk->sla_recompute().run_until_done();
  EXPECT_EQ(cached(t.id, "resolution").deadline, at("2026-03-02T11:00:00-03:00"));
  // The ETA told at registration stays what it was.
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), t.id).estimated_deadline,
            at("2026-03-02T15:00:00-03:00"));
}

TEST_P(SlaClockTest, LoadingAPontoFacultativoRecomputesTheClocks) {
  Ticket t = register_critical(w.requester_seger);  // 09:00, 6 business hours: 15:00
  EXPECT_EQ(cached(t.id, "resolution").deadline, at("2026-03-02T15:00:00-03:00"));
  // The desk closes at noon today: 3 hours today, the other 3 tomorrow from 08:00.
  desk->calendars().load_optional_days(
      as(w.admin), "br", 2026,
      {{Date{std::chrono::year{2026} / 3 / 2}, "Ponto facultativo à tarde",
        sla::DayClosure::closed_from(std::chrono::hours(12))}});
  // In the background (app/sla/sla_recompute.hpp): run here to its end.
  desk->sla_recompute().run_until_done();
  EXPECT_EQ(cached(t.id, "resolution").deadline, at("2026-03-03T11:00:00-03:00"));
  desk->calendars().load_optional_days(as(w.admin), "br", 2026, {});
  desk->sla_recompute().run_until_done();
  EXPECT_EQ(cached(t.id, "resolution").deadline, at("2026-03-02T15:00:00-03:00"));
}

TEST_P(SlaClockTest, QueueSortsByTheLiveDeadline) {
  Ticket low = register_sis(w.requester_seger, "Primeiro");  // Baixa: 30/03
  clock.advance(std::chrono::minutes(10));
  Ticket critical = register_critical(w.requester_seger);  // 15:10 today
  store::TicketFilter f;
  f.order = store::TicketOrder::deadline_first;
  f.limit = 1;
  auto page = desk->tickets().list_tickets(as(w.attendant), f);
  ASSERT_EQ(page.tickets.size(), 1u);
  EXPECT_EQ(page.tickets[0].id, critical.id);
  // Reclassified as critical, the first ticket now runs out first (15:00).
  app::Triage triage;
  triage.impact = 1;
  triage.urgency = 1;
  desk->work().triage(as(w.attendant), low.id, triage);
  page = desk->tickets().list_tickets(as(w.attendant), f);
  EXPECT_EQ(page.tickets[0].id, low.id);
  f.cursor = page.next_cursor;
  page = desk->tickets().list_tickets(as(w.attendant), f);
  ASSERT_EQ(page.tickets.size(), 1u);
  EXPECT_EQ(page.tickets[0].id, critical.id);
}

TEST_P(SlaClockTest, RebuildRecomputesTheCache) {
  Ticket t = register_critical(w.requester_seger);
  database->db().write([](store::Connection& c) { c.query("DELETE FROM ticket_sla"); });
  EXPECT_EQ(desk->work().rebuild_tickets().differing, 0);
  EXPECT_EQ(cached(t.id, "resolution").deadline, at("2026-03-02T15:00:00-03:00"));
}

GUICHE_ON_BOTH_ENGINES(SlaClockTest);

}  // namespace
}  // namespace guiche::testing
