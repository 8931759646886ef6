// guiche sla deadline | holidays: what-if questions to the SLA engine, and a
// way to check a calendar. On the built-in calendars unless --data or
// --database name a store, whose calendars and pontos facultativos then count.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "app/calendars/calendar_book.hpp"
#include "app/calendars/calendars.hpp"
#include "cli/options.hpp"
#include "cli/subcommands.hpp"
#include "domain/error.hpp"
#include "sla/builtin_calendars.hpp"
#include "sla/durations.hpp"
#include "sla/local_time_text.hpp"

namespace guiche::cli {
namespace {

using namespace std::chrono;

struct DeadlineOptions {
  StoreOptions store;
  std::string calendar, start;
  std::string business_hours, business_days, calendar_hours;
  bool explain = false;
};

struct HolidayOptions {
  StoreOptions store;
  std::string calendar, year;
};

std::shared_ptr<const sla::BusinessCalendar> find_calendar(const StoreOptions& store,
                                                           const std::string& name) {
  std::shared_ptr<const sla::BusinessCalendar> calendar;
  std::vector<std::string> names;
  if (store.given()) {
    // A resolved calendar needs nothing from the database it came from.
    auto db = store.open_migrated();
    app::CalendarBook book(*db);
    calendar = book.find(name);
    names = book.names();
  } else {
    calendar = sla::builtin_calendars().find(name);
    names = sla::builtin_calendars().names();
  }
  if (calendar) return calendar;
  std::string known;
  for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
  throw invalid_field("calendar",
                      "Calendário desconhecido: " + name + " (disponíveis: " + known + ").");
}

// A whole number, possibly negative (the engine itself refuses negatives).
std::int64_t parse_amount(const std::string& text) {
  const std::size_t digits = text.rfind('-', 0) == 0 ? 1 : 0;
  if (text.size() == digits || text.size() > digits + 9 ||
      text.find_first_not_of("0123456789", digits) != std::string::npos)
    throw invalid_field("amount",
                        "Quantidade inválida: \"" + text + "\" (use um número inteiro, ex.: 16).");
  return std::stoll(text);
}

sla::Duration chosen_duration(const DeadlineOptions& o) {
  std::optional<sla::Duration> chosen;
  int given = 0;
  for (auto [text, unit] : {std::pair{&o.business_hours, sla::DurationUnit::business_hours},
                            std::pair{&o.business_days, sla::DurationUnit::business_days},
                            std::pair{&o.calendar_hours, sla::DurationUnit::calendar_hours}}) {
    if (text->empty()) continue;
    ++given;
    chosen = sla::Duration{unit, parse_amount(*text)};
  }
  if (given != 1)
    throw invalid_field("duration",
                        "Informe exatamente uma duração: --business-hours N, --business-days N "
                        "ou --calendar-hours N.");
  return *chosen;
}

std::string describe(sla::Duration d) {
  const bool one = d.amount == 1;
  const std::string n = std::to_string(d.amount);
  switch (d.unit) {
    case sla::DurationUnit::business_hours:
      return n + (one ? " hora útil" : " horas úteis");
    case sla::DurationUnit::business_days:
      return n + (one ? " dia útil" : " dias úteis");
    case sla::DurationUnit::calendar_hours:
      return n + (one ? " hora corrida" : " horas corridas");
  }
  return n;
}

std::string hours_text(milliseconds d) {
  const auto m = duration_cast<minutes>(d).count();
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%lldh%02lld", static_cast<long long>(m / 60),
                static_cast<long long>(m % 60));
  return buffer;
}

std::string utc_text(Instant t) {
  std::string text = format_utc(t);
  if (text.size() > 5 && text.compare(text.size() - 5, 5, ".000Z") == 0)
    text.replace(text.size() - 5, 5, "Z");
  return text;
}

std::string closure_text(const sla::ClosedDay& d) {
  std::string text = sla::format_date_br(d.day) + " " + sla::weekday_name(d.day) + " " + d.name;
  if (!d.closure.whole_day()) text += " (" + d.closure.describe() + ")";
  if (!d.holiday) text += " [ponto facultativo]";
  return text;
}

void print_explanation(const sla::BusinessCalendar& calendar, sla::Duration duration,
                       const sla::Explanation& e) {
  auto local_day = [&](Instant t) { return floor<days>(calendar.to_local(t)); };
  std::cout << "calendário: " << calendar.name() << " (" << calendar.time_zone() << ")\n"
            << "início: " << sla::format_in_calendar(calendar, e.start) << " ("
            << sla::weekday_name(local_day(e.start)) << ")\n"
            << "duração: " << describe(duration) << "\n"
            << "prazo: " << sla::format_in_calendar(calendar, e.end) << " ("
            << sla::weekday_name(local_day(e.end)) << ")\n"
            << "intervalos contados:" << (e.counted.empty() ? " nenhum" : "") << "\n";
  for (const auto& i : e.counted) {
    std::cout << "  ";
    if (i.business_day > 0) std::cout << "dia útil " << i.business_day << ": ";
    std::cout << sla::format_date_br(i.day) << " " << sla::weekday_name(i.day) << " "
              << sla::format_clock(calendar.to_local(i.from)) << "–"
              << (local_day(i.until) == i.day ? sla::format_clock(calendar.to_local(i.until))
                                              : sla::format_in_calendar(calendar, i.until))
              << " (" << utc_text(i.from) << " – " << utc_text(i.until) << ") "
              << hours_text(i.until - i.from) << "\n";
  }
  std::cout << "feriados e fechamentos no caminho:" << (e.closed_days.empty() ? " nenhum" : "")
            << "\n";
  for (const auto& d : e.closed_days) std::cout << "  " << closure_text(d) << "\n";
  std::cout << "tempo contado: " << hours_text(e.working_time) << "\n";
}

int run_deadline(const DeadlineOptions& o) {
  auto calendar = find_calendar(o.store, o.calendar);
  const Instant start = sla::parse_instant_in(*calendar, o.start, "start");
  const sla::Duration duration = chosen_duration(o);
  if (!o.explain) {
    std::cout << sla::format_in_calendar(*calendar, sla::deadline(*calendar, start, duration))
              << "\n";
    return 0;
  }
  const auto explanation = sla::explain_deadline(*calendar, start, duration);
  std::cout << sla::format_in_calendar(*calendar, explanation.end) << "\n";
  print_explanation(*calendar, duration, explanation);
  return 0;
}

int run_holidays(const HolidayOptions& o) {
  auto calendar = find_calendar(o.store, o.calendar);
  const std::string range = std::to_string(sla::BusinessCalendar::first_year) + "–" +
                            std::to_string(sla::BusinessCalendar::last_year);
  if (o.year.size() != 4 || o.year.find_first_not_of("0123456789") != std::string::npos)
    throw invalid_field("year", "Ano inválido: \"" + o.year + "\" (use AAAA, ex.: 2026).");
  const int y = std::stoi(o.year);
  if (y < sla::BusinessCalendar::first_year || y > sla::BusinessCalendar::last_year)
    throw invalid_field("year", "Ano fora do intervalo suportado (" + range + ").");
  std::cout << "Feriados e fechamentos de " << calendar->name() << " em " << y << " ("
            << calendar->time_zone() << "):\n";
  for (const auto& d : calendar->closed_days_in(year{y})) std::cout << closure_text(d) << "\n";
  return 0;
}

}  // namespace

