// The reports' roll-ups, kept change by change by the ticket ledger, equal a
// count made afresh from the final state of every ticket (its row and its
// SLA timeline now), over random histories: registrations on every channel
// and severity, replies, pauses that wait on the requester, resolutions,
// reopens, cancellations and transfers between units, days apart.
#include <gmock/gmock.h>

#include <random>

#include "app/expect_error.hpp"
#include "app/intake/intake.hpp"
#include "app/reports/reports.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/duration_histogram.hpp"
#include "domain/report_day.hpp"
#include "store/report_rollup_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class ReportRollupPropertyTest : public DeskTest {};

struct BruteCount {
  std::map<int, store::ReportCounts> by_day;
  std::map<std::pair<std::string, int>, std::map<int, std::int64_t>> durations;  // (sev, target)
};

// The count afresh: the rules of app/ledger/report_share.hpp, written again
// from the ticket and its timeline as they are now.
BruteCount brute_count(const std::vector<std::pair<Ticket, sla::SlaTimeline>>& all) {
  BruteCount out;
  for (const auto& [t, tl] : all) {
    const bool resolved =
        t.resolved_at && (t.status == Status::resolved || t.status == Status::closed);
    const bool ended = t.status == Status::closed || t.status == Status::cancelled;
    auto& reg = out.by_day[report_day(t.created_at)];
    reg.registered += 1;
    if (!resolved && !ended) reg.open_now += 1;
    std::optional<int> end_day;
    if (resolved) end_day = report_day(*t.resolved_at);
    if (!resolved && ended && t.closed_at) end_day = report_day(*t.closed_at);
    if (end_day) {
      auto& e = out.by_day[*end_day];
      e.ended += 1;
      if (resolved) e.resolved += 1;
      if (resolved && t.reopen_count > 0) e.reopened += 1;
    }
    const std::string sev = tl.applies ? tl.severity : "";
    for (const auto& clock : tl.targets) {
      if (!tl.applies) break;
      const bool done =
          clock.state == sla::ClockState::met || clock.state == sla::ClockState::breached;
      if (clock.target == sla::Target::resolution) {
        if (clock.state == sla::ClockState::met) {
          auto& d = out.by_day[report_day(*clock.stopped_at)];
          d.due += 1;
          d.met += 1;
        } else if (clock.breached && clock.state != sla::ClockState::stopped) {
          auto& d = out.by_day[report_day(clock.deadline)];
          d.due += 1;
          d.breached += 1;
        } else if (clock.state == sla::ClockState::running) {
          out.by_day[report_day(clock.deadline)].due += 1;
        }
        if (done && resolved) {
          out.durations[{sev, 1}][duration_bucket(clock.elapsed.count())] += 1;
        }
      } else if (done) {
        out.by_day[report_day(*clock.stopped_at)].first_responses += 1;
        out.durations[{sev, 0}][duration_bucket(clock.elapsed.count())] += 1;
      }
    }
  }
  return out;
}

