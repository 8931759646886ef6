#include "api/calendar_json.hpp"

#include <algorithm>

#include "api/json_fields.hpp"
#include "app/calendars/calendars.hpp"
#include "domain/error.hpp"
#include "sla/closure_text.hpp"
#include "sla/local_time_text.hpp"

namespace guiche::api {
namespace {

using nlohmann::json;

// Indexed by weekday::c_encoding() (Sunday = 0).
constexpr const char* kWeekdays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                     "thursday", "friday", "saturday"};

json closure_json(const sla::DayClosure& c) {
  const auto kind = sla::kind_of(c);
  json out = {{"kind", sla::closure_kind_code(kind)}};
  if (kind == sla::ClosureKind::closed_until) out["time"] = sla::clock_text(c.open_from);
  if (kind == sla::ClosureKind::closed_from) out["time"] = sla::clock_text(c.open_until);
  if (kind == sla::ClosureKind::open_only) {
    out["from"] = sla::clock_text(c.open_from);
    out["until"] = sla::clock_text(c.open_until);
  }
  out["description"] = c.describe();
  return out;
}

json week_json(const sla::WorkingWeek& week) {
  json out = json::object();
  for (unsigned d = 0; d < 7; ++d) {
    json intervals = json::array();
    const auto& day = week.on(std::chrono::weekday{d});
    for (const auto& i : day.items())
      intervals.push_back({{"from", sla::clock_text(i.from)}, {"until", sla::clock_text(i.until)}});
    out[kWeekdays[d]] = intervals;
  }
  return out;
}

json holiday_json(const sla::HolidayRule& h) {
  json out = {{"name", h.name}};
  switch (h.kind) {
    case sla::HolidayRule::Kind::fixed_date:
      out["kind"] = "fixed";
      out["month"] = static_cast<unsigned>(h.month_day.month());
      out["day"] = static_cast<unsigned>(h.month_day.day());
      break;
    case sla::HolidayRule::Kind::easter_offset:
      out["kind"] = "easter";
      out["days_after_easter"] = h.days_after_easter;
      break;
    case sla::HolidayRule::Kind::explicit_date:
      out["kind"] = "date";
      out["date"] = format_date(h.date);
      break;
  }
  out["first_year"] = h.first_year ? json(static_cast<int>(*h.first_year)) : json(nullptr);
  out["closure"] = closure_json(h.closure);
  return out;
}

// The value at `name` inside `object`, which must be an object; `path` prefixes field names.
const json& member(const json& object, const std::string& path, const char* name) {
  static const json null_value;
  if (!object.is_object()) throw invalid_field(path, "O campo " + path + " deve ser um objeto.");
  auto it = object.find(name);
  return it == object.end() ? null_value : *it;
}

std::string text_at(const json& object, const std::string& path, const char* name) {
  const json& v = member(object, path, name);
  const std::string field = path.empty() ? name : path + "." + name;
  if (!v.is_string()) throw invalid_field(field, "Informe o campo " + field + " (texto).");
  return v.get<std::string>();
}

int integer_at(const json& object, const std::string& path, const char* name) {
  const json& v = member(object, path, name);
  const std::string field = path + "." + name;
  if (!v.is_number_integer() || v.get<std::int64_t>() < -100000 || v.get<std::int64_t>() > 100000)
    throw invalid_field(field, "Informe o campo " + field + " (número inteiro).");
  return static_cast<int>(v.get<std::int64_t>());
}

std::chrono::minutes clock_at(const json& object, const std::string& path, const char* name) {
  const std::string field = path + "." + name;
  auto t = sla::parse_clock_time(text_at(object, path, name));
  if (!t) throw invalid_field(field, "Horário inválido em " + field + " (use HH:MM, ex.: 14:00).");
  return *t;
}

Date date_at(const json& object, const std::string& path, const char* name) {
  const std::string field = path.empty() ? name : path + "." + name;
  auto d = parse_date(text_at(object, path, name));
  if (!d) throw invalid_field(field, "Data inválida em " + field + " (AAAA-MM-DD).");
  return *d;
}

// Absent or null: the whole day.
sla::DayClosure closure_from(const json& v, const std::string& path) {
  if (v.is_null()) return sla::DayClosure::all_day();
  auto kind = sla::parse_closure_kind(text_at(v, path, "kind"));
  if (!kind)
    throw invalid_field(path + ".kind",
                        "Tipo de fechamento inválido (all_day, closed_until, closed_from ou "
                        "open_only).");
  std::optional<sla::DayClosure> closure;
  switch (*kind) {
    case sla::ClosureKind::all_day:
      closure = sla::DayClosure::all_day();
      break;
    case sla::ClosureKind::closed_until:
    case sla::ClosureKind::closed_from:
      closure = sla::make_closure(*kind, clock_at(v, path, "time"));
      break;
    case sla::ClosureKind::open_only:
      closure = sla::make_closure(*kind, clock_at(v, path, "from"), clock_at(v, path, "until"));
      break;
  }
  if (!closure)
    throw invalid_field(path,
                        "Fechamento parcial inválido: o horário deve deixar parte do dia "
                        "aberta e parte fechada.");
  return *closure;
}

const json& array_at(const json& body, const char* name) {
  static const json empty = json::array();
  if (!body.contains(name) || body[name].is_null()) return empty;
  if (!body[name].is_array())
    throw invalid_field(name, std::string("O campo ") + name + " deve ser uma lista.");
  return body[name];
}

sla::WorkingWeek week_from(const json& v) {
  if (!v.is_object()) throw invalid_field("working_hours", "O expediente deve ser um objeto.");
  for (const auto& [key, value] : v.items()) {
    if (std::find(std::begin(kWeekdays), std::end(kWeekdays), key) == std::end(kWeekdays))
      throw invalid_field("working_hours." + key,
                          "Dia da semana desconhecido: " + key + " (use monday ... sunday).");
  }
  sla::WorkingWeek week;
  for (unsigned d = 0; d < 7; ++d) {
    const std::string path = std::string("working_hours.") + kWeekdays[d];
    const json& day = array_at(v, kWeekdays[d]);
    std::vector<sla::WorkingInterval> intervals;
    for (std::size_t i = 0; i < day.size(); ++i) {
      const std::string item = path + "[" + std::to_string(i) + "]";
      intervals.push_back({clock_at(day[i], item, "from"), clock_at(day[i], item, "until")});
    }
    week.set(std::chrono::weekday{d}, intervals);
  }
  return week;
}

sla::HolidayRule holiday_from(const json& v, const std::string& path) {
  const std::string name = text_at(v, path, "name");
  const std::string kind = text_at(v, path, "kind");
  sla::HolidayRule rule;
  if (kind == "fixed") {
    rule = sla::HolidayRule::fixed(static_cast<unsigned>(std::max(0, integer_at(v, path, "day"))),
                                   static_cast<unsigned>(std::max(0, integer_at(v, path, "month"))),
                                   name);
    if (!rule.month_day.ok())
      throw invalid_field(path + ".day", "Dia e mês inválidos no feriado " + name + ".");
  } else if (kind == "easter") {
    rule = sla::HolidayRule::easter(integer_at(v, path, "days_after_easter"), name);
  } else if (kind == "date") {
    rule = sla::HolidayRule::on(date_at(v, path, "date"), name);
  } else {
    throw invalid_field(path + ".kind", "Tipo de feriado inválido (fixed, easter ou date).");
  }
  if (!member(v, path, "first_year").is_null())
    rule.first_year = std::chrono::year{integer_at(v, path, "first_year")};
  rule.closure = closure_from(member(v, path, "closure"), path + ".closure");
  return rule;
}

}  // namespace

