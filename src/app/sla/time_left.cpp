#include "app/sla/time_left.hpp"

#include "sla/clock_time.hpp"

namespace guiche::app {

std::optional<TimeLeft> time_left(CalendarBook& book, const std::string& calendar,
                                  sla::DurationUnit unit, Instant deadline, Instant now) {
  const auto resolved = book.find(calendar);
  if (!resolved) return std::nullopt;
  TimeLeft left;
  left.deadline = deadline;
  left.clock_time = deadline >= now ? sla::clock_time_between(*resolved, unit, now, deadline)
                                    : -sla::clock_time_between(*resolved, unit, deadline, now);
  left.day = sla::clock_day_length(*resolved, unit);
  left.working_time = unit != sla::DurationUnit::calendar_hours;
  return left;
}

}  // namespace guiche::app
