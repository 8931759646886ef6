#include "app/tickets/deadline_standing.hpp"

namespace guiche::app {

DeadlineStanding deadline_standing(CalendarBook& book, const std::string& desk_calendar,
                                   const Ticket& ticket,
                                   const std::vector<store::TicketSlaRow>& clocks, Instant now) {
  TimeLeftMemo memo(book, now);
  return deadline_standing(memo, desk_calendar, ticket, clocks);
}

DeadlineStanding deadline_standing(TimeLeftMemo& memo, const std::string& desk_calendar,
                                   const Ticket& ticket,
                                   const std::vector<store::TicketSlaRow>& clocks) {
  const Instant now = memo.now();
  DeadlineStanding s;
  if (ticket.category == Category::project) {
    if (!ticket.agreed_deadline) return s;
    s.has_deadline = true;
    s.deadline = *ticket.agreed_deadline;
    s.left = memo.time_left(desk_calendar, sla::DurationUnit::business_hours, s.deadline);
    return s;
  }
  for (const auto& row : clocks) {
    if (row.target != "resolution") continue;
    s.has_deadline = true;
    s.deadline = row.deadline;
    s.paused = row.state == "paused";
    s.overdue = row.deadline <= now && (row.state == "running" || row.breached);
    const auto unit = sla::parse_unit(row.unit);
    if (!s.paused && unit) s.left = memo.time_left(row.calendar, *unit, row.deadline);
  }
  return s;
}

}  // namespace guiche::app
