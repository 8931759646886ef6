// Clock time: working time for business units, elapsed time for calendar
// hours, and what one day of each clock is worth.
#include "sla/clock_time.hpp"

#include <gtest/gtest.h>

#include "domain/time.hpp"
#include "sla/builtin_calendars.hpp"

namespace guiche::sla {
namespace {

using namespace std::chrono_literals;

Instant instant(const char* text) {
  return parse_instant(text).value();
}

TEST(ClockTime, BusinessUnitsCountOnlyWorkingTime) {
  const auto calendar = builtin_calendars().find("br-es");
  ASSERT_TRUE(calendar);
  // Friday 17:00 to Monday 09:00 (08:00–18:00): one hour on Friday, one on Monday.
  const Instant from = instant("2026-03-06T17:00:00-03:00");
  const Instant until = instant("2026-03-09T09:00:00-03:00");
  EXPECT_EQ(clock_time_between(*calendar, DurationUnit::business_hours, from, until), 2h);
  EXPECT_EQ(clock_time_between(*calendar, DurationUnit::business_days, from, until), 2h);
  EXPECT_EQ(clock_time_between(*calendar, DurationUnit::calendar_hours, from, until), 64h);
}

TEST(ClockTime, IsZeroBackwards) {
  const auto calendar = builtin_calendars().find("br");
  ASSERT_TRUE(calendar);
  const Instant t = instant("2026-03-09T09:00:00-03:00");
  EXPECT_EQ(clock_time_between(*calendar, DurationUnit::calendar_hours, t, t - 1h), 0ms);
  EXPECT_EQ(clock_time_between(*calendar, DurationUnit::business_hours, t, t - 1h), 0ms);
}

TEST(ClockDayLength, IsTheLongestWorkingDayOrADayOfHours) {
  const auto calendar = builtin_calendars().find("br-es");
  ASSERT_TRUE(calendar);
  EXPECT_EQ(clock_day_length(*calendar, DurationUnit::business_hours), 10h);  // 08:00–18:00
  EXPECT_EQ(clock_day_length(*calendar, DurationUnit::business_days), 10h);
  EXPECT_EQ(clock_day_length(*calendar, DurationUnit::calendar_hours), 24h);
}

}  // namespace
}  // namespace guiche::sla
