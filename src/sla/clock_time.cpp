#include "sla/clock_time.hpp"

#include <algorithm>

namespace guiche::sla {

std::chrono::milliseconds clock_time_between(const BusinessCalendar& calendar, DurationUnit unit,
                                             Instant from, Instant until) {
  if (until <= from) return std::chrono::milliseconds{0};
  if (unit == DurationUnit::calendar_hours) return until - from;
  return working_time_between(calendar, from, until);
}

std::chrono::milliseconds clock_day_length(const BusinessCalendar& calendar, DurationUnit unit) {
  if (unit == DurationUnit::calendar_hours) return std::chrono::hours{24};
  std::chrono::minutes longest{0};
  for (unsigned d = 0; d < 7; ++d) {
    std::chrono::minutes total{0};
    for (const auto& i : calendar.week().on(std::chrono::weekday{d}).items()) {
      total += i.until - i.from;
    }
    longest = std::max(longest, total);
  }
  return longest;
}

}  // namespace guiche::sla
