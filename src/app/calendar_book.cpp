#include "app/calendar_book.hpp"

#include "sla/builtin_calendars.hpp"

namespace guiche::app {

CalendarBook::CalendarBook(store::Database& db) : db_(db) {}

std::shared_ptr<const sla::BusinessCalendar> CalendarBook::find(const std::string& name) {
  std::lock_guard lock(mutex_);
  if (auto it = resolved_.find(name); it != resolved_.end()) return it->second;
  auto calendar = sla::builtin_calendars().find(name);
  if (calendar) resolved_.emplace(name, calendar);
  return calendar;
}

std::vector<std::string> CalendarBook::names() const {
  return sla::builtin_calendars().names();
}

void CalendarBook::invalidate() {
  std::lock_guard lock(mutex_);
  resolved_.clear();
}

}  // namespace guiche::app
