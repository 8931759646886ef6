#pragma once
// How long until (or since) a deadline reads in the agent's queue: short
// spans in hours and minutes ("3 h 05 min"), from two business days on in
// days and hours ("3 d 4 h", "25 dias"), so that a 20-day target does not
// read as "200 h".
#include <chrono>
#include <string>

#include "web/texts.hpp"

namespace guiche::web {

// `working` (clock time) in words of `language`: below two days of `day`
// (sla/clock_time.hpp, clock_day_length) as hours and minutes, otherwise as whole days plus the
// whole hours left over (minutes dropped).
std::string working_duration_text(const Texts& texts, const std::string& language,
                                  std::chrono::milliseconds working, std::chrono::milliseconds day);

}  // namespace guiche::web
