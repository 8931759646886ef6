// When scheduled reports go and what they cover, from
// tests/domain/data/report_schedule.cases.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/report_day.hpp"
#include "domain/report_schedule.hpp"

namespace guiche {
namespace {

std::string period_text(const std::pair<int, int>& p) {
  return report_day_iso(p.first) + "/" + report_day_iso(p.second);
}

TEST(ReportScheduleTest, RunsAndPeriodsFollowTheCases) {
  std::ifstream in(std::string(GUICHE_DOMAIN_CASES_DIR) + "/report_schedule.cases");
  ASSERT_TRUE(in) << "report_schedule.cases";
  int cases = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    SCOPED_TRACE(line);
    std::istringstream words(line);
    std::string first, frequency, at, arrow, expected, period;
    words >> first;
    const bool late = first == "late";
    if (late) {
      words >> frequency >> at >> arrow >> period;
    } else {
      frequency = first;
      words >> at >> arrow >> expected >> period;
    }
    const auto f = parse_report_frequency(frequency);
    ASSERT_TRUE(f.has_value());
    const auto now = parse_instant(at);
    ASSERT_TRUE(now.has_value());
    if (late) {
      EXPECT_EQ(period_text(report_period_before(*f, *now)), period);
    } else {
      const Instant run = next_report_run(*f, *now);
      EXPECT_EQ(run, parse_instant(expected).value());
      EXPECT_EQ(period_text(report_period_before(*f, run)), period);
    }
    ++cases;
  }
  EXPECT_GE(cases, 10);
}

TEST(ReportScheduleTest, OnlyWeeklyAndMonthlyAreFrequencies) {
  EXPECT_FALSE(parse_report_frequency("daily").has_value());
  EXPECT_FALSE(parse_report_frequency("").has_value());
  EXPECT_STREQ(report_frequency_label_pt(ReportFrequency::monthly), "mensal");
}

}  // namespace
}  // namespace guiche
