#pragma once
// Clock time: what an SLA clock counts between two instants (docs/domain.md,
// "SLA clocks"). A target in business units counts only the working time of
// its calendar; a target in calendar hours counts plain elapsed time. The
// clock (sla/clock.cpp) measures with it, and so does whatever tells how
// long is left until a deadline, so the two never disagree.
#include <chrono>

#include "sla/business_calendar.hpp"
#include "sla/durations.hpp"

namespace guiche::sla {

// The clock time from `from` to `until`; zero when until <= from.
std::chrono::milliseconds clock_time_between(const BusinessCalendar& calendar, DurationUnit unit,
                                             Instant from, Instant until);

// What one day of this clock is worth, for reading long spans in days: the
// calendar's longest working day for business units (10 h for 08:00–18:00),
// 24 h for calendar hours. Zero for a calendar without working time.
std::chrono::milliseconds clock_day_length(const BusinessCalendar& calendar, DurationUnit unit);

}  // namespace guiche::sla
