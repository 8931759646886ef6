// Use cases on business calendars: the calendars admins define, the closures
// (pontos facultativos) they load each year, and the holidays anyone may list.
// Stored data is validated by resolving it inside the transaction that stores
// it, so a calendar that would not resolve is refused then, never at use.
#include <algorithm>
#include <regex>

#include "app/access_policy.hpp"
#include "app/calendars/calendars.hpp"
#include "app/sla/sla_recompute.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "sla/closure_text.hpp"
#include "store/calendar_rows.hpp"

namespace guiche::app {
namespace {

void require_calendar_admin(const Actor& a) {
  if (!a.person.has_role(Role::admin))
    throw forbidden("Somente administradores alteram calendários.");
}

void require_staff(const Actor& a) {
  if (!is_staff(a.person)) throw forbidden("Somente a equipe consulta os calendários.");
}

int checked_year(int year) {
  if (year < sla::BusinessCalendar::first_year || year > sla::BusinessCalendar::last_year)
    throw invalid_field("year", "Ano fora do intervalo suportado (" +
                                    std::to_string(sla::BusinessCalendar::first_year) + "–" +
                                    std::to_string(sla::BusinessCalendar::last_year) + ").");
  return year;
}

std::string item_field(const char* list, std::size_t i, const char* field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + field;
}

// Resolves `name` and every calendar inheriting from it as they would be with
// `sources`, so a change that breaks any of them is refused before commit.
void resolve_affected(const CalendarSources& sources, const std::string& name) {
  const auto definitions = link_calendars(sources);
  for (const auto& affected : calendar_and_descendants(definitions, name))
    sla::BusinessCalendar{*definitions.at(affected)};
}

void validate_spec(const CalendarSpec& spec) {
  static const std::regex name_pattern("[a-z0-9]+(-[a-z0-9]+)*");
  if (spec.name.size() < 2 || spec.name.size() > 60 || !std::regex_match(spec.name, name_pattern))
    throw invalid_field("name",
                        "Nome de calendário inválido: use de 2 a 60 letras minúsculas, dígitos e "
                        "hífens (ex.: br-es-vitoria).");
  if (is_builtin_calendar(spec.name))
    throw conflict("O calendário " + spec.name + " é embutido e não pode ser alterado.");
  if (spec.parent.empty())
    throw invalid_field("parent", "Informe o calendário superior (ex.: br-es).");
  if (spec.parent == spec.name)
    throw invalid_field("parent", "Um calendário não pode herdar de si mesmo.");
  if (spec.time_zone && spec.time_zone->empty())
    throw invalid_field("time_zone", "Informe um fuso horário IANA (ex.: America/Sao_Paulo).");
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < spec.holidays.size(); ++i) {
    const auto& h = spec.holidays[i];
    try {
      required_text(h.name, item_field("holidays", i, "name"), "O nome do feriado", 200);
    } catch (const DomainError& e) {
      errors.insert(errors.end(), e.fields().begin(), e.fields().end());
    }
    const bool bad_date =
        (h.kind == sla::HolidayRule::Kind::fixed_date && !h.month_day.ok()) ||
        (h.kind == sla::HolidayRule::Kind::explicit_date &&
         (!h.date.ok() || static_cast<int>(h.date.year()) < sla::BusinessCalendar::first_year ||
          static_cast<int>(h.date.year()) > sla::BusinessCalendar::last_year)) ||
        (h.kind == sla::HolidayRule::Kind::easter_offset && std::abs(h.days_after_easter) > 300);
    if (bad_date)
      errors.push_back(
          {item_field("holidays", i, "date"), "Data do feriado inválida: " + h.name + "."});
    if (!sla::is_well_formed(h.closure))
      errors.push_back(
          {item_field("holidays", i, "closure"), "Fechamento parcial inválido: " + h.name + "."});
  }
  if (!errors.empty()) throw invalid("Feriados do calendário a corrigir.", std::move(errors));
}

std::vector<sla::DatedClosure> validated_days(std::vector<sla::DatedClosure> days, int year) {
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < days.size(); ++i) {
    auto& d = days[i];
    try {
      d.name = required_text(d.name, item_field("items", i, "name"), "O nome", 200);
    } catch (const DomainError& e) {
      errors.insert(errors.end(), e.fields().begin(), e.fields().end());
    }
    if (!d.date.ok() || static_cast<int>(d.date.year()) != year)
      errors.push_back(
          {item_field("items", i, "date"),
           "A data " + format_date(d.date) + " não é do ano " + std::to_string(year) + "."});
    for (std::size_t j = 0; j < i; ++j) {
      if (days[j].date == d.date)
        errors.push_back({item_field("items", i, "date"),
                          "A data " + format_date(d.date) + " aparece mais de uma vez."});
    }
    if (!sla::is_well_formed(d.closure))
      errors.push_back({item_field("items", i, "closure"), "Fechamento inválido: " + d.name + "."});
  }
  if (!errors.empty()) throw invalid("Pontos facultativos a corrigir.", std::move(errors));
  std::sort(days.begin(), days.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  return days;
}

}  // namespace

