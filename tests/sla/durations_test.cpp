// Properties of the duration functions and their explanations, beyond the
// case files: working time between instants, explanations, bad amounts, and
// the identities the pause logic will rely on.
#include <gtest/gtest.h>

#include <random>

#include "domain/error.hpp"
#include "sla/builtin_calendars.hpp"
#include "sla/case_calendars.hpp"
#include "sla/durations.hpp"
#include "sla/local_time_text.hpp"

namespace guiche::sla {
namespace {

using namespace std::chrono;

Instant at(const std::string& text) {
  return *parse_instant(text);
}

const BusinessCalendar& br() {
  return *builtin_calendars().find("br");
}

std::string local_span(const BusinessCalendar& calendar, const CountedInterval& i) {
  return format_date_br(i.day) + " " + format_clock(calendar.to_local(i.from)) + "–" +
         format_clock(calendar.to_local(i.until));
}

TEST(WorkingTime, NovemberOf2026HasNineteenWorkingDays) {
  const auto total =
      working_time_between(br(), at("2026-11-01T00:00:00-03:00"), at("2026-12-01T00:00:00-03:00"));
  EXPECT_EQ(total, 19 * 10h);
  auto explained = explain_working_time_between(br(), at("2026-11-01T00:00:00-03:00"),
                                                at("2026-12-01T00:00:00-03:00"));
  EXPECT_EQ(explained.counted.size(), 19u);
  EXPECT_EQ(explained.working_time, total);
  ASSERT_EQ(explained.closed_days.size(), 3u);  // 02/11, 15/11 (Sunday), 20/11
  EXPECT_EQ(explained.closed_days[1].name, "Proclamação da República");
}

TEST(WorkingTime, CountsOnlyTheOverlapWithWorkingHours) {
  EXPECT_EQ(
      working_time_between(br(), at("2026-03-10T10:15:00-03:00"), at("2026-03-10T11:45:30-03:00")),
      1h + 30min + 30s);
  EXPECT_EQ(
      working_time_between(br(), at("2026-03-10T17:00:00-03:00"), at("2026-03-11T09:00:00-03:00")),
      2h);
  EXPECT_EQ(
      working_time_between(br(), at("2026-03-13T19:00:00-03:00"), at("2026-03-16T07:00:00-03:00")),
      0h);
  EXPECT_EQ(
      working_time_between(br(), at("2026-03-11T09:00:00-03:00"), at("2026-03-10T17:00:00-03:00")),
      0h);
}

TEST(WorkingTime, PausedWorkingTimeMovesTheDeadline) {
  // How the pause rule will use this API: 4 business hours from Thursday
  // 16:00 (V1), paused (pending_requester) from Thursday 17:00 to Monday 09:00.
  const Instant start = at("2026-04-02T16:00:00-03:00");
  const auto paused =
      working_time_between(br(), at("2026-04-02T17:00:00-03:00"), at("2026-04-06T09:00:00-03:00"));
  EXPECT_EQ(paused, 2h);
  EXPECT_EQ(format_in_calendar(br(), add_working_time(br(), start, 4h + paused)),
            "2026-04-06T12:00:00-03:00");
}

TEST(Explanation, BusinessHoursListsCountedIntervalsAndSkippedHolidays) {
  auto e =
      explain_deadline(br(), at("2026-04-02T16:00:00-03:00"), {DurationUnit::business_hours, 4});
  EXPECT_EQ(format_in_calendar(br(), e.end), "2026-04-06T10:00:00-03:00");
  ASSERT_EQ(e.counted.size(), 2u);
  EXPECT_EQ(local_span(br(), e.counted[0]), "02/04/2026 16:00–18:00");
  EXPECT_EQ(format_utc(e.counted[0].from), "2026-04-02T19:00:00.000Z");
  EXPECT_EQ(local_span(br(), e.counted[1]), "06/04/2026 08:00–10:00");
  EXPECT_EQ(format_utc(e.counted[1].until), "2026-04-06T13:00:00.000Z");
  ASSERT_EQ(e.closed_days.size(), 1u);
  EXPECT_EQ(e.closed_days[0].name, "Sexta-feira Santa");
  EXPECT_EQ(format_date_br(e.closed_days[0].day), "03/04/2026");
  EXPECT_EQ(e.working_time, 4h);
}

TEST(Explanation, BusinessDaysNumbersTheCountedDays) {
  const auto& es = *builtin_calendars().find("br-es");
  auto e = explain_deadline(es, at("2026-04-10T10:00:00-03:00"), {DurationUnit::business_days, 2});
  ASSERT_EQ(e.counted.size(), 2u);
  EXPECT_EQ(local_span(es, e.counted[0]), "14/04/2026 08:00–18:00");
  EXPECT_EQ(e.counted[0].business_day, 1);
  EXPECT_EQ(e.counted[1].business_day, 2);
  ASSERT_EQ(e.closed_days.size(), 1u);
  EXPECT_EQ(e.closed_days[0].name, "Nossa Senhora da Penha");
  EXPECT_EQ(e.end, e.counted[1].until);
}

TEST(Explanation, CalendarHoursIsOnePlainInterval) {
  auto e =
      explain_deadline(br(), at("2026-04-02T16:00:00-03:00"), {DurationUnit::calendar_hours, 24});
  ASSERT_EQ(e.counted.size(), 1u);
  EXPECT_EQ(e.working_time, 24h);
  EXPECT_TRUE(e.closed_days.empty());
}

std::string error_of(Duration d, const std::string& start = "2026-04-02T16:00:00-03:00") {
  try {
    deadline(br(), at(start), d);
  } catch (const DomainError& e) {
    return e.what();
  }
  return "(no DomainError)";
}

TEST(Deadline, RefusesNegativeOrHugeAmountsAndTheEndOfTime) {
  EXPECT_EQ(error_of({DurationUnit::business_hours, -1}), "A duração não pode ser negativa.");
  EXPECT_EQ(error_of({DurationUnit::calendar_hours, -5}), "A duração não pode ser negativa.");
  EXPECT_NE(error_of({DurationUnit::business_days, Duration::max_amount + 1}).find("longa demais"),
            std::string::npos);
  EXPECT_NE(error_of({DurationUnit::business_days, 10}, "2099-12-30T10:00:00-03:00")
                .find("anos suportados"),
            std::string::npos);
  EXPECT_NE(error_of({DurationUnit::business_hours, 1}, "1969-12-31T10:00:00-03:00")
                .find("anos suportados"),
            std::string::npos);
}

// Random starts (2018–2030, DST years included) and amounts, on every kind
// of calendar: the deadline is the earliest instant with exactly that working
// time, and adding working time in two steps equals adding it at once (what
// resuming a paused clock relies on).
TEST(WorkingTime, AddingAndCountingAreInverse) {
  std::mt19937_64 random(20260406);
  const std::int64_t from = to_millis(at("2018-01-01T00:00:00Z"));
  const std::int64_t span = to_millis(at("2030-12-31T00:00:00Z")) - from;
  for (const char* spec : {"br", "br-es", "br-ms", "test-24x7", "test-split",
                           "br+closed-until:2026-02-18@14:00+closed-from:2026-12-24@13:00"}) {
    auto calendar = testing::calendar_for_spec(spec);
    for (int i = 0; i < 300; ++i) {
      const Instant start = from_millis(from + static_cast<std::int64_t>(random() % span));
      const milliseconds a{static_cast<std::int64_t>(random() % (200 * 3'600'000LL))};
      const milliseconds b{static_cast<std::int64_t>(random() % (50 * 3'600'000LL))};
      const Instant end = add_working_time(*calendar, start, a);
      ASSERT_EQ(working_time_between(*calendar, start, end), a) << spec << format_utc(start);
      if (a > 0ms) {
        ASSERT_LT(working_time_between(*calendar, start, end - 1ms), a) << spec;
      }
      ASSERT_EQ(add_working_time(*calendar, end, b), add_working_time(*calendar, start, a + b))
          << spec << " " << format_utc(start);
    }
  }
}

TEST(Units, HaveCodes) {
  for (auto unit :
       {DurationUnit::business_hours, DurationUnit::business_days, DurationUnit::calendar_hours})
    EXPECT_EQ(parse_unit(unit_code(unit)), unit);
  EXPECT_EQ(parse_unit("weeks"), std::nullopt);
}

}  // namespace
}  // namespace guiche::sla
