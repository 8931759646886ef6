#include "sla/easter.hpp"

namespace guiche::sla {

Date easter_sunday(std::chrono::year y) {
  // The anonymous Gregorian algorithm with the letters of Meeus, "Astronomical
  // Algorithms", ch. 8 (docs/domain.md, "Calendars").
  const int year = static_cast<int>(y);
  const int a = year % 19, b = year / 100, c = year % 100;
  const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{y, std::chrono::month{static_cast<unsigned>(month)},
              std::chrono::day{static_cast<unsigned>(day)}};
}

}  // namespace guiche::sla
