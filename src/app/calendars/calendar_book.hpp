#pragma once
// The business calendars the desk's SLA clocks run on: the built-in ones plus
// what admins store (their own calendars, pontos facultativos), resolved once
// and shared until the stored data changes. Thread-safe.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/calendars/calendar_definitions.hpp"
#include "sla/business_calendar.hpp"

namespace guiche::store {
class Database;
}

namespace guiche::app {

class CalendarBook {
 public:
  explicit CalendarBook(store::Database& db);

  // The resolved calendar called `name`, or nullptr if there is none.
  std::shared_ptr<const sla::BusinessCalendar> find(const std::string& name);
  // Built-in and stored, in name order.
  std::vector<std::string> names() const;
  // The linked definition of `name` (own parts, parent, loaded closures), or nullptr.
  std::shared_ptr<const sla::CalendarDefinition> definition(const std::string& name) const;
  // Forgets every resolved calendar; call after changing what is stored.
  void invalidate();

 private:
  // Loads the definitions if they were forgotten. Caller holds mutex_.
  const CalendarDefinitions& definitions_locked() const;

  store::Database& db_;
  mutable std::mutex mutex_;
  mutable std::optional<CalendarDefinitions> definitions_;
  std::map<std::string, std::shared_ptr<const sla::BusinessCalendar>, std::less<>> resolved_;
};

}  // namespace guiche::app
