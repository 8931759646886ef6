#include "app/calendars/calendar_book.hpp"

#include "sla/builtin_calendars.hpp"
#include "store/database.hpp"

namespace guiche::app {

CalendarBook::CalendarBook(store::Database& db) : db_(db) {}

// Everything happens under one lock, loading included: an invalidate() that
// follows a commit waits for a load that may have read the old data, then
// discards it, so no stale calendar survives a change.
const CalendarDefinitions& CalendarBook::definitions_locked() const {
  if (!definitions_) {
    CalendarSources sources;
    db_.read([&](store::Connection& c) { sources = load_calendar_sources(c); });
    definitions_ = link_calendars(sources);
  }
  return *definitions_;
}

std::shared_ptr<const sla::BusinessCalendar> CalendarBook::find(const std::string& name) {
  std::lock_guard lock(mutex_);
  if (auto it = resolved_.find(name); it != resolved_.end()) return it->second;
  const auto& definitions = definitions_locked();
  auto d = definitions.find(name);
  if (d == definitions.end()) return nullptr;
  // An untouched built-in is already resolved once for the whole process.
  const bool untouched = sla::builtin_calendars().definition(name) == d->second;
  auto calendar = untouched ? sla::builtin_calendars().find(name)
                            : std::make_shared<const sla::BusinessCalendar>(*d->second);
  resolved_.emplace(name, calendar);
  return calendar;
}

std::vector<std::string> CalendarBook::names() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto& [name, definition] : definitions_locked()) out.push_back(name);
  return out;
}

std::shared_ptr<const sla::CalendarDefinition> CalendarBook::definition(
    const std::string& name) const {
  std::lock_guard lock(mutex_);
  const auto& definitions = definitions_locked();
  auto it = definitions.find(name);
  return it == definitions.end() ? nullptr : it->second;
}

void CalendarBook::invalidate() {
  std::lock_guard lock(mutex_);
  definitions_.reset();
  resolved_.clear();
}

}  // namespace guiche::app
