#include "app/incidents/notice_time.hpp"

#include <date/tz.h>

#include <map>

namespace guiche::app {
namespace {

// The zones' names in Brazil; the others of UTC−3 are "horário de Brasília" too.
const std::map<std::string, std::string>& zone_names() {
  static const std::map<std::string, std::string> names = {
      {"America/Sao_Paulo", "Brasília"},
      {"America/Bahia", "Brasília"},
      {"America/Fortaleza", "Brasília"},
      {"America/Recife", "Brasília"},
      {"America/Belem", "Brasília"},
      {"America/Maceio", "Brasília"},
      {"America/Araguaina", "Brasília"},
      {"America/Santarem", "Brasília"},
      {"America/Campo_Grande", "Mato Grosso do Sul"},
      {"America/Cuiaba", "Mato Grosso"},
      {"America/Manaus", "Amazonas"},
      {"America/Porto_Velho", "Rondônia"},
      {"America/Boa_Vista", "Roraima"},
      {"America/Rio_Branco", "Acre"},
      {"America/Eirunepe", "Acre"},
      {"America/Noronha", "Fernando de Noronha"},
  };
  return names;
}

auto zoned(const std::string& time_zone, Instant t) {
  return date::make_zoned(time_zone, std::chrono::floor<std::chrono::minutes>(t));
}

}  // namespace

std::string zone_name_pt(const std::string& time_zone, Instant at) {
  const auto z = zoned(time_zone, at);
  const bool summer = z.get_info().save != std::chrono::minutes{0};
  auto it = zone_names().find(time_zone);
  const std::string place = it == zone_names().end() ? time_zone : it->second;
  return std::string(summer ? "horário de verão de " : "horário de ") + place;
}

std::string local_date_text(const std::string& time_zone, Instant t) {
  return date::format("%d/%m/%Y", zoned(time_zone, t));
}

std::string local_clock_text(const std::string& time_zone, Instant t) {
  return date::format("%H:%M", zoned(time_zone, t));
}

std::string local_iso_text(const std::string& time_zone, Instant t) {
  return date::format("%FT%T%Ez",
                      date::make_zoned(time_zone, std::chrono::floor<std::chrono::seconds>(t)));
}

std::string local_when_text(const std::string& time_zone, Instant t) {
  return local_date_text(time_zone, t) + " às " + local_clock_text(time_zone, t) + " (" +
         zone_name_pt(time_zone, t) + ")";
}

Instant local_instant(const std::string& time_zone, Date day, int minutes) {
  const date::year_month_day ymd{date::year{static_cast<int>(day.year())},
                                 date::month{static_cast<unsigned>(day.month())},
                                 date::day{static_cast<unsigned>(day.day())}};
  const auto local = date::local_seconds{date::local_days{ymd}} + std::chrono::minutes{minutes};
  const auto* zone = date::locate_zone(time_zone);
  const auto info = zone->get_info(local);
  date::sys_seconds utc;
  if (info.result == date::local_info::nonexistent) {
    utc = info.second.begin;  // the transition: the first local time that exists
  } else {
    utc = zone->to_sys(local, date::choose::earliest);
  }
  return Instant{std::chrono::duration_cast<std::chrono::milliseconds>(utc.time_since_epoch())};
}

}  // namespace guiche::app
