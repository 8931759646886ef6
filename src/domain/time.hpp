#pragma once
// Instants are UTC with millisecond precision; dates are civil dates.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace guiche {

using Instant = std::chrono::sys_time<std::chrono::milliseconds>;
using Date = std::chrono::year_month_day;

inline std::int64_t to_millis(Instant t) {
  return t.time_since_epoch().count();
}
inline Instant from_millis(std::int64_t ms) {
  return Instant{std::chrono::milliseconds{ms}};
}

// "2026-04-06T13:00:00.000Z"
std::string format_utc(Instant t);
// Accepts "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)"; nullopt if malformed.
std::optional<Instant> parse_instant(const std::string& text);
// "YYYY-MM-DD"
std::string format_date(Date d);
// "dd/mm/aaaa", as dates are written in Brazil (pages, messages).
std::string format_date_br(Date d);
std::optional<Date> parse_date(const std::string& text);

// Where "now" comes from, so tests and the demo loader can move time.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant now() const override {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
  }
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start) : now_(start) {}
  Instant now() const override { return now_; }
  void set(Instant t) { now_ = t; }
  void advance(std::chrono::milliseconds d) { now_ += d; }

 private:
  Instant now_;
};

}  // namespace guiche
