#pragma once
// Calendars, holiday rules, closures and closed days as the API shows and
// reads them. Reading is strict: a wrong value is a 422 naming its field
// (e.g. "holidays[2].closure.time").
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/calendars/calendars.hpp"
#include "app/desk.hpp"

namespace guiche::api {

nlohmann::json calendar_json(const app::CalendarView& c);
nlohmann::json closed_day_json(const sla::ClosedDay& d);
nlohmann::json dated_closure_json(const sla::DatedClosure& d);

// PUT /calendars/{name}: {parent, time_zone?, working_hours?, holidays?}.
app::CalendarSpec calendar_spec_from(const std::string& name, const nlohmann::json& body);
// PUT /calendars/{name}/optional-days/{year}: {"items": [{date, name, closure?}]}.
std::vector<sla::DatedClosure> dated_closures_from(const nlohmann::json& body);

}  // namespace guiche::api
