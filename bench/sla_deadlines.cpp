// Deadline computations per second on one core (the target: >= 1,000,000/s
// for "20 business days across holidays" and "16 business hours"). Starts are
// spread over 2025–2027 at all hours, so holidays (Carnaval to Christmas,
// Easter-based ones included), weekends and nights are all crossed.
//
//   bench_sla_deadlines [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "sla/builtin_calendars.hpp"
#include "sla/durations.hpp"

using namespace guiche;

namespace {

std::vector<Instant> starts(const std::string& from, const std::string& until) {
  std::mt19937_64 random(42);
  const auto a = to_millis(*parse_instant(from)), span = to_millis(*parse_instant(until)) - a;
  std::vector<Instant> result(4096);
  for (auto& t : result) t = from_millis(a + static_cast<std::int64_t>(random() % span));
  return result;
}

void run(benchmark::State& state, const char* calendar_name, sla::Duration duration,
         const std::vector<Instant>& at) {
  const auto calendar = sla::builtin_calendars().find(calendar_name);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(sla::deadline(*calendar, at[i++ & (at.size() - 1)], duration));
  }
  state.SetItemsProcessed(state.iterations());
}

const std::vector<Instant>& recent() {
  static const auto s = starts("2025-01-01T00:00:00Z", "2027-12-01T00:00:00Z");
  return s;
}

void TwentyBusinessDaysAcrossHolidays(benchmark::State& state) {
  run(state, "br-es", {sla::DurationUnit::business_days, 20}, recent());
}
BENCHMARK(TwentyBusinessDaysAcrossHolidays);

void SixteenBusinessHours(benchmark::State& state) {
  run(state, "br-es", {sla::DurationUnit::business_hours, 16}, recent());
}
BENCHMARK(SixteenBusinessHours);

// The same in 2017–2019, when offsets changed twice a year (DST).
void TwentyBusinessDaysDaylightSavingYears(benchmark::State& state) {
  static const auto s = starts("2017-01-01T00:00:00Z", "2019-06-01T00:00:00Z");
  run(state, "br-ms", {sla::DurationUnit::business_days, 20}, s);
}
BENCHMARK(TwentyBusinessDaysDaylightSavingYears);

void SixteenBusinessHoursDaylightSavingYears(benchmark::State& state) {
  static const auto s = starts("2017-01-01T00:00:00Z", "2019-06-01T00:00:00Z");
  run(state, "br-ms", {sla::DurationUnit::business_hours, 16}, s);
}
BENCHMARK(SixteenBusinessHoursDaylightSavingYears);

// What recomputing a paused clock costs: the working time in a 30-day span.
void WorkingTimeInThirtyDays(benchmark::State& state) {
  const auto calendar = sla::builtin_calendars().find("br");
  const auto& at = recent();
  std::size_t i = 0;
  for (auto _ : state) {
    const Instant from = at[i++ & (at.size() - 1)];
    benchmark::DoNotOptimize(
        sla::working_time_between(*calendar, from, from + std::chrono::days{30}));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(WorkingTimeInThirtyDays);

}  // namespace

BENCHMARK_MAIN();
