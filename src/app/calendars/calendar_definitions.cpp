#include "app/calendars/calendar_definitions.hpp"

#include <set>

#include "domain/error.hpp"
#include "sla/builtin_calendars.hpp"

namespace guiche::app {
namespace {

class Linker {
 public:
  explicit Linker(const CalendarSources& sources) {
    for (const auto& s : sources.stored) stored_.emplace(s.definition.name, &s);
    for (const auto& [name, day] : sources.optional_days) days_[name].push_back(day);
  }

  CalendarDefinitions link_all() {
    for (const auto& name : sla::builtin_calendars().names()) link(name);
    for (const auto& [name, stored] : stored_) link(name);
    return std::move(linked_);
  }

 private:
  std::shared_ptr<const sla::CalendarDefinition> link(const std::string& name) {
    if (auto it = linked_.find(name); it != linked_.end()) return it->second;
    if (!visiting_.insert(name).second)
      throw invalid_field(
          "parent", "Herança de calendários circular: " + name + " acaba herdando de si mesmo.");
    auto linked = is_builtin_calendar(name) ? link_builtin(name) : link_stored(name);
    visiting_.erase(name);
    linked_.emplace(name, linked);
    return linked;
  }

  std::shared_ptr<const sla::CalendarDefinition> link_builtin(const std::string& name) {
    auto builtin = sla::builtin_calendars().definition(name);
    auto parent = builtin->parent ? link(builtin->parent->name) : nullptr;
    auto days = days_.find(name);
    if (parent == builtin->parent && days == days_.end()) return builtin;
    auto copy = std::make_shared<sla::CalendarDefinition>(*builtin);
    copy->parent = parent;
    if (days != days_.end()) copy->optional_days = days->second;
    return copy;
  }

  std::shared_ptr<const sla::CalendarDefinition> link_stored(const std::string& name) {
    const store::StoredCalendar& stored = *stored_.at(name);
    if (!is_builtin_calendar(stored.parent) && !stored_.count(stored.parent))
      throw invalid_field("parent", "Calendário superior desconhecido: " + stored.parent + ".");
    auto d = std::make_shared<sla::CalendarDefinition>(stored.definition);
    d->parent = link(stored.parent);
    if (auto days = days_.find(name); days != days_.end()) d->optional_days = days->second;
    return d;
  }

  std::map<std::string, const store::StoredCalendar*, std::less<>> stored_;
  std::map<std::string, std::vector<sla::DatedClosure>, std::less<>> days_;
  std::set<std::string, std::less<>> visiting_;
  CalendarDefinitions linked_;
};

}  // namespace

CalendarSources load_calendar_sources(store::Connection& c) {
  return {store::load_calendars(c), store::load_all_optional_days(c)};
}

CalendarDefinitions link_calendars(const CalendarSources& sources) {
  return Linker(sources).link_all();
}

bool is_builtin_calendar(const std::string& name) {
  return sla::builtin_calendars().definition(name) != nullptr;
}

std::vector<std::string> calendar_and_descendants(const CalendarDefinitions& definitions,
                                                  const std::string& name) {
  std::vector<std::string> out;
  for (const auto& [candidate, definition] : definitions) {
    for (const sla::CalendarDefinition* d = definition.get(); d; d = d->parent.get()) {
      if (d->name == name) {
        out.push_back(candidate);
        break;
      }
    }
  }
  return out;
}

}  // namespace guiche::app
