// The recompute of the cached clocks after an SLA or calendar change, on both
// engines: the change only (re)starts the job; batches finish it and leave
// what a full recompute would; a crash resumes from the cursor; a second
// change restarts it; tickets changed meanwhile already have the new clock;
// only admins follow it.
#include <gmock/gmock.h>

#include <thread>

#include "app/calendars/calendars.hpp"
#include "app/directory/directory.hpp"
#include "app/expect_error.hpp"
#include "app/intake/intake.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/sla/sla_recompute.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "clock_snapshot.hpp"
#include "store/sla_recompute_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

Instant recompute_at(const char* text) {
  return parse_instant(text).value();
}

class SlaRecomputeTest : public DeskTest {
 protected:
  // A critical request (Crítica: resolution 6 business hours: 15:00 today).
  Ticket register_critical(const std::string& subject = "Sistema parado") {
    app::RegisterRequest r;
    r.requester_id = w.requester_seger.id;
    r.service_code = "SIS-ACESSO";
    r.subject = subject;
    r.description = "Ninguém consegue lançar a folha.";
    r.form_answers = {{"sistema", "SIGEFES"}, {"matricula", "123456"}};
    r.impact = 1;
    r.urgency = 1;
    return desk->intake().register_request(as(w.requester_seger), r);
  }
  std::vector<std::int64_t> register_criticals(int n) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < n; ++i) ids.push_back(register_critical("Parado " + std::to_string(i)).id);
    return ids;
  }
  // Crítica's resolution becomes `hours` business hours.
  void change_critical_resolution(int hours) {
    auto config = sla::to_json(desk->sla().sla_configuration(as(w.admin)));
    for (auto& p : config["policies"]) {
      if (p["code"] == "critica") p["resolution"]["amount"] = hours;
    }
    desk->sla().update_sla_configuration(as(w.admin), config);
  }
  Instant resolution_deadline(std::int64_t ticket_id) {
    for (const auto& row : desk->tickets().ticket_sla_summary(as(w.admin), ticket_id)) {
      if (row.target == "resolution") return row.deadline;
    }
    ADD_FAILURE() << "no cached resolution clock";
    return {};
  }
  store::SlaRecomputeJob job() {
    auto j = desk->sla_recompute().job(as(w.admin));
    EXPECT_TRUE(j.has_value());
    return j.value_or(store::SlaRecomputeJob{});
  }
  std::int64_t unfinished() {
    std::int64_t n = 0;
    database->db().read([&](store::Connection& c) {
      n = c.query_one("SELECT count(*) FROM tickets WHERE status NOT IN ('closed', 'cancelled')")
              ->integer(0);
    });
    return n;
  }
  // The clocks as a full recompute from the events leaves them.
  std::vector<std::string> fully_recomputed() {
    desk->work().rebuild_tickets();
    return unfinished_clocks(database->db());
  }
};

TEST_P(SlaRecomputeTest, AChangeOnlyStartsTheJobAndBatchesFinishIt) {
  const auto ids = register_criticals(5);
  EXPECT_FALSE(desk->sla_recompute().job(as(w.admin)));
  change_critical_resolution(2);
  // The admin's request returned with nothing recomputed yet.
  auto j = job();
  EXPECT_EQ(j.reason, "configuração de ANS alterada");
  EXPECT_EQ(j.started_by, w.admin.id);
  EXPECT_EQ(j.started_at, clock.now());
  EXPECT_EQ(j.total, unfinished());
  EXPECT_GE(j.total, 5);
  EXPECT_EQ(j.done, 0);
  EXPECT_FALSE(j.finished_at);
  EXPECT_EQ(app::SlaRecompute::percent(j), 0);
  EXPECT_EQ(resolution_deadline(ids[0]), recompute_at("2026-03-02T15:00:00-03:00"));

  clock.advance(std::chrono::seconds(3));
  EXPECT_EQ(desk->sla_recompute().run_until_done(), j.total);
  j = job();
  EXPECT_EQ(j.done, j.total);
  ASSERT_TRUE(j.finished_at);
  EXPECT_EQ(*j.finished_at - j.started_at, std::chrono::seconds(3));
  EXPECT_EQ(app::SlaRecompute::percent(j), 100);
  for (auto id : ids) EXPECT_EQ(resolution_deadline(id), recompute_at("2026-03-02T11:00:00-03:00"));
  // Every queue key and clock as a full recompute leaves them.
  const auto after_job = unfinished_clocks(database->db());
  EXPECT_EQ(after_job, fully_recomputed());
  // Nothing pending: a batch finds nothing to do.
  EXPECT_FALSE(desk->sla_recompute().run_batch());
}

TEST_P(SlaRecomputeTest, ACrashMidJobResumesFromTheCursor) {
  const auto ids = register_criticals(7);
  change_critical_resolution(2);
  const auto total = job().total;
  EXPECT_TRUE(desk->sla_recompute().run_batch(3));
  auto j = job();
  EXPECT_EQ(j.done, 3);
  EXPECT_FALSE(j.finished_at);
  // The first three tickets by id are done; the rest still show the old clock.
  std::vector<std::int64_t> all;
  database->db().read([&](store::Connection& c) {
    all = store::unfinished_ticket_ids_between(c, 0, j.last_id, 1000);
  });
  ASSERT_GE(all.size(), 3u);
  EXPECT_EQ(j.cursor_id, all[2]);
  EXPECT_EQ(resolution_deadline(ids.back()), recompute_at("2026-03-02T15:00:00-03:00"));

  // The process dies; another one (a new desk on the same database) resumes.
  desk.reset();
  desk = std::make_unique<app::Desk>(database->db(), clock, desk_config());
  EXPECT_EQ(desk->sla_recompute().run_until_done(), total - 3);
  EXPECT_EQ(job().done, total);
  for (auto id : ids) EXPECT_EQ(resolution_deadline(id), recompute_at("2026-03-02T11:00:00-03:00"));
  EXPECT_EQ(unfinished_clocks(database->db()), fully_recomputed());
}

