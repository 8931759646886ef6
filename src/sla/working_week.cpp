#include "sla/working_week.hpp"

#include <algorithm>

#include "domain/error.hpp"

namespace guiche::sla {

using namespace std::chrono;

DayIntervals DayIntervals::clipped_to(const DayClosure& closure) const {
  DayIntervals open;
  if (closure.whole_day()) return open;
  for (const auto& i : items()) {
    WorkingInterval part{std::max(i.from, closure.open_from),
                         std::min(i.until, closure.open_until)};
    if (part.from < part.until) open.push_back(part);
  }
  return open;
}

WorkingWeek WorkingWeek::monday_to_friday(minutes from, minutes until) {
  WorkingWeek week;
  for (unsigned d = 1; d <= 5; ++d) week.set(weekday{d}, {{from, until}});
  return week;
}

void WorkingWeek::set(weekday day, const std::vector<WorkingInterval>& intervals) {
  if (intervals.size() > DayIntervals::capacity)
    throw invalid_field("working_hours", "No máximo " + std::to_string(DayIntervals::capacity) +
                                             " intervalos de expediente por dia.");
  DayIntervals checked;
  minutes previous_end{0};
  for (const auto& i : intervals) {
    if (i.from < minutes{0} || i.until > hours{24} || i.from >= i.until)
      throw invalid_field("working_hours",
                          "Intervalo de expediente inválido: o início deve ser anterior ao fim, "
                          "entre 00:00 e 24:00.");
    if (i.from < previous_end)
      throw invalid_field("working_hours",
                          "Os intervalos de expediente de um dia devem estar em ordem e não "
                          "podem se sobrepor.");
    previous_end = i.until;
    checked.push_back(i);
  }
  days_[day.c_encoding()] = checked;
}

bool WorkingWeek::any_working_time() const {
  return std::any_of(days_.begin(), days_.end(), [](const auto& d) { return !d.empty(); });
}

}  // namespace guiche::sla
