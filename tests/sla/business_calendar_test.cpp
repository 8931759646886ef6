// Calendar inheritance, validation, partial days and local/UTC conversion.
#include <gtest/gtest.h>

#include <date/tz.h>

#include "domain/error.hpp"
#include "sla/builtin_calendars.hpp"
#include "sla/local_time_text.hpp"

namespace guiche::sla {
namespace {

using namespace std::chrono;

Instant utc(const std::string& text) {
  return *parse_instant(text);
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.what();
  }
  return "(no DomainError)";
}

// national → state → municipality → organization, as docs/domain.md "Calendars"
// layers them.
std::shared_ptr<const CalendarDefinition> vitoria() {
  auto d = std::make_shared<CalendarDefinition>();
  d->name = "vitoria";
  d->parent = espirito_santo_calendar();
  d->holidays = {HolidayRule::easter(60, "Corpus Christi"),
                 HolidayRule::fixed(8, 9, "Nossa Senhora da Vitória")};
  return d;
}

TEST(BusinessCalendar, InheritsAlongTheChainAndAddsDatedClosures) {
  auto organization = std::make_shared<CalendarDefinition>();
  organization->name = "prodest";
  organization->parent = vitoria();
  organization->optional_days = {
      {2026y / February / 16, "Carnaval", DayClosure::all_day()},
      {2026y / February / 18, "Quarta-feira de Cinzas", DayClosure::all_day()},
      {2026y / December / 24, "Véspera de Natal", DayClosure::closed_from(13h)}};
  BusinessCalendar calendar(*organization);

  EXPECT_EQ(calendar.time_zone(), "America/Sao_Paulo");
  std::vector<std::string> names;
  for (const auto& d : calendar.closed_days_in(2026y)) names.push_back(d.name);
  for (const char* expected :
       {"Carnaval", "Quarta-feira de Cinzas", "Sexta-feira Santa", "Nossa Senhora da Penha",
        "Corpus Christi", "Nossa Senhora da Vitória", "Véspera de Natal", "Natal"})
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;

  const ClosedDay* carnaval = calendar.closed_day(local_days{2026y / February / 16});
  ASSERT_NE(carnaval, nullptr);
  EXPECT_FALSE(carnaval->holiday);
  EXPECT_EQ(carnaval->declared_by, "prodest");
  EXPECT_EQ(calendar.closed_day(local_days{2026y / June / 4})->declared_by, "vitoria");

  auto christmas_eve = calendar.working_hours_on(local_days{2026y / December / 24});
  ASSERT_EQ(christmas_eve.items().size(), 1u);
  EXPECT_EQ(christmas_eve.items()[0], (WorkingInterval{8h, 13h}));
  EXPECT_TRUE(calendar.working_hours_on(local_days{2026y / February / 16}).empty());
  // The parent is untouched.
  EXPECT_EQ(builtin_calendars().find("br-es")->closed_day(local_days{2026y / February / 16}),
            nullptr);
}

TEST(BusinessCalendar, AHolidayRuleMayCloseOnlyPartOfTheDay) {
  // A calendar that observes Cinzas "até 14h" every year, as a rule.
  auto d = std::make_shared<CalendarDefinition>();
  d->name = "cinzas-ate-14h";
  d->parent = national_calendar();
  d->holidays = {
      HolidayRule::easter(-46, "Quarta-feira de Cinzas").partial(DayClosure::closed_until(14h))};
  BusinessCalendar calendar(*d);
  for (auto day : {local_days{2025y / March / 5}, local_days{2026y / February / 18},
                   local_days{2027y / February / 10}}) {
    auto hours = calendar.working_hours_on(day);
    ASSERT_EQ(hours.items().size(), 1u);
    EXPECT_EQ(hours.items()[0], (WorkingInterval{14h, 18h}));
    EXPECT_EQ(calendar.closed_day(day)->closure.describe(), "fechado até 14:00");
  }
}

TEST(BusinessCalendar, AChildMayOverrideZoneAndHours) {
  auto d = std::make_shared<CalendarDefinition>();
  d->name = "expediente-corrido-ms";
  d->parent = mato_grosso_do_sul_calendar();
  WorkingWeek week;
  for (unsigned w = 1; w <= 5; ++w) week.set(weekday{w}, {{7h + 30min, 13h + 30min}});
  d->week = week;
  BusinessCalendar calendar(*d);
  EXPECT_EQ(calendar.time_zone(), "America/Campo_Grande");
  EXPECT_EQ(calendar.week().on(Monday).items()[0], (WorkingInterval{7h + 30min, 13h + 30min}));
  EXPECT_NE(calendar.closed_day(local_days{2026y / October / 11}), nullptr);
}

TEST(BusinessCalendar, RefusesWhatCannotWork) {
  auto bad_zone = std::make_shared<CalendarDefinition>(*national_calendar());
  bad_zone->name = "x";
  bad_zone->time_zone = "Brasil/Brasilia";
  EXPECT_NE(message_of([&] { BusinessCalendar c(*bad_zone); }).find("Fuso horário desconhecido"),
            std::string::npos);

  CalendarDefinition no_zone;
  no_zone.name = "y";
  no_zone.week = WorkingWeek::monday_to_friday(8h, 18h);
  EXPECT_NE(message_of([&] { BusinessCalendar c(no_zone); }).find("não define fuso"),
            std::string::npos);

  CalendarDefinition closed;
  closed.name = "z";
  closed.time_zone = "America/Sao_Paulo";
  closed.week = WorkingWeek{};
  EXPECT_NE(message_of([&] { BusinessCalendar c(closed); }).find("não tem expediente"),
            std::string::npos);

  WorkingWeek week;
  EXPECT_NE(message_of([&] {
              week.set(Monday, {{8h, 12h}, {11h, 18h}});
            }).find("sobrepor"),
            std::string::npos);
  EXPECT_NE(message_of([&] { week.set(Monday, {{18h, 8h}}); }).find("inválido"), std::string::npos);
  EXPECT_NE(message_of([&] { week.set(Monday, {{8h, 25h}}); }).find("inválido"), std::string::npos);

  auto far = std::make_shared<CalendarDefinition>();
  far->name = "far";
  far->parent = national_calendar();
  far->optional_days = {{2150y / January / 2, "longe", DayClosure::all_day()}};
  EXPECT_NE(message_of([&] { BusinessCalendar c(*far); }).find("fora dos anos"), std::string::npos);
}

TEST(BusinessCalendar, LocalTimesAroundDaylightSavingChanges) {
  const auto& br = *builtin_calendars().find("br");
  // 2018-11-04 00:30 never happened: both choices give the transition, 03:00Z.
  const LocalTime gap = local_days{2018y / November / 4} + 30min;
  EXPECT_EQ(br.existence(gap), ZoneOffsets::Existence::nonexistent);
  EXPECT_EQ(br.to_instant(gap, Choose::earliest), utc("2018-11-04T03:00:00Z"));
  EXPECT_EQ(br.to_instant(gap, Choose::latest), utc("2018-11-04T03:00:00Z"));
  // 2019-02-16 23:30 happened at 01:30Z and again at 02:30Z.
  const LocalTime repeated = local_days{2019y / February / 16} + 23h + 30min;
  EXPECT_EQ(br.existence(repeated), ZoneOffsets::Existence::ambiguous);
  EXPECT_EQ(br.to_instant(repeated, Choose::earliest), utc("2019-02-17T01:30:00Z"));
  EXPECT_EQ(br.to_instant(repeated, Choose::latest), utc("2019-02-17T02:30:00Z"));
  EXPECT_EQ(br.existence(local_days{2026y / April / 6} + 10h), ZoneOffsets::Existence::unique);
  EXPECT_EQ(br.offset_at(utc("2018-12-01T12:00:00Z")), -2h);
  EXPECT_EQ(br.offset_at(utc("2026-12-01T12:00:00Z")), -3h);
  EXPECT_EQ(builtin_calendars().find("br-ms")->offset_at(utc("2026-12-01T12:00:00Z")), -4h);
}

TEST(BusinessCalendar, PrecomputedOffsetsAgreeWithTheTzLibrary) {
  for (const char* name : {"br", "br-ms"}) {
    const auto& calendar = *builtin_calendars().find(name);
    const auto* zone = date::locate_zone(calendar.time_zone());
    // Every transition, exactly at it and just before it.
    int transitions = 0;
    for (auto info = zone->get_info(utc("1970-01-02T00:00:00Z"));
         info.end < utc("2100-01-01T00:00:00Z"); info = zone->get_info(info.end)) {
      ASSERT_EQ(calendar.offset_at(info.end), zone->get_info(info.end).offset) << name;
      ASSERT_EQ(calendar.offset_at(info.end - 1ms), info.offset) << name;
      ++transitions;
    }
    EXPECT_GT(transitions, 50) << name;  // DST in most years until 2019
    // And a sample in between, every 5 days and 7 hours.
    for (Instant t = utc("1970-01-01T00:00:00Z"); t < utc("2100-01-01T00:00:00Z"); t += 127h)
      ASSERT_EQ(calendar.offset_at(t), zone->get_info(t).offset) << name << " " << format_utc(t);
  }
}

}  // namespace
}  // namespace guiche::sla
