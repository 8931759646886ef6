#include "sla/durations.hpp"

#include "domain/error.hpp"

namespace guiche::sla {

using namespace std::chrono;

namespace {

// The hot paths take a Trace so that the plain and the explained computations
// are one piece of code; NoTrace compiles away.
struct NoTrace {
  void counted(LocalDays, Instant, Instant, int) {}
  void closed(const ClosedDay&) {}
};

struct RecordTrace {
  Explanation& explanation;
  void counted(LocalDays day, Instant from, Instant until, int business_day) {
    explanation.counted.push_back({day, from, until, business_day});
    explanation.working_time += until - from;
  }
  void closed(const ClosedDay& day) { explanation.closed_days.push_back(day); }
};

LocalDays local_date(const BusinessCalendar& calendar, Instant t) {
  return floor<days>(calendar.to_local(t));
}

// The UTC bounds of a local working interval. A start that falls in a
// repeated hour takes its first occurrence and an end its second, so an
// interval spanning the hour Brazil repeated when DST ended counts all the
// real time it covered; a bound that did not exist (DST start) moves to the
// transition, so the skipped hour is not counted.
struct UtcInterval {
  Instant from, until;
};
UtcInterval to_utc(const BusinessCalendar& calendar, LocalDays day, const WorkingInterval& i) {
  return {calendar.to_instant(LocalTime{day} + i.from, Choose::earliest),
          calendar.to_instant(LocalTime{day} + i.until, Choose::latest)};
}

template <class Trace>
Instant add_working_time(const BusinessCalendar& calendar, Instant start, milliseconds amount,
                         Trace& trace) {
  if (amount <= milliseconds{0}) return start;
  milliseconds remaining = amount;
  for (BusinessCalendar::DayWalker walk(calendar, local_date(calendar, start));; walk.next()) {
    if (const ClosedDay* closed = walk.closure()) trace.closed(*closed);
    const DayIntervals hours = walk.working_hours();  // outlives the loop over its span
    for (const auto& local : hours.items()) {
      auto [from, until] = to_utc(calendar, walk.day(), local);
      if (until <= start) continue;
      if (from < start) from = start;
      if (until - from >= remaining) {
        trace.counted(walk.day(), from, from + remaining, 0);
        return from + remaining;
      }
      trace.counted(walk.day(), from, until, 0);
      remaining -= until - from;
    }
  }
}

template <class Trace>
Instant add_business_days(const BusinessCalendar& calendar, Instant start, std::int64_t n,
                          Trace& trace) {
  if (n <= 0) return start;
  std::int64_t counted = 0;
  BusinessCalendar::DayWalker walk(calendar, local_date(calendar, start));
  for (;;) {
    walk.next();  // the start's date never counts (Lei 9.784/99 art. 66)
    if (const ClosedDay* closed = walk.closure()) trace.closed(*closed);
    const DayIntervals hours = walk.working_hours();
    std::optional<Instant> day_end;
    for (const auto& local : hours.items()) {
      auto [from, until] = to_utc(calendar, walk.day(), local);
      if (from >= until) continue;  // entirely inside a DST gap
      trace.counted(walk.day(), from, until, static_cast<int>(counted + 1));
      day_end = until;
    }
    if (day_end && ++counted == n) return *day_end;
  }
}

template <class Trace>
milliseconds working_time_between(const BusinessCalendar& calendar, Instant from, Instant until,
                                  Trace& trace) {
  milliseconds total{0};
  if (until <= from) return total;
  const LocalDays last = local_date(calendar, until);
  for (BusinessCalendar::DayWalker walk(calendar, local_date(calendar, from));; walk.next()) {
    if (const ClosedDay* closed = walk.closure()) trace.closed(*closed);
    const DayIntervals hours = walk.working_hours();
    for (const auto& local : hours.items()) {
      auto [a, b] = to_utc(calendar, walk.day(), local);
      if (a < from) a = from;
      if (b > until) b = until;
      if (a >= b) continue;
      trace.counted(walk.day(), a, b, 0);
      total += b - a;
    }
    if (walk.day() >= last) return total;
  }
}

void check(Duration duration) {
  if (duration.amount < 0) throw invalid_field("amount", "A duração não pode ser negativa.");
  if (duration.amount > Duration::max_amount)
    throw invalid_field("amount", "A duração é longa demais (máximo: " +
                                      std::to_string(Duration::max_amount) + ").");
}

template <class Trace>
Instant deadline(const BusinessCalendar& calendar, Instant start, Duration duration, Trace& trace) {
  check(duration);
  switch (duration.unit) {
    case DurationUnit::business_hours:
      return add_working_time(calendar, start, hours{duration.amount}, trace);
    case DurationUnit::business_days:
      return add_business_days(calendar, start, duration.amount, trace);
    case DurationUnit::calendar_hours: {
      Instant end = start + hours{duration.amount};
      if (end > start) trace.counted(local_date(calendar, start), start, end, 0);
      return end;
    }
  }
  throw invalid_field("unit", "Unidade de duração desconhecida.");
}

}  // namespace

std::string unit_code(DurationUnit unit) {
  switch (unit) {
    case DurationUnit::business_hours:
      return "business-hours";
    case DurationUnit::business_days:
      return "business-days";
    case DurationUnit::calendar_hours:
      return "calendar-hours";
  }
  return "?";
}

std::optional<DurationUnit> parse_unit(const std::string& code) {
  for (auto unit :
       {DurationUnit::business_hours, DurationUnit::business_days, DurationUnit::calendar_hours}) {
    if (unit_code(unit) == code) return unit;
  }
  return std::nullopt;
}

Instant deadline(const BusinessCalendar& calendar, Instant start, Duration duration) {
  NoTrace trace;
  return deadline(calendar, start, duration, trace);
}

Explanation explain_deadline(const BusinessCalendar& calendar, Instant start, Duration duration) {
  Explanation explanation{start, start, {}, {}, {}};
  RecordTrace trace{explanation};
  explanation.end = deadline(calendar, start, duration, trace);
  return explanation;
}

milliseconds working_time_between(const BusinessCalendar& calendar, Instant from, Instant until) {
  NoTrace trace;
  return working_time_between(calendar, from, until, trace);
}

Explanation explain_working_time_between(const BusinessCalendar& calendar, Instant from,
                                         Instant until) {
  Explanation explanation{from, until, {}, {}, {}};
  RecordTrace trace{explanation};
  working_time_between(calendar, from, until, trace);
  return explanation;
}

Instant add_working_time(const BusinessCalendar& calendar, Instant start, milliseconds amount) {
  NoTrace trace;
  return add_working_time(calendar, start, amount, trace);
}

}  // namespace guiche::sla
