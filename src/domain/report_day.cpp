#include "domain/report_day.hpp"

#include <chrono>

#include "domain/charter_month.hpp"

namespace guiche {

using namespace std::chrono;

namespace {

year_month_day report_day_date(int day) {
  return year_month_day{year{day / 10000}, month{static_cast<unsigned>(day / 100 % 100)},
                        std::chrono::day{static_cast<unsigned>(day % 100)}};
}

int report_day_number(year_month_day d) {
  return static_cast<int>(d.year()) * 10000 +
         static_cast<int>(static_cast<unsigned>(d.month())) * 100 +
         static_cast<int>(static_cast<unsigned>(d.day()));
}

}  // namespace

int report_day(Instant t) {
  return report_day_number(year_month_day{floor<days>(t + kCharterMonthOffset)});
}

Instant report_day_start(int day) {
  return Instant{sys_days{report_day_date(day)}.time_since_epoch()} - kCharterMonthOffset;
}

int report_day_add(int day, int n) {
  return report_day_number(year_month_day{sys_days{report_day_date(day)} + days{n}});
}

int report_days_between(int from, int to) {
  return static_cast<int>(
      (sys_days{report_day_date(to)} - sys_days{report_day_date(from)}).count());
}

int report_weekday(int day) {
  return static_cast<int>(weekday{sys_days{report_day_date(day)}}.iso_encoding());
}

std::string report_day_iso(int day) {
  return format_date(report_day_date(day));
}

std::optional<int> parse_report_day(const std::string& iso) {
  auto d = parse_date(iso);
  if (!d || !d->ok()) return std::nullopt;
  return report_day_number(*d);
}

std::string report_day_br(int day) {
  return format_date_br(report_day_date(day));
}

}  // namespace guiche
