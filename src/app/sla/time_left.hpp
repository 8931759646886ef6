#pragma once
// How long is left until an SLA deadline, counted on the ticket's own clock:
// the calendar the clock runs on (the desk's or the requester organization's)
// and the unit of its target (working time, or plain elapsed time for
// calendar hours). The ticket page and the queues both tell it this way.
#include <chrono>
#include <map>
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

// time_left() for the many deadlines of a queue's page at one `now`: working
// time is additive over adjacent spans, so each deadline is counted from the
// nearest instant already counted on the same clock instead of from now. A
// page of tickets a year overdue walks that year once, not once per row.
class TimeLeftMemo {
 public:
  TimeLeftMemo(CalendarBook& book, Instant now) : book_(book), now_(now) {}
  Instant now() const { return now_; }
  std::optional<TimeLeft> time_left(const std::string& calendar, sla::DurationUnit unit,
                                    Instant deadline);

 private:
  CalendarBook& book_;
  Instant now_;
  // Per clock (calendar, unit): the signed clock time from now to each
  // instant counted so far (negative before now).
  std::map<std::pair<std::string, int>, std::map<Instant, std::chrono::milliseconds>> counted_;
};

}  // namespace guiche::app