TEST_P(SlaRecomputeTest, ASecondChangeRestartsTheJobFromTheBeginning) {
  const auto ids = register_criticals(6);
  change_critical_resolution(2);
  EXPECT_TRUE(desk->sla_recompute().run_batch(4));
  const auto first = job();
  EXPECT_EQ(first.done, 4);
  clock.advance(std::chrono::minutes(1));
  change_critical_resolution(4);
  auto j = job();
  EXPECT_EQ(j.generation, first.generation + 1);
  EXPECT_EQ(j.done, 0);
  EXPECT_EQ(j.cursor_id, 0);
  EXPECT_EQ(j.started_at, clock.now());
  desk->sla_recompute().run_until_done();
  // The last configuration applies to all, the first four included.
  for (auto id : ids) EXPECT_EQ(resolution_deadline(id), recompute_at("2026-03-02T13:00:00-03:00"));
  EXPECT_EQ(unfinished_clocks(database->db()), fully_recomputed());
}

TEST_P(SlaRecomputeTest, ATicketChangedMeanwhileAlreadyHasTheNewDeadline) {
  const auto ids = register_criticals(3);
  change_critical_resolution(2);
  // Before any batch: a change that moves the clock recomputes it on the new configuration.
  desk->work().route(as(w.attendant), ids[1], w.sgsis.id, w.analyst_sis.id);
  desk->work().change_status(as(w.analyst_sis), ids[1], Status::in_progress);
  EXPECT_EQ(resolution_deadline(ids[1]), recompute_at("2026-03-02T11:00:00-03:00"));
  EXPECT_EQ(resolution_deadline(ids[0]), recompute_at("2026-03-02T15:00:00-03:00"));
  // So is a ticket registered meanwhile, which the job need not visit.
  const auto late = register_critical("Depois da mudança").id;
  EXPECT_EQ(resolution_deadline(late), recompute_at("2026-03-02T11:00:00-03:00"));
  EXPECT_GT(late, job().last_id);
  desk->sla_recompute().run_until_done();
  for (auto id : ids) EXPECT_EQ(resolution_deadline(id), recompute_at("2026-03-02T11:00:00-03:00"));
  EXPECT_EQ(unfinished_clocks(database->db()), fully_recomputed());
}

TEST_P(SlaRecomputeTest, CalendarChangesStartTheJobWithTheirReason) {
  const auto ids = register_criticals(2);
  // The desk closes at noon today: 3 hours today, the other 3 tomorrow from 08:00.
  desk->calendars().load_optional_days(
      as(w.admin), "br", 2026,
      {{Date{std::chrono::year{2026} / 3 / 2}, "Ponto facultativo à tarde",
        sla::DayClosure::closed_from(std::chrono::hours(12))}});
  EXPECT_EQ(job().reason, "pontos facultativos de 2026 do calendário br carregados");
  EXPECT_EQ(job().done, 0);
  desk->sla_recompute().run_until_done();
  for (auto id : ids) EXPECT_EQ(resolution_deadline(id), recompute_at("2026-03-03T11:00:00-03:00"));

  app::CalendarSpec spec;
  spec.name = "br-es-matriz";
  spec.parent = "br-es";
  desk->calendars().save_calendar(as(w.admin), spec);
  EXPECT_EQ(job().reason, "calendário br-es-matriz alterado");
  EXPECT_FALSE(job().finished_at);

  auto org = desk->directory().organization(as(w.admin), w.seger.id);
  org.calendar = "br-es-matriz";
  desk->directory().update_organization(as(w.admin), org);
  EXPECT_EQ(job().reason, "calendário do órgão " + org.acronym + " alterado");
  desk->sla_recompute().run_until_done();
  EXPECT_EQ(unfinished_clocks(database->db()), fully_recomputed());
}

TEST_P(SlaRecomputeTest, TwoNodesShareTheJobWithoutCountingATicketTwice) {
  const auto ids = register_criticals(40);
  change_critical_resolution(2);
  const auto total = job().total;
  app::Desk other(database->db(), clock, desk_config());
  // Both run small batches at once; each batch locks the job row.
  std::int64_t here = 0, there = 0;
  std::thread node([&] {
    while (other.sla_recompute().run_batch(3, &there)) {
    }
  });
  while (desk->sla_recompute().run_batch(3, &here)) {
  }
  node.join();
  EXPECT_EQ(here + there, total);
  EXPECT_EQ(job().done, total);
  EXPECT_TRUE(job().finished_at);
  for (auto id : ids) EXPECT_EQ(resolution_deadline(id), recompute_at("2026-03-02T11:00:00-03:00"));
  EXPECT_EQ(unfinished_clocks(database->db()), fully_recomputed());
}

TEST_P(SlaRecomputeTest, OnlyAdminsFollowTheJob) {
  change_critical_resolution(2);
  EXPECT_EQ(outcome([&] { desk->sla_recompute().job(as(w.analyst_sis)); }), "forbidden");
  EXPECT_EQ(outcome([&] { desk->sla_recompute().job(as(w.requester_seger)); }), "forbidden");
  EXPECT_EQ(outcome([&] { desk->sla_recompute().job(as(w.admin)); }), "ok");
}

GUICHE_ON_BOTH_ENGINES(SlaRecomputeTest);

}  // namespace
}  // namespace guiche::testing
