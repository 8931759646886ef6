#include "sla/business_calendar.hpp"

#include <date/tz.h>

#include <algorithm>

#include "domain/error.hpp"

namespace guiche::sla {

using namespace std::chrono;

namespace {

constexpr LocalDays first_day{year{BusinessCalendar::first_year} / January / 1};
constexpr LocalDays end_day{year{BusinessCalendar::last_year + 1} / January / 1};

// The chain from the root (national) down to `definition`.
std::vector<const CalendarDefinition*> lineage(const CalendarDefinition& definition) {
  std::vector<const CalendarDefinition*> chain;
  for (const CalendarDefinition* d = &definition; d; d = d->parent.get()) {
    if (chain.size() > 32) throw invalid_field("calendar", "Herança de calendários circular.");
    chain.push_back(d);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

const date::time_zone& zone_of(const std::vector<const CalendarDefinition*>& chain) {
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (!(*it)->time_zone) continue;
    try {
      return *date::locate_zone(*(*it)->time_zone);
    } catch (const std::exception&) {
      throw invalid_field("time_zone", "Fuso horário desconhecido: " + *(*it)->time_zone +
                                           " (use um nome IANA, ex.: America/Sao_Paulo).");
    }
  }
  throw invalid_field("time_zone",
                      "O calendário " + chain.back()->name + " não define fuso horário.");
}

WorkingWeek week_of(const std::vector<const CalendarDefinition*>& chain) {
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (!(*it)->week) continue;
    if (!(*it)->week->any_working_time())
      throw invalid_field("working_hours", "O calendário " + (*it)->name + " não tem expediente.");
    return *(*it)->week;
  }
  throw invalid_field("working_hours",
                      "O calendário " + chain.back()->name + " não define expediente.");
}

void merge_into(ClosedDay& into, ClosedDay&& other) {
  into.name += " / " + other.name;
  into.closure = into.closure.combined_with(other.closure);
  into.holiday = into.holiday || other.holiday;
  if (into.declared_by.find(other.declared_by) == std::string::npos)
    into.declared_by += ", " + other.declared_by;
}

// Every dated closure the chain declares in the supported years, one per date.
std::vector<ClosedDay> expand(const std::vector<const CalendarDefinition*>& chain) {
  std::vector<ClosedDay> days;
  for (const auto* definition : chain) {
    for (int y = BusinessCalendar::first_year; y <= BusinessCalendar::last_year; ++y) {
      for (const auto& rule : definition->holidays) {
        if (auto date = rule.date_in(year{y}))
          days.push_back({LocalDays{*date}, rule.name, rule.closure, true, definition->name});
      }
    }
    for (const auto& closure : definition->optional_days) {
      LocalDays day{closure.date};
      if (!closure.date.ok() || day < first_day || day >= end_day)
        throw invalid_field("optional_days", "Data fora dos anos suportados (" +
                                                 std::to_string(BusinessCalendar::first_year) +
                                                 "–" + std::to_string(BusinessCalendar::last_year) +
                                                 "): " + closure.name + ".");
      days.push_back({day, closure.name, closure.closure, false, definition->name});
    }
  }
  std::stable_sort(days.begin(), days.end(),
                   [](const ClosedDay& a, const ClosedDay& b) { return a.day < b.day; });
  std::vector<ClosedDay> merged;
  for (auto& d : days) {
    if (!merged.empty() && merged.back().day == d.day)
      merge_into(merged.back(), std::move(d));
    else
      merged.push_back(std::move(d));
  }
  return merged;
}

// A day's margin on each side covers every offset, so local dates at the
// ends of the range still convert exactly.
Instant range_start() {
  return Instant{sys_days{first_day.time_since_epoch()} - days{1}};
}
Instant range_end() {
  return Instant{sys_days{end_day.time_since_epoch()} + days{1}};
}

}  // namespace

struct BusinessCalendar::Resolved {
  const date::time_zone* zone;
  WorkingWeek week;
  std::vector<ClosedDay> closed_days;
};

BusinessCalendar::Resolved BusinessCalendar::resolve(const CalendarDefinition& definition) {
  if (definition.name.empty()) throw invalid_field("calendar", "O calendário precisa de nome.");
  auto chain = lineage(definition);
  return {&zone_of(chain), week_of(chain), expand(chain)};
}

BusinessCalendar::BusinessCalendar(const CalendarDefinition& definition)
    : BusinessCalendar(definition, resolve(definition)) {}

BusinessCalendar::BusinessCalendar(const CalendarDefinition& definition, Resolved&& resolved)
    : name_(definition.name),
      zone_name_(std::string(resolved.zone->name())),
      week_(resolved.week),
      offsets_(*resolved.zone, range_start(), range_end()),
      closed_days_(std::move(resolved.closed_days)) {
  closed_day_numbers_.reserve(closed_days_.size());
  for (const auto& d : closed_days_)
    closed_day_numbers_.push_back(static_cast<std::int32_t>(d.day.time_since_epoch().count()));
}

bool BusinessCalendar::supports(LocalDays d) const {
  return d >= first_day && d < end_day;
}

std::size_t BusinessCalendar::first_closed_on_or_after(LocalDays d) const {
  auto n = static_cast<std::int32_t>(d.time_since_epoch().count());
  return static_cast<std::size_t>(
      std::lower_bound(closed_day_numbers_.begin(), closed_day_numbers_.end(), n) -
      closed_day_numbers_.begin());
}

std::vector<ClosedDay> BusinessCalendar::closed_days_in(year y) const {
  std::vector<ClosedDay> result;
  for (auto i = first_closed_on_or_after(LocalDays{y / January / 1});
       i < closed_days_.size() && closed_days_[i].day < LocalDays{(y + years{1}) / January / 1};
       ++i)
    result.push_back(closed_days_[i]);
  return result;
}

const ClosedDay* BusinessCalendar::closed_day(LocalDays d) const {
  auto i = first_closed_on_or_after(d);
  return i < closed_days_.size() && closed_days_[i].day == d ? &closed_days_[i] : nullptr;
}

DayIntervals BusinessCalendar::working_hours_on(LocalDays d) const {
  const auto& usual = week_.on(weekday{d});
  const ClosedDay* closed = closed_day(d);
  return closed ? usual.clipped_to(closed->closure) : usual;
}

BusinessCalendar::DayWalker::DayWalker(const BusinessCalendar& calendar, LocalDays first)
    : calendar_(&calendar), day_(first), next_closed_(0) {
  if (!calendar.supports(first))
    throw invalid_field("start", "Data fora dos anos suportados pelo calendário (" +
                                     std::to_string(first_year) + "–" + std::to_string(last_year) +
                                     ").");
  next_closed_ = calendar.first_closed_on_or_after(first);
}

const ClosedDay* BusinessCalendar::DayWalker::closure() const {
  const auto& numbers = calendar_->closed_day_numbers_;
  if (next_closed_ < numbers.size() && numbers[next_closed_] == day_.time_since_epoch().count())
    return &calendar_->closed_days_[next_closed_];
  return nullptr;
}

DayIntervals BusinessCalendar::DayWalker::working_hours() const {
  const auto& usual = calendar_->week_.on(weekday{day_});
  const ClosedDay* closed = closure();
  return closed ? usual.clipped_to(closed->closure) : usual;
}

void BusinessCalendar::DayWalker::next() {
  if (closure()) ++next_closed_;
  day_ += days{1};
  if (day_ >= end_day)
    throw invalid_field("deadline", "O prazo ultrapassa os anos suportados pelo calendário (" +
                                        std::to_string(first_year) + "–" +
                                        std::to_string(last_year) + ").");
}

}  // namespace guiche::sla