void Calendars::on_calendars_changed() {
  // The deadlines cached for the queues were computed on the old calendar:
  // the change restarted their recompute (app/sla/sla_recompute.hpp).
  ctx_.calendars.invalidate();
}

void Calendars::require_known_calendar(const std::string& name, const char* field) const {
  if (!ctx_.calendars.definition(name))
    throw invalid_field(field, "Calendário desconhecido: " + name + ".");
}

std::vector<CalendarView> Calendars::calendars(const Actor& a) {
  require_active(a);
  require_staff(a);
  std::vector<CalendarView> out;
  for (const auto& name : ctx_.calendars.names()) out.push_back(calendar(a, name));
  return out;
}

CalendarView Calendars::calendar(const Actor& a, const std::string& name) {
  require_active(a);
  require_staff(a);
  auto definition = ctx_.calendars.definition(name);
  if (!definition) throw not_found("Calendário não encontrado.");
  CalendarView view;
  view.name = name;
  view.builtin = is_builtin_calendar(name);
  if (definition->parent) view.parent = definition->parent->name;
  view.definition = definition;
  view.resolved = ctx_.calendars.find(name);
  return view;
}

CalendarView Calendars::save_calendar(const Actor& a, const CalendarSpec& spec) {
  require_active(a);
  require_calendar_admin(a);
  validate_spec(spec);
  store::StoredCalendar stored;
  stored.definition.name = spec.name;
  stored.definition.time_zone = spec.time_zone;
  stored.definition.week = spec.week;
  stored.definition.holidays = spec.holidays;
  stored.parent = spec.parent;
  const Instant now = ctx_.now();
  ctx_.db.write([&](store::Connection& c) {
    auto sources = load_calendar_sources(c);
    std::erase_if(sources.stored, [&](const auto& s) { return s.definition.name == spec.name; });
    sources.stored.push_back(stored);
    resolve_affected(sources, spec.name);
    store::save_calendar(c, stored, now);
    start_sla_recompute(c, "calendário " + spec.name + " alterado", a, now);
  });
  on_calendars_changed();
  return calendar(a, spec.name);
}

std::vector<sla::DatedClosure> Calendars::load_optional_days(const Actor& a,
                                                             const std::string& calendar_name,
                                                             int year,
                                                             std::vector<sla::DatedClosure> days) {
  require_active(a);
  require_calendar_admin(a);
  checked_year(year);
  days = validated_days(std::move(days), year);
  const Instant now = ctx_.now();
  ctx_.db.write([&](store::Connection& c) {
    auto sources = load_calendar_sources(c);
    const bool known = is_builtin_calendar(calendar_name) ||
                       std::any_of(sources.stored.begin(), sources.stored.end(),
                                   [&](auto& s) { return s.definition.name == calendar_name; });
    if (!known) throw not_found("Calendário não encontrado.");
    std::erase_if(sources.optional_days, [&](const auto& entry) {
      return entry.first == calendar_name && static_cast<int>(entry.second.date.year()) == year;
    });
    for (const auto& d : days) sources.optional_days.emplace_back(calendar_name, d);
    resolve_affected(sources, calendar_name);
    store::replace_optional_days(c, calendar_name, year, days);
    start_sla_recompute(c,
                        "pontos facultativos de " + std::to_string(year) + " do calendário " +
                            calendar_name + " carregados",
                        a, now);
  });
  on_calendars_changed();
  return days;
}

std::vector<sla::ClosedDay> Calendars::calendar_holidays(const std::string& calendar_name,
                                                         int year) {
  checked_year(year);
  auto calendar = ctx_.calendars.find(calendar_name);
  if (!calendar) throw not_found("Calendário não encontrado.");
  return calendar->closed_days_in(std::chrono::year{year});
}

}  // namespace guiche::app
