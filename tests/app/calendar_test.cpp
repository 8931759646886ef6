// Stored calendars and pontos facultativos through the desk, on both engines:
// who may change them, how bad data is refused before it is stored, and that
// the SLA clock sees what was loaded.
#include <gmock/gmock.h>

#include "app/calendars/calendar_book.hpp"
#include "app/calendars/calendars.hpp"
#include "app/directory/directory.hpp"
#include "app/expect_error.hpp"
#include "sla/durations.hpp"
#include "sla/local_time_text.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;
using ::testing::Field;

Date on(int y, unsigned m, unsigned d) {
  return year{y} / month{m} / day{d};
}

class CalendarTest : public DeskTest {
 protected:
  app::CalendarSpec vitoria() {
    app::CalendarSpec s;
    s.name = "br-es-vitoria";
    s.parent = "br-es";
    s.holidays = {sla::HolidayRule::easter(60, "Corpus Christi"),
                  sla::HolidayRule::fixed(8, 9, "Nossa Senhora da Vitória")};
    return s;
  }
  std::vector<std::string> names_in(const std::string& calendar, int y) {
    std::vector<std::string> out;
    for (const auto& d : desk->calendars().calendar_holidays(calendar, y))
      out.push_back(format_date(Date{sys_days{d.day.time_since_epoch()}}) + " " + d.name);
    return out;
  }
  bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
  }
};

TEST_P(CalendarTest, AdminDefinesAMunicipalCalendarThatInheritsTheStates) {
  auto view = desk->calendars().save_calendar(as(w.admin), vitoria());
  EXPECT_FALSE(view.builtin);
  EXPECT_EQ(view.parent, "br-es");
  EXPECT_EQ(view.resolved->time_zone(), "America/Sao_Paulo");

  auto holidays = names_in("br-es-vitoria", 2026);
  EXPECT_TRUE(has(holidays, "2026-04-13 Nossa Senhora da Penha")) << "from br-es";
  EXPECT_TRUE(has(holidays, "2026-04-03 Sexta-feira Santa")) << "from br";
  EXPECT_TRUE(has(holidays, "2026-06-04 Corpus Christi"));
  EXPECT_TRUE(has(holidays, "2026-09-08 Nossa Senhora da Vitória"));
  EXPECT_FALSE(has(names_in("br-es", 2026), "2026-06-04 Corpus Christi"));

  // Another desk on the same database reads it back as stored.
  app::Desk other(database->db(), clock, desk_config());
  auto names = other.calendars().book().names();
  EXPECT_THAT(names, ElementsAre("br", "br-es", "br-es-vitoria", "br-ms"));
  auto read = other.calendars().calendar(as(w.analyst_sis), "br-es-vitoria");
  ASSERT_EQ(read.definition->holidays.size(), 2u);
  EXPECT_EQ(read.definition->holidays[0].days_after_easter, 60);
  EXPECT_EQ(read.definition->holidays[1].name, "Nossa Senhora da Vitória");
}

TEST_P(CalendarTest, ACalendarMayHaveItsOwnZoneWeekAndPartialHolidays) {
  app::CalendarSpec s;
  s.name = "orgao-ms";
  s.parent = "br-ms";
  s.time_zone = "America/Cuiaba";
  sla::WorkingWeek week;
  week.set(Monday, {{hours{8}, hours{12}}, {hours{14}, hours{18}}});
  s.week = week;
  s.holidays = {sla::HolidayRule::fixed(26, 8, "Aniversário")
                    .partial(sla::DayClosure::closed_from(hours{12}))};
  desk->calendars().save_calendar(as(w.admin), s);
  auto calendar = desk->calendars().book().find("orgao-ms");
  ASSERT_TRUE(calendar);
  EXPECT_EQ(calendar->time_zone(), "America/Cuiaba");
  auto monday = calendar->working_hours_on(local_days{2026y / August / 24});
  EXPECT_EQ(monday.items().size(), 2u);
  EXPECT_TRUE(calendar->working_hours_on(local_days{2026y / August / 25}).empty()) << "Tuesday";
  // 2030-08-26 is a Monday: open in the morning only.
  auto partial = calendar->working_hours_on(local_days{2030y / August / 26});
  ASSERT_EQ(partial.items().size(), 1u);
  EXPECT_EQ(partial.items()[0].until, hours{12});
  EXPECT_TRUE(calendar->closed_day(local_days{2026y / October / 11})) << "inherits br-ms";
}

