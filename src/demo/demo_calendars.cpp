// Demo calendars (docs/domain.md, "Calendars"): Vitória's municipal holidays on top of the
// Espírito Santo calendar, and the 2026 pontos facultativos the federal
// government and Mato Grosso do Sul decreed, loaded as an admin would.
// Federal pontos facultativos bind only federal bodies: they go into a
// calendar of their own, since whatever "br" holds every state calendar
// inherits (and would read "até 14h" in its own zone, not Brasília's).
#include "app/calendars/calendars.hpp"
#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

using namespace std::chrono;
using sla::DayClosure;

Date on(int y, unsigned m, unsigned d) {
  return year{y} / month{m} / day{d};
}

}  // namespace

void create_calendars(World& w) {
  const auto admin = w.as("admin");
  // Lei 1.732/1967: Paixão and Penha are already in br / br-es.
  app::CalendarSpec vitoria;
  vitoria.name = kVitoriaCalendar;
  vitoria.parent = "br-es";
  vitoria.holidays = {sla::HolidayRule::easter(60, "Corpus Christi"),
                      sla::HolidayRule::fixed(8, 9, "Nossa Senhora da Vitória")};
  w.desk.calendars().save_calendar(admin, vitoria);

  // Built in one go: assigning the parent afterwards gets a false
  // -Wmaybe-uninitialized from g++ 12 at -O3 (Release).
  app::CalendarSpec federal{
      .name = kFederalCalendar, .parent = "br", .time_zone = {}, .week = {}, .holidays = {}};
  w.desk.calendars().save_calendar(admin, federal);
  // Federal (MGI) 2026: Cinzas até 14h, 24/12 and 31/12 após 13h, two bridge days.
  w.desk.calendars().load_optional_days(
      admin, kFederalCalendar, 2026,
      {{on(2026, 2, 16), "Carnaval", DayClosure::all_day()},
       {on(2026, 2, 17), "Carnaval", DayClosure::all_day()},
       {on(2026, 2, 18), "Quarta-feira de Cinzas", DayClosure::closed_until(hours{14})},
       {on(2026, 4, 20), "Ponto facultativo (véspera de Tiradentes)", DayClosure::all_day()},
       {on(2026, 6, 4), "Corpus Christi", DayClosure::all_day()},
       {on(2026, 6, 5), "Ponto facultativo (após Corpus Christi)", DayClosure::all_day()},
       {on(2026, 12, 24), "Véspera de Natal", DayClosure::closed_from(hours{13})},
       {on(2026, 12, 31), "Véspera de Ano Novo", DayClosure::closed_from(hours{13})}});

  // Mato Grosso do Sul 2026 (state decree): Cinzas até 13h.
  w.desk.calendars().load_optional_days(
      admin, "br-ms", 2026,
      {{on(2026, 1, 2), "Ponto facultativo (após Confraternização)", DayClosure::all_day()},
       {on(2026, 2, 16), "Carnaval", DayClosure::all_day()},
       {on(2026, 2, 17), "Carnaval", DayClosure::all_day()},
       {on(2026, 2, 18), "Quarta-feira de Cinzas", DayClosure::closed_until(hours{13})},
       {on(2026, 4, 2), "Quinta-feira Santa", DayClosure::all_day()},
       {on(2026, 4, 20), "Ponto facultativo (véspera de Tiradentes)", DayClosure::all_day()},
       {on(2026, 6, 4), "Corpus Christi", DayClosure::all_day()},
       {on(2026, 6, 5), "Ponto facultativo (após Corpus Christi)", DayClosure::all_day()},
       {on(2026, 10, 28), "Dia do Servidor Público", DayClosure::all_day()},
       {on(2026, 12, 24), "Véspera de Natal", DayClosure::all_day()},
       {on(2026, 12, 31), "Véspera de Ano Novo", DayClosure::all_day()}});
  w.tick();
}

}  // namespace guiche::demo
