// Easter by the Meeus algorithm against dates checked independently
// (python-dateutil's easter(), and the dates in docs/domain.md "Calendars" for
// 2025–2027).
#include <gtest/gtest.h>

#include "sla/easter.hpp"

namespace guiche::sla {
namespace {

using namespace std::chrono;

TEST(Easter, MatchesIndependentlyCheckedDates) {
  const std::vector<Date> expected = {2019y / April / 21, 2024y / March / 31, 2025y / April / 20,
                                      2026y / April / 5, 2027y / March / 28, 2028y / April / 16,
                                      2029y / April / 1, 2030y / April / 21, 2031y / April / 13,
                                      // extremes of the algorithm's range of outcomes
                                      2285y / March / 22, 2038y / April / 25};
  for (const auto& date : expected) EXPECT_EQ(easter_sunday(date.year()), date);
}

TEST(Easter, IsAlwaysASundayBetween22MarchAnd25April) {
  for (int y = 1900; y <= 2200; ++y) {
    const Date e = easter_sunday(year{y});
    ASSERT_TRUE(e.ok()) << y;
    EXPECT_EQ(weekday{sys_days{e}}, Sunday) << y;
    EXPECT_GE(e, year{y} / March / 22) << y;
    EXPECT_LE(e, year{y} / April / 25) << y;
  }
}

}  // namespace
}  // namespace guiche::sla
