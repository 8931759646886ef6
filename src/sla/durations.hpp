#pragma once
// SLA durations on a business calendar (docs/domain.md, "SLA clocks"): the deadline
// for a start instant and a duration in one of three units, the working time
// between two instants, and explanations listing what was counted and skipped.
// Pure functions of the calendar and their arguments.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sla/business_calendar.hpp"

namespace guiche::sla {

enum class DurationUnit {
  business_hours,  // "horas úteis": working time inside the calendar's hours
  business_days,   // "dias úteis", counted as Lei 9.784/99 art. 66 (start day excluded)
  calendar_hours,  // "horas corridas": plain elapsed time
};

struct Duration {
  DurationUnit unit = DurationUnit::business_hours;
  std::int64_t amount = 0;  // in the unit; 0 <= amount <= max_amount
  static constexpr std::int64_t max_amount = 1'000'000;
};

// Codes used in data files and the API: "business-hours", "business-days", "calendar-hours".
std::string unit_code(DurationUnit unit);
std::optional<DurationUnit> parse_unit(const std::string& code);

// A stretch of working time that was counted, inside one local date.
struct CountedInterval {
  LocalDays day;         // the calendar's local date it belongs to
  Instant from, until;   // UTC, from < until
  int business_day = 0;  // business-days unit: which counted day (1..N); otherwise 0
};

struct Explanation {
  Instant start;
  Instant end;                                // the deadline, or the end of the span asked about
  std::chrono::milliseconds working_time{0};  // sum of the counted intervals
  std::vector<CountedInterval> counted;
  // Holidays and dated closures met on the way, whole or partial, weekends included.
  std::vector<ClosedDay> closed_days;
};

// The deadline of `duration` started at `start`.
//  - business hours: the earliest instant t >= start at which
//    working_time_between(start, t) equals the amount; an end of working
//    hours is itself the deadline (16:00 + 2 h on an 08–18 day is 18:00 that
//    day, not 08:00 the next);
//  - business days: the calendar-local date of `start` is excluded whatever
//    the hour; the deadline is the end of the last working interval of the
//    Nth date after it that has any working time (a partial day counts, and
//    ends when it closes);
//  - calendar hours: start + amount hours.
// An amount of 0 gives `start`. Throws DomainError for a negative or too
// large amount, or when the count leaves the calendar's supported years.
Instant deadline(const BusinessCalendar& calendar, Instant start, Duration duration);
Explanation explain_deadline(const BusinessCalendar& calendar, Instant start, Duration duration);

// The working time inside [from, until) (zero if until <= from). With the
// deadline this gives the pause rule: a clock paused for working time p has
// its business-hours deadline at add_working_time(start, target + p).
std::chrono::milliseconds working_time_between(const BusinessCalendar& calendar, Instant from,
                                               Instant until);
Explanation explain_working_time_between(const BusinessCalendar& calendar, Instant from,
                                         Instant until);

// The earliest instant t >= start with working_time_between(start, t) == amount
// (start itself for amount <= 0).
Instant add_working_time(const BusinessCalendar& calendar, Instant start,
                         std::chrono::milliseconds amount);

}  // namespace guiche::sla
