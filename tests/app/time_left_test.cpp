// The time left on a ticket's clock, as the queues tell it: counted on the
// calendar the clock runs on (here the requester organization's, not the
// desk's) and in its target's unit; rows cached before the cache kept the
// calendar are recomputed, not read on the desk's calendar.
#include <gmock/gmock.h>

#include "app/calendars/calendars.hpp"
#include "app/sla/time_left.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/desk_world.hpp"
#include "support/shift_calendar.hpp"

namespace guiche::testing {
namespace {

using namespace std::chrono_literals;

class TimeLeftTest : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    put_seger_on_a_shift_calendar(*desk, w, as(w.admin));
  }
};

TEST_P(TimeLeftTest, CountsOnTheOrganizationsCalendarNotTheDesks) {
  // Monday 09:00: 6 business hours on 07:00–13:00 days run out Tuesday 09:00.
  const Ticket t = register_critical(*desk, as(w.requester_seger), w.requester_seger.id);
  const auto standing = desk->tickets().deadline_standing(as(w.attendant), t);
  ASSERT_TRUE(standing.has_deadline);
  EXPECT_EQ(standing.deadline, clock.now() + 24h);
  ASSERT_TRUE(standing.left);
  // The desk's 08:00–18:00 would say 10 h (9 today, 1 tomorrow).
  EXPECT_EQ(standing.left->clock_time, 6h);
  EXPECT_EQ(standing.left->day, 6h);
  EXPECT_TRUE(standing.left->working_time);
  EXPECT_FALSE(standing.overdue);

  clock.advance(5h);  // 14:00: the shift is over for today, 2 h of it left tomorrow
  auto later = desk->tickets().deadline_standing(as(w.attendant), t);
  ASSERT_TRUE(later.left);
  EXPECT_EQ(later.left->clock_time, 2h);

  clock.advance(24h);  // Tuesday 14:00: overdue by Tuesday's 09:00–13:00
  auto overdue = desk->tickets().deadline_standing(as(w.attendant), t);
  EXPECT_TRUE(overdue.overdue);
  ASSERT_TRUE(overdue.left);
  EXPECT_EQ(overdue.left->clock_time, -4h);
}

TEST_P(TimeLeftTest, RowsCachedWithoutTheirCalendarAreRecomputed) {
  const Ticket t = register_critical(*desk, as(w.requester_seger), w.requester_seger.id);
  // As a database upgraded from schema version 9 holds them.
  database->db().write(
      [](store::Connection& c) { c.query("UPDATE ticket_sla SET calendar = '', unit = ''"); });
  const auto standing = desk->tickets().deadline_standing(as(w.attendant), t);
  ASSERT_TRUE(standing.left);
  EXPECT_EQ(standing.left->clock_time, 6h);
  for (const auto& row : desk->tickets().ticket_sla_summary(as(w.attendant), t.id)) {
    EXPECT_EQ(row.calendar, "br-es-turno");
    EXPECT_EQ(row.unit, "business-hours");
  }
}

TEST_P(TimeLeftTest, APausedClockHasNoTimeLeftToTell) {
  const Ticket t = register_critical(*desk, as(w.requester_seger), w.requester_seger.id);
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  desk->work().reply(as(w.analyst_sis), t.id, "Qual a matrícula do servidor?", true);
  const auto standing = desk->tickets().deadline_standing(as(w.attendant), t);
  EXPECT_TRUE(standing.paused);
  EXPECT_FALSE(standing.left);
}

TEST_P(TimeLeftTest, CalendarHoursCountElapsedTimeAndDaysOf24Hours) {
  auto& book = desk->calendars().book();
  const Instant now = clock.now();  // Monday 09:00
  auto left =
      app::time_left(book, "br-es-turno", sla::DurationUnit::calendar_hours, now + 30h, now);
  ASSERT_TRUE(left);
  EXPECT_EQ(left->clock_time, 30h);
  EXPECT_EQ(left->day, 24h);
  EXPECT_FALSE(left->working_time);
  auto past = app::time_left(book, "br-es-turno", sla::DurationUnit::calendar_hours, now - 2h, now);
  ASSERT_TRUE(past);
  EXPECT_EQ(past->clock_time, -2h);
  EXPECT_FALSE(app::time_left(book, "nenhum", sla::DurationUnit::business_hours, now, now));
}

GUICHE_ON_BOTH_ENGINES(TimeLeftTest);

}  // namespace
}  // namespace guiche::testing
