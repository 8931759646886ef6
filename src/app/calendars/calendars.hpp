#pragma once
// Business calendars: the built-in ones and those admins define (a
// municipality's or an organization's own, inheriting from another), the
// pontos facultativos loaded each year, and the holidays anyone may list.
// Staff read them, admins change them; every change restarts the recompute of
// the cached clocks in its transaction (app/sla/sla_recompute.hpp).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/calendars/calendar_book.hpp"
#include "app/desk_context.hpp"
#include "sla/business_calendar.hpp"

namespace guiche::app {

// A calendar an admin defines.
struct CalendarSpec {
  std::string name;    // lowercase letters, digits and hyphens, e.g. "br-es-vitoria"
  std::string parent;  // required: every chain ends in a built-in calendar
  std::optional<std::string> time_zone;    // IANA id; absent: the parent's
  std::optional<sla::WorkingWeek> week;    // absent: the parent's
  std::vector<sla::HolidayRule> holidays;  // added to the parent's
};

// A calendar as declared (its own parts) and as resolved.
struct CalendarView {
  std::string name;
  bool builtin = false;
  std::optional<std::string> parent;
  std::shared_ptr<const sla::CalendarDefinition> definition;
  std::shared_ptr<const sla::BusinessCalendar> resolved;
};

class Calendars {
 public:
  explicit Calendars(DeskContext& context) : ctx_(context) {}

  // The resolved calendars SLA clocks run on.
  CalendarBook& book() { return ctx_.calendars; }
  std::vector<CalendarView> calendars(const Actor& a);
  CalendarView calendar(const Actor& a, const std::string& name);
  // Creates or replaces a stored calendar; built-in ones cannot be replaced.
  CalendarView save_calendar(const Actor& a, const CalendarSpec& spec);
  // Replaces, atomically, the closures (pontos facultativos) of `calendar` in
  // `year` with `days`; returns them in date order. Errors name items[i].field.
  std::vector<sla::DatedClosure> load_optional_days(const Actor& a, const std::string& calendar,
                                                    int year, std::vector<sla::DatedClosure> days);
  // Holidays and closures of `year`, whole or partial, weekends included.
  std::vector<sla::ClosedDay> calendar_holidays(const std::string& calendar, int year);
  // Throws a 422 on `field` unless `name` is a calendar the desk knows.
  void require_known_calendar(const std::string& name, const char* field) const;

 private:
  // Every change to stored calendars ends here, after its commit.
  void on_calendars_changed();

  DeskContext& ctx_;
};

}  // namespace guiche::app
