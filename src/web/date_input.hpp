#pragma once
// Dates typed in the portal's forms. <input type="date"> shows the browser's
// locale (mm/dd/yyyy in an English browser), so date fields are text inputs
// in the format Brazilian agencies write, dd/mm/aaaa; what a date input or a
// client sends, AAAA-MM-DD, is accepted too.
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace guiche::web {

// "31/12/2026", "1/2/2026" or "2026-12-31" (spaces around are ignored);
// nullopt for anything else and for days that do not exist (31/02/2026).
std::optional<Date> parse_date_input(std::string_view text);

// "dd/mm/aaaa"
std::string format_date_input(Date d);

// "14:30" or "9:05" as minutes after midnight; nullopt for anything else.
std::optional<int> parse_clock_input(std::string_view text);

}  // namespace guiche::web
