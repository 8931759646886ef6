#pragma once
// Closures and clock times as the faces read and write them: "14:00", and a
// closure as one of four kinds with its times.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "sla/holiday_rules.hpp"

namespace guiche::sla {

// "HH:MM", 00:00 to 24:00; nullopt if malformed or out of range.
std::optional<std::chrono::minutes> parse_clock_time(std::string_view text);
// "08:00"
std::string clock_text(std::chrono::minutes t);

enum class ClosureKind {
  all_day,       // closed the whole day
  closed_until,  // "Cinzas até 14h": closed until `time`
  closed_from,   // "24/12 após 13h": closed from `time` on
  open_only,     // special hours: open only from `from` to `until`
};

// Codes used by the API: "all_day", "closed_until", "closed_from", "open_only".
const char* closure_kind_code(ClosureKind kind);
std::optional<ClosureKind> parse_closure_kind(std::string_view code);
ClosureKind kind_of(const DayClosure& closure);

// The closure of `kind`; `from` is the time of closed_until/closed_from and
// the opening of open_only. nullopt unless the times leave part of the day
// open and part closed (0 < time < 24:00; from < until, not 00:00–24:00).
std::optional<DayClosure> make_closure(ClosureKind kind, std::chrono::minutes from,
                                       std::chrono::minutes until = {});
// Whether `closure` is one make_closure() could have built.
bool is_well_formed(const DayClosure& closure);

}  // namespace guiche::sla
