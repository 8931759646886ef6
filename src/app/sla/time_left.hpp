#pragma once
// How long is left until an SLA deadline, counted on the ticket's own clock:
// the calendar the clock runs on (the desk's or the requester organization's)
// and the unit of its target (working time, or plain elapsed time for
// calendar hours). The ticket page and the queues both tell it this way.
#include <chrono>
#include <optional>
#include <string>

#include "app/calendars/calendar_book.hpp"
#include "domain/time.hpp"
#include "sla/durations.hpp"

namespace guiche::app {

struct TimeLeft {
  Instant deadline{};
  // Clock time from now to the deadline; negative (the time since) once past it.
  std::chrono::milliseconds clock_time{0};
  // What one day of this clock is worth (sla/clock_time.hpp), to read long spans in days.
  std::chrono::milliseconds day{0};
  // Working time of the calendar; false for targets in calendar hours (elapsed time).
  bool working_time = true;
};

// nullopt when `calendar` is not known to the book.
std::optional<TimeLeft> time_left(CalendarBook& book, const std::string& calendar,
                                  sla::DurationUnit unit, Instant deadline, Instant now);

}  // namespace guiche::app
