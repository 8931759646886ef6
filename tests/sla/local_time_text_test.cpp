// Reading and writing instants in a calendar's zone.
#include <gtest/gtest.h>

#include "domain/error.hpp"
#include "sla/builtin_calendars.hpp"
#include "sla/local_time_text.hpp"

namespace guiche::sla {
namespace {

using namespace std::chrono;

const BusinessCalendar& calendar(const std::string& name) {
  return *builtin_calendars().find(name);
}

std::string error_of(const std::string& name, const std::string& text) {
  try {
    parse_instant_in(calendar(name), text, "start");
  } catch (const DomainError& e) {
    EXPECT_EQ(e.fields().at(0).field, "start");
    return e.what();
  }
  return "(no DomainError)";
}

TEST(LocalTimeText, FormatsWithTheCalendarsOffset) {
  const Instant t = *parse_instant("2026-04-06T13:00:00Z");
  EXPECT_EQ(format_in_calendar(calendar("br"), t), "2026-04-06T10:00:00-03:00");
  EXPECT_EQ(format_in_calendar(calendar("br-ms"), t), "2026-04-06T09:00:00-04:00");
  EXPECT_EQ(format_in_calendar(calendar("br"), t + 250ms), "2026-04-06T10:00:00.250-03:00");
  EXPECT_EQ(format_in_calendar(calendar("br"), *parse_instant("2018-12-01T12:00:00Z")),
            "2018-12-01T10:00:00-02:00");
  CalendarDefinition india{"in", nullptr, "Asia/Kolkata", WorkingWeek::monday_to_friday(9h, 17h),
                           {},   {}};
  EXPECT_EQ(format_in_calendar(BusinessCalendar(india), t), "2026-04-06T18:30:00+05:30");
}

TEST(LocalTimeText, NamesDatesInPortuguese) {
  EXPECT_EQ(format_date_br(local_days{2026y / April / 6}), "06/04/2026");
  EXPECT_EQ(weekday_name(local_days{2026y / April / 6}), "segunda-feira");
  EXPECT_EQ(weekday_name(local_days{2026y / April / 4}), "sábado");
}

TEST(LocalTimeText, ReadsOffsetsOrLocalTimeInTheCalendarsZone) {
  EXPECT_EQ(parse_instant_in(calendar("br"), "2026-04-02T16:00:00-03:00", "start"),
            parse_instant("2026-04-02T19:00:00Z"));
  EXPECT_EQ(parse_instant_in(calendar("br"), "2026-04-02T16:00", "start"),
            parse_instant("2026-04-02T19:00:00Z"));
  EXPECT_EQ(parse_instant_in(calendar("br-ms"), "2026-04-02T16:00", "start"),
            parse_instant("2026-04-02T20:00:00Z"));
}

TEST(LocalTimeText, RefusesMalformedNonexistentAndAmbiguousTimes) {
  EXPECT_NE(error_of("br", "ontem").find("Data e hora inválidas"), std::string::npos);
  EXPECT_NE(error_of("br", "2026-02-30T10:00").find("Data e hora inválidas"), std::string::npos);
  EXPECT_NE(error_of("br", "2026-04-02 16:00").find("Data e hora inválidas"), std::string::npos);
  EXPECT_NE(error_of("br", "2018-11-04T00:30").find("não existiu"), std::string::npos);
  EXPECT_NE(error_of("br", "2019-02-16T23:30").find("ocorreu duas vezes"), std::string::npos);
}

}  // namespace
}  // namespace guiche::sla
