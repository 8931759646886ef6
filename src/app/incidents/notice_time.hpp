#pragma once
// Dates and times in status messages, in the desk's IANA time zone with the
// zone named, as people in Brazil read them: "05/12/2026 às 14:30 (horário
// de Brasília)". Daylight saving (until 2019) is named too ("horário de
// verão de Brasília"), so a message about a 2018 incident reads right in
// America/Sao_Paulo and America/Campo_Grande alike.
#include <string>

#include "domain/time.hpp"

namespace guiche::app {

// "horário de Brasília", "horário de verão de Mato Grosso do Sul", or
// "horário de America/Manaus" for a zone without a name here.
std::string zone_name_pt(const std::string& time_zone, Instant at);
// "05/12/2026"
std::string local_date_text(const std::string& time_zone, Instant t);
// "14:30"
std::string local_clock_text(const std::string& time_zone, Instant t);
// "2026-12-05T14:30:00-03:00", for feeds and JSON.
std::string local_iso_text(const std::string& time_zone, Instant t);
// "05/12/2026 às 14:30 (horário de Brasília)"
std::string local_when_text(const std::string& time_zone, Instant t);
// The instant a local date and clock time (minutes after midnight) names in
// the zone, as staff type a maintenance window; in a daylight-saving gap, the
// first local time that exists; in an overlap, the earlier one.
Instant local_instant(const std::string& time_zone, Date day, int minutes);

}  // namespace guiche::app