json calendar_json(const app::CalendarView& c) {
  const auto& d = *c.definition;
  json holidays = json::array();
  for (const auto& h : d.holidays) holidays.push_back(holiday_json(h));
  return {
      {"name", c.name},
      {"builtin", c.builtin},
      {"parent", c.parent ? json(*c.parent) : json(nullptr)},
      {"time_zone", d.time_zone ? json(*d.time_zone) : json(nullptr)},
      {"working_hours", d.week ? week_json(*d.week) : json(nullptr)},
      {"holidays", holidays},
      {"effective",
       {{"time_zone", c.resolved->time_zone()}, {"working_hours", week_json(c.resolved->week())}}}};
}

json closed_day_json(const sla::ClosedDay& d) {
  return {{"date", format_date(Date{std::chrono::sys_days{d.day.time_since_epoch()}})},
          {"weekday", sla::weekday_name(d.day)},
          {"name", d.name},
          {"holiday", d.holiday},
          {"closure", closure_json(d.closure)},
          {"declared_by", d.declared_by}};
}

json dated_closure_json(const sla::DatedClosure& d) {
  return {{"date", format_date(d.date)}, {"name", d.name}, {"closure", closure_json(d.closure)}};
}

app::CalendarSpec calendar_spec_from(const std::string& name, const json& body) {
  app::CalendarSpec spec;
  spec.name = name;
  spec.parent = required_string(body, "parent");
  spec.time_zone = optional_string(body, "time_zone");
  if (body.contains("working_hours") && !body["working_hours"].is_null())
    spec.week = week_from(body["working_hours"]);
  const json& holidays = array_at(body, "holidays");
  for (std::size_t i = 0; i < holidays.size(); ++i)
    spec.holidays.push_back(holiday_from(holidays[i], "holidays[" + std::to_string(i) + "]"));
  return spec;
}

std::vector<sla::DatedClosure> dated_closures_from(const json& body) {
  if (!body.contains("items"))
    throw invalid_field("items", "Informe o campo items (lista de pontos facultativos).");
  const json& items = array_at(body, "items");
  std::vector<sla::DatedClosure> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string path = "items[" + std::to_string(i) + "]";
    out.push_back({date_at(items[i], path, "date"), text_at(items[i], path, "name"),
                   closure_from(member(items[i], path, "closure"), path + ".closure")});
  }
  return out;
}

}  // namespace guiche::api
