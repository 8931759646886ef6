#pragma once
// Instants and dates as people read them in a calendar's time zone.
#include <optional>
#include <string>

#include "sla/business_calendar.hpp"

namespace guiche::sla {

// ISO 8601 with the calendar's offset at that instant:
// "2026-04-06T10:00:00-03:00" (".mmm" only when there are milliseconds).
std::string format_in_calendar(const BusinessCalendar& calendar, Instant t);
// "10:00" local time of day.
std::string format_clock(LocalTime t);
// "06/04/2026"
std::string format_date_br(LocalDays day);
// "segunda-feira"
std::string weekday_name(LocalDays day);

// Reads an instant: ISO 8601 with an offset or Z ("2026-04-02T16:00-03:00"),
// or a local time without one ("2026-04-02T16:00"), read in the calendar's
// zone. Throws DomainError (field `field`) if malformed, or if a local time
// did not exist or happened twice there (DST), asking for the offset.
Instant parse_instant_in(const BusinessCalendar& calendar, const std::string& text,
                         const std::string& field);

}  // namespace guiche::sla
