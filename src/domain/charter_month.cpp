#include "domain/charter_month.hpp"

namespace guiche {

using namespace std::chrono;

int charter_month(Instant t) {
  const year_month_day d{floor<days>(t + kCharterMonthOffset)};
  return static_cast<int>(d.year()) * 100 + static_cast<int>(static_cast<unsigned>(d.month()));
}

int months_before(int month, int n) {
  const int index = (month / 100) * 12 + (month % 100 - 1) - n;
  return (index / 12) * 100 + index % 12 + 1;
}

Instant charter_month_start(int month) {
  const year_month_day first{year{month / 100},
                             std::chrono::month{static_cast<unsigned>(month % 100)}, day{1}};
  return Instant{sys_days{first}.time_since_epoch()} - kCharterMonthOffset;
}

}  // namespace guiche
