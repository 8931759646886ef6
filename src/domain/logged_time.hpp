#pragma once
// The time agents logged on a ticket, as the volume report counts it
// (app/ledger/time_share.hpp): each time entry ("registrar tempo") and the time
// given with a resolution, on the day it was logged in hora de Brasília
// (domain/report_day.hpp).
#include <cstdint>
#include <map>
#include <vector>

#include "domain/ticket_event.hpp"

namespace guiche {

struct LoggedDay {
  std::int64_t minutes = 0;
  std::int64_t entries = 0;  // the time entries (and resolutions) that logged them
  LoggedDay& operator+=(const LoggedDay& o);
  bool operator==(const LoggedDay&) const = default;
};

// The minutes `e` logs: a time entry's, a resolution's; 0 for any other event.
std::int64_t logged_minutes(const TicketEvent& e);
// The minutes `events` log, per day (yyyymmdd); days without any are left out.
std::map<int, LoggedDay> logged_time_by_day(const std::vector<TicketEvent>& events);

}  // namespace guiche