void add_sla(CLI::App& app, Runners& runners) {
  auto* sla_command = app.add_subcommand("sla", "prazos de ANS (SLA) e calendários");
  sla_command->require_subcommand(1);

  auto deadline = std::make_shared<DeadlineOptions>();
  auto* deadline_command = sla_command->add_subcommand(
      "deadline", "calcula o prazo de uma duração a partir de um instante");
  deadline_command
      ->add_option("--calendar", deadline->calendar,
                   "calendário (br, br-es, br-ms; com --data/--database, também os cadastrados)")
      ->required();
  deadline->store.add_to(*deadline_command);
  deadline_command
      ->add_option("--start", deadline->start,
                   "início, ISO 8601 (ex.: 2026-04-02T16:00:00-03:00; sem deslocamento: hora "
                   "local do calendário)")
      ->required();
  deadline_command->add_option("--business-hours", deadline->business_hours, "horas úteis");
  deadline_command->add_option("--business-days", deadline->business_days,
                               "dias úteis (o dia do início não conta)");
  deadline_command->add_option("--calendar-hours", deadline->calendar_hours, "horas corridas");
  deadline_command->add_flag("--explain", deadline->explain,
                             "mostra os intervalos contados e os feriados no caminho");
  runners[deadline_command] = [deadline] { return run_deadline(*deadline); };

  auto holidays = std::make_shared<HolidayOptions>();
  auto* holidays_command =
      sla_command->add_subcommand("holidays", "lista os feriados e fechamentos de um ano");
  holidays_command
      ->add_option("--calendar", holidays->calendar,
                   "calendário (br, br-es, br-ms; com --data/--database, também os cadastrados)")
      ->required();
  holidays->store.add_to(*holidays_command);
  holidays_command->add_option("--year", holidays->year, "ano (AAAA)")->required();
  runners[holidays_command] = [holidays] { return run_holidays(*holidays); };
}

}  // namespace guiche::cli
