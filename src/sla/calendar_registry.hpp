#pragma once
// Calendars by name: the definitions (so new calendars can inherit from them)
// and their resolved form (what the SLA clock runs on).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sla/business_calendar.hpp"

namespace guiche::sla {

class CalendarRegistry {
 public:
  // Resolves and adds `definition`, replacing one of the same name. Throws
  // DomainError if it does not resolve (see BusinessCalendar).
  void add(std::shared_ptr<const CalendarDefinition> definition);

  // nullptr if no calendar has that name.
  std::shared_ptr<const BusinessCalendar> find(const std::string& name) const;
  std::shared_ptr<const CalendarDefinition> definition(const std::string& name) const;
  std::vector<std::string> names() const;

 private:
  struct Entry {
    std::shared_ptr<const CalendarDefinition> definition;
    std::shared_ptr<const BusinessCalendar> calendar;
  };
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace guiche::sla
