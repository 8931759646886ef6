#include "sla/calendar_registry.hpp"

namespace guiche::sla {

void CalendarRegistry::add(std::shared_ptr<const CalendarDefinition> definition) {
  auto calendar = std::make_shared<const BusinessCalendar>(*definition);
  auto name = definition->name;
  entries_[name] = Entry{std::move(definition), std::move(calendar)};
}

std::shared_ptr<const BusinessCalendar> CalendarRegistry::find(const std::string& name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : it->second.calendar;
}

std::shared_ptr<const CalendarDefinition> CalendarRegistry::definition(
    const std::string& name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : it->second.definition;
}

std::vector<std::string> CalendarRegistry::names() const {
  std::vector<std::string> result;
  for (const auto& [name, entry] : entries_) result.push_back(name);
  return result;
}

}  // namespace guiche::sla
