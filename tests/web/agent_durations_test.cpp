#include "web/agent/agent_durations.hpp"

#include <gtest/gtest.h>

namespace guiche::web {
namespace {

using namespace std::chrono_literals;

class WorkingDurationText : public ::testing::Test {
 protected:
  std::string pt(std::chrono::milliseconds d, std::chrono::milliseconds day = 8h) {
    return working_duration_text(texts, "pt-BR", d, day);
  }
  std::string en(std::chrono::milliseconds d, std::chrono::milliseconds day = 8h) {
    return working_duration_text(texts, "en", d, day);
  }
  Texts texts{std::string(GUICHE_WEB_DIR) + "/i18n"};
};

TEST_F(WorkingDurationText, ShortSpansReadInHoursAndMinutes) {
  EXPECT_EQ(pt(20min), "20 min");
  EXPECT_EQ(pt(3h + 5min), "3 h 05 min");
  EXPECT_EQ(pt(15h + 59min), "15 h 59 min");  // just under two days of 8 h
  EXPECT_EQ(en(3h), "3 h");
}

TEST_F(WorkingDurationText, FromTwoBusinessDaysOnReadsInDaysAndHours) {
  EXPECT_EQ(pt(16h), "2 dias");
  EXPECT_EQ(pt(200h), "25 dias");
  EXPECT_EQ(pt(28h + 40min), "3 d 4 h");  // minutes dropped
  EXPECT_EQ(en(200h), "25 days");
  EXPECT_EQ(en(28h), "3 d 4 h");
  // A calendar of 10 h days counts its own days.
  EXPECT_EQ(pt(200h, 10h), "20 dias");
  EXPECT_EQ(pt(16h, 10h), "16 h");
}

TEST_F(WorkingDurationText, AWeekWithoutWorkingTimeNeverDividesByZero) {
  EXPECT_EQ(pt(200h, 0ms), "200 h");
}

}  // namespace
}  // namespace guiche::web