TEST_P(ReportRollupPropertyTest, RollupsEqualACountAfreshOverRandomHistories) {
  std::mt19937 rng(20261206);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  const auto agent = as(w.attendant);
  const auto requester = as(w.requester_seger);
  std::vector<std::int64_t> ids;
  std::vector<std::int64_t> resolved;  // reopens pick among these
  const Channel channels[] = {Channel::portal, Channel::email, Channel::phone};
  const std::int64_t units[] = {w.sgsis.id, w.sgdba.id, w.geinf.id};
  for (int step = 0; step < 160; ++step) {
    clock.advance(std::chrono::minutes(pick(4) == 0 ? 60 * 24 * (1 + pick(3)) : 5 + pick(240)));
    const int action = ids.empty() ? 0 : pick(9);
    const std::int64_t id =
        ids.empty() ? 0 : ids[static_cast<std::size_t>(pick(static_cast<int>(ids.size())))];
    (void)outcome([&] {
      switch (action) {
        case 0: {
          app::RegisterRequest r;
          r.requester_id = w.requester_seger.id;
          r.service_code = "SUP-TEC";
          r.category = pick(3) == 0 ? Category::technical_consultation : Category::service_request;
          r.subject = "Aleatório";
          r.description = "Histórico aleatório.";
          r.impact = 1 + pick(3);
          r.urgency = 1 + pick(3);
          const Channel ch = channels[pick(3)];
          if (ch != Channel::portal) r.channel = ch;
          ids.push_back(
              desk->intake().register_request(ch == Channel::portal ? requester : agent, r).id);
          break;
        }
        case 1:
          desk->work().reply(agent, id, "Resposta.");
          break;
        case 2:
          desk->work().reply(agent, id, "Pode confirmar?", true);
          break;
        case 3:
          desk->work().reply(requester, id, "Confirmo.");
          break;
        case 4:
        case 5:
          desk->work().resolve(agent, id, "Resolvido.", 5);
          resolved.push_back(id);
          break;
        case 6:
          // A reopen soon after the resolution (within the window), then
          // usually a second resolution.
          if (!resolved.empty()) {
            const auto again = resolved.back();
            desk->work().reopen(requester, again, "Voltou.");
            if (pick(3) != 0) {
              clock.advance(std::chrono::minutes(30 + pick(120)));
              desk->work().resolve(agent, again, "Resolvido de novo.", 5);
            }
          }
          break;
        case 7:
          desk->work().route(agent, id, units[pick(3)], std::nullopt);
          break;
        case 8:
          if (pick(3) == 0) desk->work().cancel(agent, id, "Duplicado.");
          break;
      }
    });
    if (step % 20 == 0) desk->sla().record_sla_warnings();
  }
  desk->sla().record_sla_warnings();
  ASSERT_GE(ids.size(), 10u);

  std::vector<std::pair<Ticket, sla::SlaTimeline>> all;
  for (auto id : ids) {
    all.emplace_back(desk->tickets().ticket(as(w.admin), id),
                     desk->tickets().ticket_sla(as(w.admin), id));
  }
  const auto expected = brute_count(all);
  // The history is varied enough to mean something.
  store::ReportCounts sum;
  for (const auto& [day, n] : expected.by_day) sum += n;
  EXPECT_GT(sum.met, 0);
  EXPECT_GT(sum.breached, 0);
  EXPECT_GT(sum.resolved, 0);
  EXPECT_GT(sum.reopened, 0);
  EXPECT_GT(sum.open_now, 0);
  EXPECT_GT(sum.ended, sum.resolved);  // cancellations too

  store::ReportRowFilter f;
  f.first_day = 20200101;
  f.last_day = 20301231;
  std::map<int, store::ReportCounts> by_day;
  std::map<std::pair<std::string, int>, std::map<int, std::int64_t>> durations;
  database->db().read([&](store::Connection& c) {
    for (const auto& [key, n] : store::sum_report_figures(c, f, store::ReportGroup::day)) {
      if (!(n == store::ReportCounts{})) by_day[std::stoi(key)] = n;
    }
    for (int target : {0, 1}) {
      for (const auto& [sev, h] :
           store::sum_report_durations(c, f, store::ReportGroup::severity, target)) {
        durations[{sev, target}] = h;
      }
    }
  });
  EXPECT_EQ(by_day.size(), expected.by_day.size());
  for (const auto& [day, n] : expected.by_day) {
    SCOPED_TRACE(report_day_iso(day));
    const auto& got = by_day[day];
    EXPECT_EQ(got.registered, n.registered);
    EXPECT_EQ(got.open_now, n.open_now);
    EXPECT_EQ(got.ended, n.ended);
    EXPECT_EQ(got.resolved, n.resolved);
    EXPECT_EQ(got.reopened, n.reopened);
    EXPECT_EQ(got.due, n.due);
    EXPECT_EQ(got.met, n.met);
    EXPECT_EQ(got.breached, n.breached);
    EXPECT_EQ(got.first_responses, n.first_responses);
  }
  EXPECT_EQ(durations, expected.durations);

  // And `admin rebuild-tickets` counts the same again.
  desk->work().rebuild_tickets();
  std::map<int, store::ReportCounts> rebuilt;
  database->db().read([&](store::Connection& c) {
    for (const auto& [key, n] : store::sum_report_figures(c, f, store::ReportGroup::day)) {
      if (!(n == store::ReportCounts{})) rebuilt[std::stoi(key)] = n;
    }
  });
  EXPECT_EQ(rebuilt, by_day);
}

GUICHE_ON_BOTH_ENGINES(ReportRollupPropertyTest);

}  // namespace
}  // namespace guiche::testing
