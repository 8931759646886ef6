#include "domain/logged_time.hpp"

#include "domain/report_day.hpp"

namespace guiche {

LoggedDay& LoggedDay::operator+=(const LoggedDay& o) {
  minutes += o.minutes;
  entries += o.entries;
  return *this;
}

std::int64_t logged_minutes(const TicketEvent& e) {
  // The same fields the ticket's total reads (domain/ticket_projection.cpp).
  if (e.kind == EventKind::time_logged) return e.data.value("minutes", std::int64_t{0});
  if (e.kind == EventKind::resolved) return e.data.value("time_spent_minutes", std::int64_t{0});
  return 0;
}

std::map<int, LoggedDay> logged_time_by_day(const std::vector<TicketEvent>& events) {
  std::map<int, LoggedDay> days;
  for (const auto& e : events) {
    const auto minutes = logged_minutes(e);
    if (minutes > 0) days[report_day(e.at)] += LoggedDay{minutes, 1};
  }
  return days;
}

}  // namespace guiche
