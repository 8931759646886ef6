#pragma once
// The weekly working hours of a calendar ("expediente"): for each weekday a few
// intervals of local time of day, e.g. 08:00–12:00 and 14:00–18:00.
#include <array>
#include <chrono>
#include <cstdint>
#include <span>
#include <vector>

#include "sla/holiday_rules.hpp"

namespace guiche::sla {

// [from, until) in local time of day; 0 <= from < until <= 24:00.
struct WorkingInterval {
  std::chrono::minutes from{0};
  std::chrono::minutes until{0};
  friend bool operator==(const WorkingInterval&, const WorkingInterval&) = default;
};

// The intervals of one day, sorted and disjoint, stored inline so the hot loop
// of the deadline computation never allocates.
class DayIntervals {
 public:
  static constexpr std::size_t capacity = 6;

  std::span<const WorkingInterval> items() const& { return {items_.data(), count_}; }
  // A span into a temporary would dangle (e.g. in a range-for over
  // walk.working_hours().items()): keep the DayIntervals in a variable.
  std::span<const WorkingInterval> items() const&& = delete;
  bool empty() const { return count_ == 0; }
  void push_back(WorkingInterval i) { items_[count_++] = i; }
  // The part of these intervals a closure leaves open.
  DayIntervals clipped_to(const DayClosure& closure) const;

 private:
  std::array<WorkingInterval, capacity> items_{};
  std::uint8_t count_ = 0;
};

class WorkingWeek {
 public:
  // Monday to Friday, one interval a day (e.g. 08:00–18:00).
  static WorkingWeek monday_to_friday(std::chrono::minutes from, std::chrono::minutes until);

  // Replaces the intervals of `day`. Throws DomainError (pt-BR) unless they are
  // sorted, disjoint, inside 00:00–24:00 and at most DayIntervals::capacity.
  void set(std::chrono::weekday day, const std::vector<WorkingInterval>& intervals);
  const DayIntervals& on(std::chrono::weekday day) const { return days_[day.c_encoding()]; }
  bool any_working_time() const;

 private:
  std::array<DayIntervals, 7> days_{};  // indexed by weekday::c_encoding(), Sunday = 0
};

}  // namespace guiche::sla
