#pragma once
// Calendars named by the case files: the built-ins, two test calendars, and
// any of them with dated closures appended (see the header of data/br.cases).
#include <memory>
#include <string>

#include "sla/business_calendar.hpp"

namespace guiche::sla::testing {

// Throws std::invalid_argument for a spec it cannot read.
std::shared_ptr<const BusinessCalendar> calendar_for_spec(const std::string& spec);

}  // namespace guiche::sla::testing
