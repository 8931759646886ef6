#pragma once
// Where a ticket stands against its resolution deadline, as a queue shows it:
// the SLA resolution clock (paused, overdue, the time left on its own
// calendar and unit), or, for a project, the deadline agreed with the
// requester, counted in business hours of the desk's calendar.
#include <optional>
#include <string>
#include <vector>

#include "app/calendars/calendar_book.hpp"
#include "app/sla/time_left.hpp"
#include "domain/ticket.hpp"
#include "store/ticket_clock.hpp"

namespace guiche::app {

struct DeadlineStanding {
  bool has_deadline = false;  // false: no clock, and no agreed deadline
  bool paused = false;        // the clock waits (for the requester, a third party)
  bool overdue = false;       // running (or finished) past the deadline
  Instant deadline{};
  // Absent while paused, or when the clock's calendar is not known.
  std::optional<TimeLeft> left;
};

// `clocks`: the ticket's cached clocks; `desk_calendar`: DeskConfig::calendar.
DeadlineStanding deadline_standing(CalendarBook& book, const std::string& desk_calendar,
                                   const Ticket& ticket,
                                   const std::vector<store::TicketSlaRow>& clocks, Instant now);
// The same for one ticket of a page, its time left counted through the
// page's memo (at the memo's now).
DeadlineStanding deadline_standing(TimeLeftMemo& memo, const std::string& desk_calendar,
                                   const Ticket& ticket,
                                   const std::vector<store::TicketSlaRow>& clocks);

}  // namespace guiche::app
