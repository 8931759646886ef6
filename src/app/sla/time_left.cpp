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

std::optional<TimeLeft> TimeLeftMemo::time_left(const std::string& calendar, sla::DurationUnit unit,
                                                Instant deadline) {
  const auto resolved = book_.find(calendar);
  if (!resolved) return std::nullopt;
  auto& counted = counted_[{calendar, static_cast<int>(unit)}];
  if (counted.empty()) counted.emplace(now_, std::chrono::milliseconds{0});
  // The counted instant nearest to the deadline, on either side.
  auto nearest = counted.lower_bound(deadline);
  if (nearest == counted.end() ||
      (nearest != counted.begin() &&
       deadline - std::prev(nearest)->first < nearest->first - deadline)) {
    nearest = std::prev(nearest);
  }
  const Instant from = nearest->first;
  TimeLeft left;
  left.deadline = deadline;
  left.clock_time = nearest->second +
                    (deadline >= from ? sla::clock_time_between(*resolved, unit, from, deadline)
                                      : -sla::clock_time_between(*resolved, unit, deadline, from));
  left.day = sla::clock_day_length(*resolved, unit);
  left.working_time = unit != sla::DurationUnit::calendar_hours;
  counted.emplace(deadline, left.clock_time);
  return left;
}

}  // namespace guiche::app
