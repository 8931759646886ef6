#pragma once
// A time zone's UTC offsets, precomputed from the IANA database so that the
// deadline loop converts between local and UTC time without a tz lookup.
#include <chrono>
#include <cstdint>
#include <vector>

#include "domain/time.hpp"

namespace date {
class time_zone;
}

namespace guiche::sla {

using LocalTime = std::chrono::local_time<std::chrono::milliseconds>;

// Which instant a local time means when a DST change makes it ambiguous.
// Nonexistent local times (a gap: 2018-11-04 00:30 in São Paulo) map to the
// instant of the transition, i.e. the first local time that did exist, with
// either choice.
enum class Choose { earliest, latest };

class ZoneOffsets {
 public:
  // Precomputes the offsets in [from, until); outside that span the first and
  // last known offsets are assumed, so callers keep their instants inside it.
  ZoneOffsets(const date::time_zone& zone, Instant from, Instant until);

  std::chrono::milliseconds offset_at(Instant t) const;
  LocalTime to_local(Instant t) const { return LocalTime{t.time_since_epoch() + offset_at(t)}; }
  Instant to_instant(LocalTime t, Choose choose) const;

  enum class Existence { unique, nonexistent, ambiguous };
  Existence existence(LocalTime t) const;

 private:
  // True if no transition lies within a day of `t` read as UTC; then `offset`
  // is the single offset in force around it.
  bool steady_around(LocalTime t, std::chrono::milliseconds& offset) const;

  const date::time_zone* zone_;
  std::vector<std::int64_t> transitions_;  // UTC ms where the offset changes, ascending
  std::vector<std::int64_t> offsets_;      // offsets_[i] holds before transitions_[i]; size + 1
};

}  // namespace guiche::sla
