#pragma once
// The business calendars the desk's SLA clocks run on: the built-in ones plus
// what admins store (pontos facultativos), resolved once and shared until the
// stored data changes. Thread-safe.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

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
  std::vector<std::string> names() const;
  // Forgets every resolved calendar; call after changing what is stored.
  void invalidate();

 private:
  store::Database& db_;
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const sla::BusinessCalendar>, std::less<>> resolved_;
};

}  // namespace guiche::app
