#pragma once
// Links what is stored about calendars (admin-defined calendars naming their
// parents, closures loaded for any calendar) with the built-in calendars into
// definitions ready to resolve. Pure: the caller loads the sources.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sla/business_calendar.hpp"
#include "store/calendar_rows.hpp"

namespace guiche::app {

struct CalendarSources {
  std::vector<store::StoredCalendar> stored;
  std::vector<std::pair<std::string, sla::DatedClosure>> optional_days;
};

using CalendarDefinitions =
    std::map<std::string, std::shared_ptr<const sla::CalendarDefinition>, std::less<>>;

CalendarSources load_calendar_sources(store::Connection& c);

// Every calendar by name, each pointing at its linked parent and carrying the
// closures loaded for it. A built-in calendar without loaded closures (in its
// whole chain) is the built-in definition itself. Throws DomainError (field
// `parent`) for an unknown parent or a circular inheritance.
CalendarDefinitions link_calendars(const CalendarSources& sources);

bool is_builtin_calendar(const std::string& name);

// The names of `name` and of every calendar inheriting from it, directly or not.
std::vector<std::string> calendar_and_descendants(const CalendarDefinitions& definitions,
                                                  const std::string& name);

}  // namespace guiche::app
