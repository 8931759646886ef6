#pragma once
// Reading and writing the calendars admins define and the dated closures
// (pontos facultativos) loaded each year, for any calendar by name.
#include <optional>
#include <string>
#include <vector>

#include "sla/business_calendar.hpp"
#include "store/database.hpp"

namespace guiche::store {

// A calendar as stored: its own parts, and its parent by name (the parent
// pointer and the optional days of `definition` are left empty).
struct StoredCalendar {
  sla::CalendarDefinition definition;
  std::string parent;
};

// Inserts or replaces the calendar called `calendar.definition.name`.
void save_calendar(Connection& c, const StoredCalendar& calendar, Instant now);
std::vector<StoredCalendar> load_calendars(Connection& c);

// Replaces the closures of `calendar` dated in `year` by `days`.
void replace_optional_days(Connection& c, const std::string& calendar, int year,
                           const std::vector<sla::DatedClosure>& days);
std::vector<sla::DatedClosure> load_optional_days(Connection& c, const std::string& calendar,
                                                  int year);
// Every stored closure, by calendar name, in date order.
std::vector<std::pair<std::string, sla::DatedClosure>> load_all_optional_days(Connection& c);

}  // namespace guiche::store
