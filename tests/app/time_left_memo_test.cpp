// A page's time left counted through a memo (app/sla/time_left.hpp) equals
// time_left() counted from now for each deadline, whatever the order the
// deadlines come in, on every clock: working hours, business days, calendar
// hours, on calendars with holidays.
#include <gmock/gmock.h>

#include <random>

#include "app/calendars/calendars.hpp"
#include "app/sla/time_left.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class TimeLeftMemoTest : public DeskTest {};

TEST_P(TimeLeftMemoTest, EqualsCountingEachDeadlineFromNow) {
  auto& book = desk->calendars().book();
  const Instant now = clock.now();
  std::mt19937 rng(42);
  const sla::DurationUnit units[] = {sla::DurationUnit::business_hours,
                                     sla::DurationUnit::business_days,
                                     sla::DurationUnit::calendar_hours};
  for (int round = 0; round < 4; ++round) {
    app::TimeLeftMemo memo(book, now);
    for (int i = 0; i < 200; ++i) {
      // Up to a year either side of now, to the minute.
      const auto offset = std::chrono::minutes(static_cast<long>(rng() % (2 * 525600)) - 525600);
      const Instant deadline = now + offset;
      const std::string calendar = rng() % 2 ? "br" : "br-es";
      const auto unit = units[rng() % 3];
      const auto expected = app::time_left(book, calendar, unit, deadline, now);
      const auto got = memo.time_left(calendar, unit, deadline);
      ASSERT_TRUE(expected && got);
      EXPECT_EQ(got->clock_time, expected->clock_time) << format_utc(deadline) << " " << calendar;
      EXPECT_EQ(got->day, expected->day);
      EXPECT_EQ(got->working_time, expected->working_time);
    }
  }
  EXPECT_FALSE(app::TimeLeftMemo(book, now).time_left("nenhum", units[0], now));
}

GUICHE_ON_BOTH_ENGINES(TimeLeftMemoTest);

}  // namespace
}  // namespace guiche::testing
