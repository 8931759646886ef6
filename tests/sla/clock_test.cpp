// The SLA clock beyond the data-file cases: what the timeline explains,
// projects, and the warning instants.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sla/builtin_calendars.hpp"
#include "sla/clock.hpp"

namespace guiche::sla {
namespace {

Instant at(const char* text) {
  return parse_instant(text).value();
}

TicketEvent created(const char* when, const char* category = "incident", int impact = 1,
                    int urgency = 2) {
  TicketEvent e;
  e.ticket_id = 1;
  e.seq = 1;
  e.at = at(when);
  e.data = {{"protocol", "2026-000001"}, {"requester_id", 1}, {"service_id", 1},
            {"category", category},      {"subject", "s"},    {"description", "d"},
            {"impact", impact},          {"urgency", urgency}};
  return e;
}

TicketEvent status(const char* when, const char* to, std::int64_t seq) {
  TicketEvent e;
  e.ticket_id = 1;
  e.seq = seq;
  e.kind = EventKind::status_changed;
  e.at = at(when);
  e.data = {{"from", "new"}, {"to", to}};
  return e;
}

class ClockTest : public ::testing::Test {
 protected:
  SlaTimeline run(const std::vector<TicketEvent>& events, const char* now) {
    ClockContext ctx;
    ctx.config = &config;
    ctx.service = [](std::int64_t) { return std::pair<std::string, std::string>{"SUP", ""}; };
    ctx.calendar = [](const std::string& name) { return builtin_calendars().find(name); };
    ctx.now = at(now);
    ctx.explain = true;
    return compute_timeline(events, ctx);
  }
  SlaConfiguration config = default_configuration();
};

TEST_F(ClockTest, ExplainsPausesHolidaysAndCountedTime) {
  // Alta (16 business hours) from Wednesday 14:00 before Sexta-feira Santa.
  auto t = run({created("2026-04-01T14:00:00-03:00"),
                status("2026-04-02T10:00:00-03:00", "pending_requester", 2),
                status("2026-04-06T09:00:00-03:00", "in_progress", 3)},
               "2026-04-06T12:00:00-03:00");
  ASSERT_TRUE(t.applies);
  EXPECT_EQ(t.policy, "alta");
  EXPECT_EQ(t.severity, "Alta");
  EXPECT_EQ(t.calendar, "br");
  const auto& r = t.targets[1];
  ASSERT_EQ(r.pauses.size(), 1u);
  EXPECT_EQ(r.pauses[0].reason, "Pausado: pendente com o solicitante");
  EXPECT_EQ(r.pauses[0].until, at("2026-04-06T09:00:00-03:00"));
  EXPECT_EQ(r.running.size(), 2u);
  EXPECT_EQ(r.elapsed, std::chrono::hours(9));
  EXPECT_EQ(r.remaining, std::chrono::hours(7));
  EXPECT_EQ(r.deadline, at("2026-04-07T09:00:00-03:00"));
  EXPECT_EQ(r.counted.size(), 3u);  // Wed 14–18, Thu 8–10, Mon 9–12
  std::vector<std::string> names;
  for (const auto& d : r.closed_days) names.push_back(d.name);
  EXPECT_THAT(names, ::testing::Contains("Sexta-feira Santa"));
  // The warning at 75 % of 16 h: 9 h done, 3 h more → Monday 15:00.
  EXPECT_EQ(r.warning_at, at("2026-04-06T15:00:00-03:00"));
  EXPECT_EQ(r.breach_at, r.deadline);
}

TEST_F(ClockTest, ProjectsHaveNoClock) {
  auto t = run({created("2026-03-02T09:00:00-03:00", "project")}, "2026-03-03T09:00:00-03:00");
  EXPECT_FALSE(t.applies);
  EXPECT_EQ(t.not_applied, "Projeto: sem relógio de ANS; vale o prazo acordado (a combinar).");
  EXPECT_TRUE(t.targets.empty());
}

TEST_F(ClockTest, PausedClockHasNoFutureWarning) {
  auto t = run({created("2026-03-02T09:00:00-03:00", "incident", 1, 1),
                status("2026-03-02T10:00:00-03:00", "pending_requester", 2)},
               "2026-03-04T09:00:00-03:00");
  EXPECT_EQ(t.targets[1].state, ClockState::paused);
  EXPECT_FALSE(t.targets[1].warning_at);
  EXPECT_FALSE(t.targets[1].breach_at);
  // The first response was breached before the pause: 1 h, reached at 10:00.
  EXPECT_EQ(t.targets[0].breach_at, at("2026-03-02T10:00:00-03:00"));
}

TEST_F(ClockTest, OrganizationCalendarWhenThePolicySaysSo) {
  for (auto& p : config.policies) p.calendar = CalendarChoice::organization;
  ClockContext ctx;
  ctx.config = &config;
  ctx.service = [](std::int64_t) { return std::pair<std::string, std::string>{"SUP", ""}; };
  ctx.calendar = [](const std::string& name) { return builtin_calendars().find(name); };
  ctx.organization_calendar = "br-es";
  // Friday 16:00 before Nossa Senhora da Penha (Monday 2026-04-13, br-es only).
  ctx.now = at("2026-04-14T09:00:00-03:00");
  auto t = compute_timeline({created("2026-04-10T16:00:00-03:00", "incident", 1, 1)}, ctx);
  EXPECT_EQ(t.calendar, "br-es");
  EXPECT_EQ(t.targets[1].deadline, at("2026-04-14T12:00:00-03:00"));
  ctx.organization_calendar = "";
  t = compute_timeline({created("2026-04-10T16:00:00-03:00", "incident", 1, 1)}, ctx);
  EXPECT_EQ(t.calendar, "br");
  EXPECT_EQ(t.targets[1].deadline, at("2026-04-13T12:00:00-03:00"));
}

}  // namespace
}  // namespace guiche::sla
