#include "sla/holiday_rules.hpp"

#include <algorithm>

#include "sla/closure_text.hpp"
#include "sla/easter.hpp"

namespace guiche::sla {

using namespace std::chrono;

DayClosure DayClosure::combined_with(const DayClosure& other) const {
  if (whole_day() || other.whole_day()) return all_day();
  DayClosure both{std::max(open_from, other.open_from), std::min(open_until, other.open_until)};
  return both.whole_day() ? all_day() : both;
}

std::string DayClosure::describe() const {
  if (whole_day()) return "dia todo";
  const bool opens_late = open_from > minutes{0};
  const bool closes_early = open_until < hours{24};
  if (opens_late && closes_early)
    return "aberto só das " + clock_text(open_from) + " às " + clock_text(open_until);
  if (opens_late) return "fechado até " + clock_text(open_from);
  if (closes_early) return "fechado a partir de " + clock_text(open_until);
  return "sem fechamento";
}

HolidayRule HolidayRule::fixed(unsigned day, unsigned month, std::string name) {
  HolidayRule r;
  r.kind = Kind::fixed_date;
  r.month_day = std::chrono::month{month} / std::chrono::day{day};
  r.name = std::move(name);
  return r;
}

HolidayRule HolidayRule::easter(int days_after_easter, std::string name) {
  HolidayRule r;
  r.kind = Kind::easter_offset;
  r.days_after_easter = days_after_easter;
  r.name = std::move(name);
  return r;
}

HolidayRule HolidayRule::on(Date date, std::string name) {
  HolidayRule r;
  r.kind = Kind::explicit_date;
  r.date = date;
  r.name = std::move(name);
  return r;
}

HolidayRule HolidayRule::since(int year) && {
  first_year = std::chrono::year{year};
  return std::move(*this);
}

HolidayRule HolidayRule::partial(DayClosure c) && {
  closure = c;
  return std::move(*this);
}

std::optional<Date> HolidayRule::date_in(std::chrono::year y) const {
  if (first_year && y < *first_year) return std::nullopt;
  switch (kind) {
    case Kind::fixed_date: {
      Date d = y / month_day;
      if (!d.ok()) return std::nullopt;
      return d;
    }
    case Kind::easter_offset:
      return Date{sys_days{easter_sunday(y)} + days{days_after_easter}};
    case Kind::explicit_date:
      if (date.year() != y) return std::nullopt;
      return date;
  }
  return std::nullopt;
}

}  // namespace guiche::sla
