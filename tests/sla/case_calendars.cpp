#include "sla/case_calendars.hpp"

#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "sla/builtin_calendars.hpp"

namespace guiche::sla::testing {

using namespace std::chrono_literals;

namespace {

std::shared_ptr<const CalendarDefinition> base_definition(const std::string& name) {
  if (auto builtin = builtin_calendars().definition(name)) return builtin;
  auto d = std::make_shared<CalendarDefinition>();
  d->name = name;
  if (name == "test-24x7") {
    d->time_zone = "America/Sao_Paulo";
    WorkingWeek week;
    for (unsigned w = 0; w < 7; ++w) week.set(std::chrono::weekday{w}, {{0min, 24h}});
    d->week = week;
  } else if (name == "test-split") {
    d->parent = builtin_calendars().definition("br");
    WorkingWeek week;
    for (unsigned w = 1; w <= 5; ++w) week.set(std::chrono::weekday{w}, {{8h, 12h}, {14h, 18h}});
    d->week = week;
  } else {
    throw std::invalid_argument("unknown calendar " + name);
  }
  return d;
}

std::chrono::minutes clock(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') throw std::invalid_argument("bad time " + text);
  return std::chrono::hours{std::stoi(text.substr(0, 2))} +
         std::chrono::minutes{std::stoi(text.substr(3, 2))};
}

DatedClosure closure(const std::string& part) {
  auto colon = part.find(':');
  if (colon == std::string::npos) throw std::invalid_argument("bad closure " + part);
  const std::string kind = part.substr(0, colon), argument = part.substr(colon + 1);
  const std::string date_text = argument.substr(0, argument.find('@'));
  auto date = parse_date(date_text);
  if (!date) throw std::invalid_argument("bad date " + date_text);
  if (kind == "closed") return {*date, "fechado (caso de teste)", DayClosure::all_day()};
  auto at = argument.find('@');
  if (at == std::string::npos) throw std::invalid_argument("missing @HH:MM in " + part);
  auto t = clock(argument.substr(at + 1));
  if (kind == "closed-until")
    return {*date, "fechado até (caso de teste)", DayClosure::closed_until(t)};
  if (kind == "closed-from")
    return {*date, "fechado após (caso de teste)", DayClosure::closed_from(t)};
  throw std::invalid_argument("unknown closure kind " + kind);
}

std::shared_ptr<const BusinessCalendar> build(const std::string& spec) {
  std::stringstream parts(spec);
  std::string base;
  std::getline(parts, base, '+');
  auto definition = base_definition(base);
  std::string part;
  if (std::getline(parts, part, '+')) {
    auto child = std::make_shared<CalendarDefinition>();
    child->name = spec;
    child->parent = definition;
    do child->optional_days.push_back(closure(part));
    while (std::getline(parts, part, '+'));
    definition = child;
  }
  return std::make_shared<const BusinessCalendar>(*definition);
}

}  // namespace

std::shared_ptr<const BusinessCalendar> calendar_for_spec(const std::string& spec) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const BusinessCalendar>> cache;
  std::lock_guard lock(mutex);
  auto& entry = cache[spec];
  if (!entry) entry = build(spec);
  return entry;
}

}  // namespace guiche::sla::testing
