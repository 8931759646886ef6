// The built-in calendars' holidays, checked against the laws listed in
// docs/domain.md, "Calendars", and the weekdays they fall on in 2025–2027.
#include <gtest/gtest.h>

#include "sla/builtin_calendars.hpp"
#include "sla/local_time_text.hpp"

namespace guiche::sla {
namespace {

using namespace std::chrono;

std::vector<std::string> listing(const std::string& calendar, int y) {
  std::vector<std::string> lines;
  for (const auto& d : builtin_calendars().find(calendar)->closed_days_in(year{y}))
    lines.push_back(format_date_br(d.day) + " " + weekday_name(d.day) + " " + d.name);
  return lines;
}

TEST(BuiltinHolidays, NationalIn2026) {
  const std::vector<std::string> expected = {
      "01/01/2026 quinta-feira Confraternização Universal",
      "03/04/2026 sexta-feira Sexta-feira Santa",
      "21/04/2026 terça-feira Tiradentes",
      "01/05/2026 sexta-feira Dia do Trabalho",
      "07/09/2026 segunda-feira Independência do Brasil",
      "12/10/2026 segunda-feira Nossa Senhora Aparecida",
      "02/11/2026 segunda-feira Finados",
      "15/11/2026 domingo Proclamação da República",
      "20/11/2026 sexta-feira Dia Nacional de Zumbi e da Consciência Negra",
      "25/12/2026 sexta-feira Natal",
  };
  EXPECT_EQ(listing("br", 2026), expected);
}

TEST(BuiltinHolidays, StatesAddTheirOwn) {
  auto es = listing("br-es", 2025);
  EXPECT_NE(std::find(es.begin(), es.end(), "28/04/2025 segunda-feira Nossa Senhora da Penha"),
            es.end());
  EXPECT_EQ(es.size(), listing("br", 2025).size() + 1);
  auto ms = listing("br-ms", 2027);
  EXPECT_NE(std::find(ms.begin(), ms.end(),
                      "11/10/2027 segunda-feira Criação do Estado de Mato Grosso do Sul"),
            ms.end());
  // E+8 in 2019 and 2024, as the Vitória and ES decrees give it.
  const auto& es_calendar = *builtin_calendars().find("br-es");
  EXPECT_TRUE(es_calendar.closed_day(local_days{2019y / April / 29}));
  EXPECT_TRUE(es_calendar.closed_day(local_days{2024y / April / 8}));
}

TEST(BuiltinHolidays, ZoneAndHours) {
  EXPECT_EQ(builtin_calendars().find("br")->time_zone(), "America/Sao_Paulo");
  EXPECT_EQ(builtin_calendars().find("br-es")->time_zone(), "America/Sao_Paulo");
  EXPECT_EQ(builtin_calendars().find("br-ms")->time_zone(), "America/Campo_Grande");
  for (const auto& name : builtin_calendars().names()) {
    const auto& week = builtin_calendars().find(name)->week();
    EXPECT_TRUE(week.on(Saturday).empty()) << name;
    EXPECT_TRUE(week.on(Sunday).empty()) << name;
    ASSERT_EQ(week.on(Wednesday).items().size(), 1u) << name;
    EXPECT_EQ(week.on(Wednesday).items()[0], (WorkingInterval{8h, 18h})) << name;
  }
  EXPECT_EQ(builtin_calendars().names(), (std::vector<std::string>{"br", "br-es", "br-ms"}));
  EXPECT_EQ(builtin_calendars().find("br-sp"), nullptr);
}

TEST(BuiltinHolidays, ConscienciaNegraIsNationalFrom2024) {
  const auto& br = *builtin_calendars().find("br");
  EXPECT_EQ(br.closed_day(local_days{2023y / November / 20}), nullptr);
  ASSERT_NE(br.closed_day(local_days{2024y / November / 20}), nullptr);
}

TEST(BuiltinHolidays, TwoHolidaysOnOneDateMerge) {
  // Easter 2031 is 13/04, so Penha (E+8) is Tiradentes.
  const auto* day = builtin_calendars().find("br-es")->closed_day(local_days{2031y / April / 21});
  ASSERT_NE(day, nullptr);
  EXPECT_EQ(day->name, "Tiradentes / Nossa Senhora da Penha");
  EXPECT_EQ(day->declared_by, "br, br-es");
  EXPECT_TRUE(day->closure.whole_day());
}

TEST(HolidayRules, RulesBecomeDates) {
  EXPECT_EQ(HolidayRule::easter(-48, "Carnaval").date_in(2026y), 2026y / February / 16);
  EXPECT_EQ(HolidayRule::easter(60, "Corpus Christi").date_in(2026y), 2026y / June / 4);
  EXPECT_EQ(HolidayRule::fixed(29, 2, "bissexto").date_in(2027y), std::nullopt);
  EXPECT_EQ(HolidayRule::fixed(29, 2, "bissexto").date_in(2028y), 2028y / February / 29);
  auto moved = HolidayRule::on(2017y / June / 16, "Santo Antônio (transferido)");
  EXPECT_EQ(moved.date_in(2017y), 2017y / June / 16);
  EXPECT_EQ(moved.date_in(2018y), std::nullopt);
}

TEST(HolidayRules, PartialDaysDescribeTheirHours) {
  EXPECT_EQ(DayClosure::all_day().describe(), "dia todo");
  EXPECT_EQ(DayClosure::closed_until(14h).describe(), "fechado até 14:00");
  EXPECT_EQ(DayClosure::closed_from(13h).describe(), "fechado a partir de 13:00");
  EXPECT_EQ(DayClosure::open_only(7h, 10h).describe(), "aberto só das 07:00 às 10:00");
  EXPECT_EQ(DayClosure::closed_until(14h).combined_with(DayClosure::closed_from(13h)),
            DayClosure::all_day());
  EXPECT_EQ(DayClosure::closed_until(10h).combined_with(DayClosure::closed_from(13h)),
            DayClosure::open_only(10h, 13h));
}

}  // namespace
}  // namespace guiche::sla
