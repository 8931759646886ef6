#include "store/calendar_rows.hpp"

namespace guiche::store {
namespace {

using std::chrono::minutes;

std::int64_t minutes_value(minutes m) {
  return m.count();
}

const char* kind_code(sla::HolidayRule::Kind kind) {
  switch (kind) {
    case sla::HolidayRule::Kind::fixed_date:
      return "fixed";
    case sla::HolidayRule::Kind::easter_offset:
      return "easter";
    case sla::HolidayRule::Kind::explicit_date:
      return "date";
  }
  return "fixed";
}

sla::HolidayRule holiday_from_row(const Row& r) {
  // kind, name, month, day_of_month, easter_offset, holiday_date, first_year, open_from, open_until
  sla::HolidayRule rule;
  const std::string kind = r.text(0);
  if (kind == "easter") {
    rule = sla::HolidayRule::easter(static_cast<int>(r.integer(4)), r.text(1));
  } else if (kind == "date") {
    rule = sla::HolidayRule::on(parse_date(r.text(5)).value_or(Date{}), r.text(1));
  } else {
    rule = sla::HolidayRule::fixed(static_cast<unsigned>(r.integer(3)),
                                   static_cast<unsigned>(r.integer(2)), r.text(1));
  }
  if (auto first = r.optional_integer(6))
    rule.first_year = std::chrono::year{static_cast<int>(*first)};
  rule.closure = {minutes{r.integer(7)}, minutes{r.integer(8)}};
  return rule;
}

StoredCalendar calendar_from_row(Connection& c, const Row& r) {
  // name, parent_name, time_zone, has_own_week
  StoredCalendar out;
  out.definition.name = r.text(0);
  out.parent = r.text(1);
  out.definition.time_zone = r.optional_text(2);
  if (r.integer(3) != 0) {
    std::vector<std::vector<sla::WorkingInterval>> days(7);
    for (const auto& h :
         c.query("SELECT weekday, from_minute, until_minute FROM calendar_working_hours "
                 "WHERE calendar_name = ? ORDER BY weekday, from_minute",
                 {out.definition.name})) {
      days.at(static_cast<std::size_t>(h.integer(0)))
          .push_back({minutes{h.integer(1)}, minutes{h.integer(2)}});
    }
    sla::WorkingWeek week;
    for (unsigned d = 0; d < 7; ++d) week.set(std::chrono::weekday{d}, days[d]);
    out.definition.week = week;
  }
  for (const auto& h :
       c.query("SELECT kind, name, month, day_of_month, easter_offset, holiday_date, first_year, "
               "open_from_minute, open_until_minute FROM calendar_holidays WHERE calendar_name = ? "
               "ORDER BY position",
               {out.definition.name})) {
    out.definition.holidays.push_back(holiday_from_row(h));
  }
  return out;
}

sla::DatedClosure closure_from_row(const Row& r, std::size_t first) {
  // closed_on, name, open_from, open_until
  return {parse_date(r.text(first)).value_or(Date{}), r.text(first + 1),
          sla::DayClosure{minutes{r.integer(first + 2)}, minutes{r.integer(first + 3)}}};
}

}  // namespace

void save_calendar(Connection& c, const StoredCalendar& calendar, Instant now) {
  const auto& d = calendar.definition;
  c.query("DELETE FROM calendar_working_hours WHERE calendar_name = ?", {d.name});
  c.query("DELETE FROM calendar_holidays WHERE calendar_name = ?", {d.name});
  const std::int64_t own_week = d.week ? 1 : 0;
  if (c.query_one("SELECT 1 FROM calendars WHERE name = ?", {d.name})) {
    c.query(
        "UPDATE calendars SET parent_name = ?, time_zone = ?, has_own_week = ?, updated_at = ? "
        "WHERE name = ?",
        {calendar.parent, optional_value(d.time_zone), own_week, to_millis(now), d.name});
  } else {
    c.query(
        "INSERT INTO calendars (name, parent_name, time_zone, has_own_week, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        {d.name, calendar.parent, optional_value(d.time_zone), own_week, to_millis(now)});
  }
  if (d.week) {
    for (unsigned day = 0; day < 7; ++day) {
      const auto& intervals = d.week->on(std::chrono::weekday{day});
      for (const auto& i : intervals.items()) {
        c.query(
            "INSERT INTO calendar_working_hours (calendar_name, weekday, from_minute, "
            "until_minute) VALUES (?, ?, ?, ?)",
            {d.name, std::int64_t{day}, minutes_value(i.from), minutes_value(i.until)});
      }
    }
  }
  std::int64_t position = 0;
  for (const auto& h : d.holidays) {
    const bool fixed = h.kind == sla::HolidayRule::Kind::fixed_date;
    const bool easter = h.kind == sla::HolidayRule::Kind::easter_offset;
    const bool dated = h.kind == sla::HolidayRule::Kind::explicit_date;
    c.query(
        "INSERT INTO calendar_holidays (calendar_name, position, kind, name, month, day_of_month, "
        "easter_offset, holiday_date, first_year, open_from_minute, open_until_minute) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {d.name, position++, std::string(kind_code(h.kind)), h.name,
         fixed ? Value{std::int64_t{static_cast<unsigned>(h.month_day.month())}} : null_value(),
         fixed ? Value{std::int64_t{static_cast<unsigned>(h.month_day.day())}} : null_value(),
         easter ? Value{std::int64_t{h.days_after_easter}} : null_value(),
         dated ? Value{format_date(h.date)} : null_value(),
         h.first_year ? Value{std::int64_t{static_cast<int>(*h.first_year)}} : null_value(),
         minutes_value(h.closure.open_from), minutes_value(h.closure.open_until)});
  }
}

std::vector<StoredCalendar> load_calendars(Connection& c) {
  std::vector<StoredCalendar> out;
  for (const auto& r :
       c.query("SELECT name, parent_name, time_zone, has_own_week FROM calendars ORDER BY name"))
    out.push_back(calendar_from_row(c, r));
  return out;
}

void replace_optional_days(Connection& c, const std::string& calendar, int year,
                           const std::vector<sla::DatedClosure>& days) {
  c.query("DELETE FROM calendar_optional_days WHERE calendar_name = ? AND closed_year = ?",
          {calendar, std::int64_t{year}});
  for (const auto& d : days) {
    c.query(
        "INSERT INTO calendar_optional_days (calendar_name, closed_on, closed_year, name, "
        "open_from_minute, open_until_minute) VALUES (?, ?, ?, ?, ?, ?)",
        {calendar, format_date(d.date), std::int64_t{year}, d.name,
         minutes_value(d.closure.open_from), minutes_value(d.closure.open_until)});
  }
}

std::vector<sla::DatedClosure> load_optional_days(Connection& c, const std::string& calendar,
                                                  int year) {
  std::vector<sla::DatedClosure> out;
  for (const auto& r : c.query(
           "SELECT closed_on, name, open_from_minute, open_until_minute FROM "
           "calendar_optional_days WHERE calendar_name = ? AND closed_year = ? ORDER BY closed_on",
           {calendar, std::int64_t{year}}))
    out.push_back(closure_from_row(r, 0));
  return out;
}

std::vector<std::pair<std::string, sla::DatedClosure>> load_all_optional_days(Connection& c) {
  std::vector<std::pair<std::string, sla::DatedClosure>> out;
  for (const auto& r :
       c.query("SELECT calendar_name, closed_on, name, open_from_minute, open_until_minute FROM "
               "calendar_optional_days ORDER BY calendar_name, closed_on"))
    out.emplace_back(r.text(0), closure_from_row(r, 1));
  return out;
}

}  // namespace guiche::store
