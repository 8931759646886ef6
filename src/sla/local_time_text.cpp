#include "sla/local_time_text.hpp"

#include <cstdio>
#include <cstdlib>

#include "domain/error.hpp"

namespace guiche::sla {

using namespace std::chrono;

std::string format_in_calendar(const BusinessCalendar& calendar, Instant t) {
  const milliseconds offset = calendar.offset_at(t);
  const LocalTime local{t.time_since_epoch() + offset};
  const LocalDays day = floor<days>(local);
  const year_month_day date{day};
  const hh_mm_ss clock{local - day};
  const long offset_minutes = std::labs(static_cast<long>(offset.count() / 60'000));
  char fraction[24] = "";
  if (clock.subseconds().count() != 0)
    std::snprintf(fraction, sizeof fraction, ".%03ld",
                  static_cast<long>(clock.subseconds().count()));
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02ld:%02ld:%02ld%s%c%02ld:%02ld",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<long>(clock.hours().count()),
                static_cast<long>(clock.minutes().count()),
                static_cast<long>(clock.seconds().count()), fraction,
                offset < milliseconds{0} ? '-' : '+', offset_minutes / 60, offset_minutes % 60);
  return buffer;
}

std::string format_clock(LocalTime t) {
  const hh_mm_ss clock{t - floor<days>(t)};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02ld:%02ld", static_cast<long>(clock.hours().count()),
                static_cast<long>(clock.minutes().count()));
  return buffer;
}

std::string format_date_br(LocalDays day) {
  const year_month_day date{day};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
  return buffer;
}

std::string weekday_name(LocalDays day) {
  static const char* const names[] = {"domingo",      "segunda-feira", "terça-feira",
                                      "quarta-feira", "quinta-feira",  "sexta-feira",
                                      "sábado"};
  return names[weekday{day}.c_encoding()];
}

Instant parse_instant_in(const BusinessCalendar& calendar, const std::string& text,
                         const std::string& field) {
  if (auto t = parse_instant(text)) return *t;
  // No offset: a local time in the calendar's zone. Reuse the strict parser by
  // reading it as UTC, then reinterpret.
  auto as_utc = parse_instant(text + "Z");
  if (!as_utc || text.empty() || text.back() == 'Z')
    throw invalid_field(field, "Data e hora inválidas: \"" + text +
                                   "\" (use ISO 8601, ex.: 2026-04-02T16:00:00-03:00).");
  const LocalTime local{as_utc->time_since_epoch()};
  switch (calendar.existence(local)) {
    case ZoneOffsets::Existence::nonexistent:
      throw invalid_field(field, "A hora local " + text + " não existiu em " +
                                     calendar.time_zone() +
                                     " (início do horário de verão); informe o deslocamento.");
    case ZoneOffsets::Existence::ambiguous:
      throw invalid_field(field, "A hora local " + text + " ocorreu duas vezes em " +
                                     calendar.time_zone() +
                                     " (fim do horário de verão); informe o deslocamento.");
    case ZoneOffsets::Existence::unique:
      break;
  }
  return calendar.to_instant(local, Choose::earliest);
}

}  // namespace guiche::sla
