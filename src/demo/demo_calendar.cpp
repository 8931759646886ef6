// Brazilian working hours for placing demo events: Monday to Friday, 08:00 to
// 18:00 in Brasília, without the national fixed holidays.
#include <array>

#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

using namespace std::chrono;

constexpr hours kUtcOffset{-3};
constexpr minutes kOpening{8 * 60};
constexpr minutes kClosing{18 * 60};

bool is_fixed_holiday(year_month_day d) {
  static constexpr std::array<std::pair<unsigned, unsigned>, 9> kHolidays{
      {{1, 1}, {4, 21}, {5, 1}, {9, 7}, {10, 12}, {11, 2}, {11, 15}, {11, 20}, {12, 25}}};
  for (auto [m, day] : kHolidays) {
    if (static_cast<unsigned>(d.month()) == m && static_cast<unsigned>(d.day()) == day) return true;
  }
  return false;
}

sys_days next_working_day(sys_days day) {
  do day += days{1};
  while (!is_working_day(day));
  return day;
}

sys_days previous_working_day(sys_days day) {
  do day -= days{1};
  while (!is_working_day(day));
  return day;
}

}  // namespace

bool is_working_day(sys_days local_day) {
  const weekday wd{local_day};
  if (wd == Saturday || wd == Sunday) return false;
  return !is_fixed_holiday(year_month_day{local_day});
}

sys_days local_day_of(Instant t) {
  return floor<days>(t + kUtcOffset);
}

Instant at_local(sys_days local_day, minutes since_midnight) {
  return Instant{local_day} + since_midnight - kUtcOffset;
}

Instant snap_forward(Instant t) {
  const sys_days day = local_day_of(t);
  if (is_working_day(day)) {
    if (t < at_local(day, kOpening)) return at_local(day, kOpening);
    if (t < at_local(day, kClosing)) return t;
  }
  return at_local(next_working_day(day), kOpening);
}

Instant snap_backward(Instant t) {
  const sys_days day = local_day_of(t);
  if (is_working_day(day)) {
    if (t > at_local(day, kClosing)) return at_local(day, kClosing);
    if (t > at_local(day, kOpening)) return t;
  }
  return at_local(previous_working_day(day), kClosing);
}

Instant add_working(Instant t, seconds d) {
  t = snap_forward(t);
  auto left = duration_cast<milliseconds>(d);
  while (true) {
    const Instant closing = at_local(local_day_of(t), kClosing);
    if (left <= closing - t) return t + left;
    left -= closing - t;
    t = at_local(next_working_day(local_day_of(t)), kOpening);
  }
}

Instant sub_working(Instant t, seconds d) {
  t = snap_backward(t);
  auto left = duration_cast<milliseconds>(d);
  while (true) {
    const Instant opening = at_local(local_day_of(t), kOpening);
    if (left <= t - opening) return t - left;
    left -= t - opening;
    t = at_local(previous_working_day(local_day_of(t)), kClosing);
  }
}

}  // namespace guiche::demo
