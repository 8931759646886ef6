#pragma once
// Holidays as rules (fixed day-month, Easter offset, explicit date) and the
// one-off closures an admin loads each year (pontos facultativos). Each has a
// pt-BR name and says how much of the day it closes.
#include <chrono>
#include <optional>
#include <string>

#include "domain/time.hpp"

namespace guiche::sla {

// How much of a day is closed, in the calendar's local time of day. The weekly
// working intervals of that day are clipped to [open_from, open_until); an
// empty window closes the whole day.
struct DayClosure {
  std::chrono::minutes open_from{0};
  std::chrono::minutes open_until{0};

  static DayClosure all_day() { return {}; }
  // "Cinzas até 14h": closed until `t`, open from `t` on.
  static DayClosure closed_until(std::chrono::minutes t) { return {t, std::chrono::hours{24}}; }
  // "24/12 após 13h": open until `t`, closed from `t` on.
  static DayClosure closed_from(std::chrono::minutes t) { return {std::chrono::minutes{0}, t}; }
  // Special hours by decree, e.g. 07:00–10:00 on a World Cup match day.
  static DayClosure open_only(std::chrono::minutes from, std::chrono::minutes until) {
    return {from, until};
  }

  bool whole_day() const { return open_from >= open_until; }
  // Two closures on the same day: only what both leave open stays open.
  DayClosure combined_with(const DayClosure& other) const;
  // pt-BR: "dia todo", "fechado até 14:00", "fechado a partir de 13:00",
  // "aberto só das 07:00 às 10:00".
  std::string describe() const;

  friend bool operator==(const DayClosure&, const DayClosure&) = default;
};

// A holiday that recurs by rule. `date_in` is the only place a rule becomes a date.
struct HolidayRule {
  enum class Kind { fixed_date, easter_offset, explicit_date };

  Kind kind = Kind::fixed_date;
  std::string name;                    // pt-BR, shown to people
  std::chrono::month_day month_day{};  // fixed_date
  int days_after_easter = 0;           // easter_offset (negative: before)
  Date date{};                         // explicit_date (e.g. a holiday moved by decree)
  DayClosure closure = DayClosure::all_day();
  // The rule applies from this year on (20/11 became national by Lei 14.759/2023).
  std::optional<std::chrono::year> first_year;

  static HolidayRule fixed(unsigned day, unsigned month, std::string name);
  static HolidayRule easter(int days_after_easter, std::string name);
  static HolidayRule on(Date date, std::string name);
  HolidayRule since(int year) &&;
  HolidayRule partial(DayClosure c) &&;

  // The date this rule falls on in year `y`, if any (29/02 only in leap years;
  // an explicit date only in its own year; nothing before `first_year`).
  std::optional<Date> date_in(std::chrono::year y) const;
};

// A closure that cannot be computed and is decided by decree each year: a
// ponto facultativo (Carnaval, Cinzas até 14h, bridge days, 24/12 após 13h).
// Whether one closes an organization is that organization's decision, so these
// are data loaded into the calendar that observes them.
struct DatedClosure {
  Date date;
  std::string name;  // pt-BR
  DayClosure closure = DayClosure::all_day();
};

}  // namespace guiche::sla
