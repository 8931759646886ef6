#include "web/date_input.hpp"

#include <gtest/gtest.h>

namespace guiche::web {
namespace {

using namespace std::chrono;

TEST(DateInput, ReadsTheBrazilianFormatAndIso) {
  const Date expected{year{2026} / 3 / 9};
  EXPECT_EQ(parse_date_input("09/03/2026"), expected);
  EXPECT_EQ(parse_date_input("9/3/2026"), expected);
  EXPECT_EQ(parse_date_input(" 09/03/2026 "), expected);
  EXPECT_EQ(parse_date_input("2026-03-09"), expected);
  EXPECT_EQ(parse_date_input("29/02/2028"), (Date{year{2028} / 2 / 29}));
}

TEST(DateInput, RefusesDaysThatDoNotExistAndOtherFormats) {
  for (const char* bad : {"31/02/2026", "29/02/2026", "00/01/2026", "01/13/2026", "32/01/2026",
                          "2026-02-30", "03/09/26", "09-03-2026", "2026/03/09", "09/03/2026x",
                          "+9/03/2026", "09/03", "", "   ", "amanhã", "1/1/20266", "2026-3-9"}) {
    EXPECT_FALSE(parse_date_input(bad).has_value()) << bad;
  }
}

TEST(DateInput, WritesDayMonthYear) {
  EXPECT_EQ(format_date_input(Date{year{2026} / 3 / 9}), "09/03/2026");
  EXPECT_EQ(format_date_input(Date{year{2026} / 12 / 31}), "31/12/2026");
}

TEST(ClockInput, ReadsHoursAndMinutes) {
  EXPECT_EQ(parse_clock_input("14:30"), 14 * 60 + 30);
  EXPECT_EQ(parse_clock_input("9:05"), 9 * 60 + 5);
  EXPECT_EQ(parse_clock_input(" 00:00 "), 0);
  EXPECT_EQ(parse_clock_input("23:59"), 23 * 60 + 59);
  for (const char* bad : {"24:00", "12:60", "12:5", "1230", "", "12:", ":30", "+1:30", "12:30x"}) {
    EXPECT_FALSE(parse_clock_input(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace guiche::web