TEST_P(CalendarTest, OnlyAdminsChangeCalendarsAndOnlyStaffReadThem) {
  EXPECT_EQ(outcome([&] { desk->calendars().save_calendar(as(w.analyst_sis), vitoria()); }),
            "forbidden");
  EXPECT_EQ(outcome([&] {
              desk->calendars().load_optional_days(as(w.attendant), "br", 2026,
                                                   {{on(2026, 2, 16), "Carnaval", {}}});
            }),
            "forbidden");
  EXPECT_EQ(outcome([&] { desk->calendars().calendars(as(w.requester_seger)); }), "forbidden");
  EXPECT_EQ(outcome([&] { desk->calendars().calendar(as(w.requester_seger), "br"); }), "forbidden");
  EXPECT_EQ(desk->calendars().calendars(as(w.analyst_sis)).size(), 3u);
  EXPECT_EQ(desk->calendars().calendar(as(w.attendant), "br-ms").resolved->time_zone(),
            "America/Campo_Grande");
  EXPECT_EQ(outcome([&] { desk->calendars().calendar(as(w.attendant), "br-sp"); }), "not_found");
  // Holidays are public: no actor at all.
  EXPECT_FALSE(desk->calendars().calendar_holidays("br", 2026).empty());
  EXPECT_EQ(count("calendars"), 0);
  EXPECT_EQ(count("calendar_optional_days"), 0);
}

TEST_P(CalendarTest, BadCalendarsAreRefusedBeforeAnythingIsStored) {
  auto refused = [&](app::CalendarSpec s, const std::string& field) {
    auto e = error_of([&] { desk->calendars().save_calendar(as(w.admin), s); });
    ASSERT_TRUE(e) << field;
    EXPECT_EQ(e->kind(), DomainError::Kind::validation) << field << ": " << e->what();
    EXPECT_TRUE(names_field(*e, field)) << field << ": " << e->what();
    EXPECT_TRUE(looks_pt_br(e->what())) << e->what();
  };
  auto s = vitoria();
  s.parent = "br-sp";
  refused(s, "parent");
  s = vitoria();
  s.time_zone = "Brasil/Vitoria";
  refused(s, "time_zone");
  s = vitoria();
  s.name = "Vitória ES";
  refused(s, "name");
  s = vitoria();
  s.holidays.push_back(sla::HolidayRule::fixed(31, 2, "Dia impossível"));
  refused(s, "holidays[2].date");
  s = vitoria();
  s.holidays[0].closure = sla::DayClosure{hours{18}, hours{26}};
  refused(s, "holidays[0].closure");
  s = vitoria();
  s.holidays[1].name = "  ";
  refused(s, "holidays[1].name");
  EXPECT_EQ(count("calendars"), 0);
  EXPECT_EQ(count("calendar_holidays"), 0);

  // Inheritance may not loop back: a -> b, then a replaced to inherit from b.
  auto a = vitoria();
  a.name = "a-cal";
  desk->calendars().save_calendar(as(w.admin), a);
  auto b = vitoria();
  b.name = "b-cal";
  b.parent = "a-cal";
  desk->calendars().save_calendar(as(w.admin), b);
  a.parent = "b-cal";
  refused(a, "parent");
  EXPECT_EQ(desk->calendars().calendar(as(w.admin), "a-cal").parent, "br-es");

  auto builtin = vitoria();
  builtin.name = "br-es";
  EXPECT_EQ(outcome([&] { desk->calendars().save_calendar(as(w.admin), builtin); }), "conflict");
  EXPECT_EQ(count("calendars"), 2);
}

