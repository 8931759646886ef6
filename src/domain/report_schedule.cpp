#include "domain/report_schedule.hpp"

#include <chrono>

#include "domain/report_day.hpp"

namespace guiche {
namespace {

constexpr auto kSendingHour = std::chrono::hours(7);

// The last sending day at or before `day`: that week's Monday, or that month's 1st.
int sending_day_at_or_before(ReportFrequency f, int day) {
  if (f == ReportFrequency::weekly) return report_day_add(day, 1 - report_weekday(day));
  return day / 100 * 100 + 1;
}

// The sending day after `day` (a sending day itself).
int next_sending_day(ReportFrequency f, int day) {
  if (f == ReportFrequency::weekly) return report_day_add(day, 7);
  const int month = day / 100;
  return (month % 100 == 12 ? (month / 100 + 1) * 100 + 1 : month + 1) * 100 + 1;
}

}  // namespace

std::optional<ReportFrequency> parse_report_frequency(const std::string& code) {
  if (code == "weekly") return ReportFrequency::weekly;
  if (code == "monthly") return ReportFrequency::monthly;
  return std::nullopt;
}

const char* report_frequency_code(ReportFrequency f) {
  return f == ReportFrequency::weekly ? "weekly" : "monthly";
}

const char* report_frequency_label_pt(ReportFrequency f) {
  return f == ReportFrequency::weekly ? "semanal" : "mensal";
}

Instant next_report_run(ReportFrequency f, Instant now) {
  int day = sending_day_at_or_before(f, report_day(now));
  while (report_day_start(day) + kSendingHour <= now) day = next_sending_day(f, day);
  return report_day_start(day) + kSendingHour;
}

std::pair<int, int> report_period_before(ReportFrequency f, Instant run) {
  // Before 07:00 the sending day has not come yet: the day before counts.
  const int day = report_day(run - kSendingHour);
  const int sending = sending_day_at_or_before(f, day);
  const int last = report_day_add(sending, -1);
  const int first =
      f == ReportFrequency::weekly ? report_day_add(sending, -7) : last / 100 * 100 + 1;
  return {first, last};
}

}  // namespace guiche
