#pragma once
// A business calendar: an IANA time zone, weekly working hours, holiday rules
// and dated closures (pontos facultativos), inheriting along a chain such as
// national → state → municipality → organization.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sla/holiday_rules.hpp"
#include "sla/working_week.hpp"
#include "sla/zone_offsets.hpp"

namespace guiche::sla {

using LocalDays = std::chrono::local_days;

// What an admin (or the built-ins) declares. A child inherits its parent's
// zone and week unless it sets its own, and adds its holidays and closures to
// the parent's (it cannot remove them).
struct CalendarDefinition {
  std::string name;  // "br", "br-es", an organization's own calendar
  std::shared_ptr<const CalendarDefinition> parent;
  std::optional<std::string> time_zone;  // IANA id, e.g. "America/Campo_Grande"
  std::optional<WorkingWeek> week;
  std::vector<HolidayRule> holidays;
  std::vector<DatedClosure> optional_days;  // pontos facultativos and other decreed closures
};

// A date on which the calendar is wholly or partly closed, after merging
// everything the chain declares for it (names joined by " / ", closures
// combined so that only what all leave open stays open).
struct ClosedDay {
  LocalDays day;
  std::string name;  // pt-BR
  DayClosure closure;
  bool holiday = false;     // false: only pontos facultativos / decreed closures
  std::string declared_by;  // the calendar(s) of the chain that declare it
};

// The resolved, immutable calendar the SLA clock runs on. Holidays are
// expanded into dates and the zone's offsets precomputed at construction for
// the supported years, so queries do no tz lookups and no allocation. Safe to
// share between threads.
class BusinessCalendar {
 public:
  static constexpr int first_year = 1970;
  static constexpr int last_year = 2099;

  // Throws DomainError (pt-BR) for an unknown zone, a chain without zone or
  // week, a week without working time, or a dated closure outside the years.
  explicit BusinessCalendar(const CalendarDefinition& definition);

  const std::string& name() const { return name_; }
  const std::string& time_zone() const { return zone_name_; }
  const WorkingWeek& week() const { return week_; }

  bool supports(LocalDays d) const;
  // The closed days of year `y`, in date order, weekends included.
  std::vector<ClosedDay> closed_days_in(std::chrono::year y) const;
  const ClosedDay* closed_day(LocalDays d) const;
  // The working hours of a local date once its closure is applied.
  DayIntervals working_hours_on(LocalDays d) const;

  LocalTime to_local(Instant t) const { return offsets_.to_local(t); }
  std::chrono::milliseconds offset_at(Instant t) const { return offsets_.offset_at(t); }
  Instant to_instant(LocalTime t, Choose choose) const { return offsets_.to_instant(t, choose); }
  ZoneOffsets::Existence existence(LocalTime t) const { return offsets_.existence(t); }

  // Visits consecutive local dates in O(1) each. Throws DomainError when it
  // would leave the supported years.
  class DayWalker {
   public:
    DayWalker(const BusinessCalendar& calendar, LocalDays first);
    LocalDays day() const { return day_; }
    const ClosedDay* closure() const;
    DayIntervals working_hours() const;
    void next();

   private:
    const BusinessCalendar* calendar_;
    LocalDays day_;
    std::size_t next_closed_;  // first closed day on or after day_
  };

 private:
  struct Resolved;
  static Resolved resolve(const CalendarDefinition& definition);
  BusinessCalendar(const CalendarDefinition& definition, Resolved&& resolved);
  std::size_t first_closed_on_or_after(LocalDays d) const;

  std::string name_;
  std::string zone_name_;
  WorkingWeek week_;
  ZoneOffsets offsets_;
  std::vector<ClosedDay> closed_days_;            // ascending, one per date
  std::vector<std::int32_t> closed_day_numbers_;  // their day numbers, for the walker
};

}  // namespace guiche::sla