TEST_P(CalendarTest, OptionalDaysReplaceTheirYearAtomically) {
  const auto admin = as(w.admin);
  desk->calendars().load_optional_days(admin, "br", 2025, {{on(2025, 3, 3), "Carnaval", {}}});
  auto stored = desk->calendars().load_optional_days(
      admin, "br", 2026,
      {{on(2026, 2, 18), "Quarta-feira de Cinzas", sla::DayClosure::closed_until(hours{14})},
       {on(2026, 2, 16), "Carnaval", {}},
       {on(2026, 2, 17), "Carnaval", {}}});
  EXPECT_THAT(stored, ElementsAre(Field(&sla::DatedClosure::date, on(2026, 2, 16)),
                                  Field(&sla::DatedClosure::date, on(2026, 2, 17)),
                                  Field(&sla::DatedClosure::date, on(2026, 2, 18))));
  auto cinzas = desk->calendars().book().find("br")->closed_day(local_days{2026y / February / 18});
  ASSERT_TRUE(cinzas);
  EXPECT_FALSE(cinzas->holiday);
  EXPECT_EQ(cinzas->closure.describe(), "fechado até 14:00");
  // Children see their parent's closures.
  EXPECT_TRUE(
      desk->calendars().book().find("br-es")->closed_day(local_days{2026y / February / 16}));

  // A bad set changes nothing.
  auto e = error_of([&] {
    desk->calendars().load_optional_days(
        admin, "br", 2026,
        {{on(2026, 6, 4), "Corpus Christi", {}},
         {on(2025, 6, 5), "Ponte", {}},
         {on(2026, 6, 4), "De novo", {}},
         {on(2026, 12, 24), "Véspera", sla::DayClosure{hours{13}, hours{9}}}});
  });
  ASSERT_TRUE(e);
  EXPECT_TRUE(names_field(*e, "items[1].date"));
  EXPECT_TRUE(names_field(*e, "items[2].date"));
  EXPECT_TRUE(names_field(*e, "items[3].closure"));
  EXPECT_EQ(desk->calendars().calendar_holidays("br", 2026).size(),
            13u);  // 10 holidays + 3 closures

  // Replacing the year keeps the other years.
  desk->calendars().load_optional_days(admin, "br", 2026, {{on(2026, 6, 4), "Corpus Christi", {}}});
  EXPECT_EQ(count("calendar_optional_days"), 2);
  EXPECT_EQ(desk->calendars().calendar_holidays("br", 2025).size(), 10u + 1u);

  EXPECT_EQ(outcome([&] { desk->calendars().load_optional_days(admin, "br-sp", 2026, {}); }),
            "not_found");
  EXPECT_EQ(outcome([&] { desk->calendars().load_optional_days(admin, "br", 1900, {}); }),
            "validation");
  EXPECT_EQ(outcome([&] { desk->calendars().calendar_holidays("br", 2100); }), "validation");
  EXPECT_EQ(outcome([&] { desk->calendars().calendar_holidays("br-sp", 2026); }), "not_found");
}

// Vector V3 of docs/domain.md, "Calendars": federal, closed 16–17/02/2026, open only 14–18h on
// 18/02. Opened Fri 2026-02-13 17:00, 2 business hours -> 2026-02-18 15:00−03:00.
TEST_P(CalendarTest, DeadlinesThroughTheBookSkipLoadedPontosFacultativos) {
  const Instant start = *parse_instant("2026-02-13T17:00:00-03:00");
  const sla::Duration two_hours{sla::DurationUnit::business_hours, 2};
  auto before = desk->calendars().book().find("br");
  EXPECT_EQ(sla::format_in_calendar(*before, sla::deadline(*before, start, two_hours)),
            "2026-02-16T09:00:00-03:00");
  desk->calendars().load_optional_days(
      as(w.admin), "br", 2026,
      {{on(2026, 2, 16), "Carnaval", {}},
       {on(2026, 2, 17), "Carnaval", {}},
       {on(2026, 2, 18), "Quarta-feira de Cinzas", sla::DayClosure::closed_until(hours{14})}});
  auto after = desk->calendars().book().find("br");
  EXPECT_EQ(sla::format_in_calendar(*after, sla::deadline(*after, start, two_hours)),
            "2026-02-18T15:00:00-03:00");
  // A calendar stored afterwards inherits them too.
  desk->calendars().save_calendar(as(w.admin), vitoria());
  auto child = desk->calendars().book().find("br-es-vitoria");
  EXPECT_EQ(sla::format_in_calendar(*child, sla::deadline(*child, start, two_hours)),
            "2026-02-18T15:00:00-03:00");
}

TEST_P(CalendarTest, AnOrganizationsCalendarMustBeKnown) {
  Organization o = w.seger;
  o.calendar = "br-es-vitoria";
  auto e = error_of([&] { desk->directory().update_organization(as(w.admin), o); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->kind(), DomainError::Kind::validation);
  EXPECT_TRUE(names_field(*e, "calendar"));
  EXPECT_EQ(desk->directory().organization(as(w.admin), w.seger.id).calendar, "br-es");

  desk->calendars().save_calendar(as(w.admin), vitoria());
  EXPECT_EQ(desk->directory().update_organization(as(w.admin), o).calendar, "br-es-vitoria");
  Organization fresh;
  fresh.name = "Secretaria de Estado de Saúde de MS";
  fresh.acronym = "SES-MS";
  fresh.calendar = "ms";
  EXPECT_EQ(outcome([&] { desk->directory().create_organization(as(w.admin), fresh); }),
            "validation");
  fresh.calendar = "br-ms";
  EXPECT_EQ(desk->directory().create_organization(as(w.admin), fresh).calendar, "br-ms");
}

GUICHE_ON_BOTH_ENGINES(CalendarTest);

}  // namespace
}  // namespace guiche::testing
