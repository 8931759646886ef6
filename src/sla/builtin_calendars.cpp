#include "sla/builtin_calendars.hpp"

namespace guiche::sla {

using namespace std::chrono_literals;

std::shared_ptr<const CalendarDefinition> national_calendar() {
  static const auto definition = [] {
    auto d = std::make_shared<CalendarDefinition>();
    d->name = "br";
    d->time_zone = "America/Sao_Paulo";
    d->week = WorkingWeek::monday_to_friday(8h, 18h);
    // Lei 662/1949 (as amended by Lei 10.607/2002), Lei 6.802/1980, Lei 14.759/2023.
    d->holidays = {
        HolidayRule::fixed(1, 1, "Confraternização Universal"),
        HolidayRule::fixed(21, 4, "Tiradentes"),
        HolidayRule::fixed(1, 5, "Dia do Trabalho"),
        HolidayRule::fixed(7, 9, "Independência do Brasil"),
        HolidayRule::fixed(12, 10, "Nossa Senhora Aparecida"),
        HolidayRule::fixed(2, 11, "Finados"),
        HolidayRule::fixed(15, 11, "Proclamação da República"),
        HolidayRule::fixed(20, 11, "Dia Nacional de Zumbi e da Consciência Negra").since(2024),
        HolidayRule::fixed(25, 12, "Natal"),
        // Legally municipal (Lei 9.093/1995), but the federal Portaria lists it
        // and everyone observes it.
        HolidayRule::easter(-2, "Sexta-feira Santa"),
    };
    return std::shared_ptr<const CalendarDefinition>(d);
  }();
  return definition;
}

std::shared_ptr<const CalendarDefinition> espirito_santo_calendar() {
  static const auto definition = [] {
    auto d = std::make_shared<CalendarDefinition>();
    d->name = "br-es";
    d->parent = national_calendar();
    d->time_zone = "America/Sao_Paulo";
    d->holidays = {HolidayRule::easter(8, "Nossa Senhora da Penha")};
    return std::shared_ptr<const CalendarDefinition>(d);
  }();
  return definition;
}

std::shared_ptr<const CalendarDefinition> mato_grosso_do_sul_calendar() {
  static const auto definition = [] {
    auto d = std::make_shared<CalendarDefinition>();
    d->name = "br-ms";
    d->parent = national_calendar();
    d->time_zone = "America/Campo_Grande";
    d->holidays = {HolidayRule::fixed(11, 10, "Criação do Estado de Mato Grosso do Sul")};
    return std::shared_ptr<const CalendarDefinition>(d);
  }();
  return definition;
}

const CalendarRegistry& builtin_calendars() {
  static const CalendarRegistry registry = [] {
    CalendarRegistry r;
    r.add(national_calendar());
    r.add(espirito_santo_calendar());
    r.add(mato_grosso_do_sul_calendar());
    return r;
  }();
  return registry;
}

}  // namespace guiche::sla
