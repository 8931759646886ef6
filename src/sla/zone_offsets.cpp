#include "sla/zone_offsets.hpp"

#include <date/tz.h>

#include <algorithm>

namespace guiche::sla {

using namespace std::chrono;

namespace {

constexpr std::int64_t day_ms = 86'400'000;

date::local_time<milliseconds> as_date_local(LocalTime t) {
  return date::local_time<milliseconds>{t.time_since_epoch()};
}

}  // namespace

ZoneOffsets::ZoneOffsets(const date::time_zone& zone, Instant from, Instant until) : zone_(&zone) {
  auto info = zone.get_info(floor<seconds>(from));
  offsets_.push_back(duration_cast<milliseconds>(info.offset).count());
  while (info.end < until) {
    auto next = zone.get_info(info.end);
    // Abbreviation-only changes (same offset) are not transitions for us.
    if (next.offset != info.offset) {
      transitions_.push_back(duration_cast<milliseconds>(next.begin.time_since_epoch()).count());
      offsets_.push_back(duration_cast<milliseconds>(next.offset).count());
    }
    info = next;
  }
}

milliseconds ZoneOffsets::offset_at(Instant t) const {
  const std::int64_t ms = t.time_since_epoch().count();
  if (transitions_.empty() || ms >= transitions_.back()) return milliseconds{offsets_.back()};
  auto i = std::upper_bound(transitions_.begin(), transitions_.end(), ms) - transitions_.begin();
  return milliseconds{offsets_[static_cast<std::size_t>(i)]};
}

bool ZoneOffsets::steady_around(LocalTime t, milliseconds& offset) const {
  const std::int64_t ms = t.time_since_epoch().count();
  // Offsets are under 24 h, so the instant meant lies within a day of `t` read as UTC.
  if (transitions_.empty() || ms - day_ms >= transitions_.back()) {
    offset = milliseconds{offsets_.back()};
    return true;
  }
  auto next = std::upper_bound(transitions_.begin(), transitions_.end(), ms - day_ms);
  if (next != transitions_.end() && *next <= ms + day_ms) return false;
  offset = milliseconds{offsets_[static_cast<std::size_t>(next - transitions_.begin())]};
  return true;
}

Instant ZoneOffsets::to_instant(LocalTime t, Choose choose) const {
  milliseconds offset;
  if (steady_around(t, offset)) return Instant{t.time_since_epoch() - offset};
  // Near a transition: let the tz library decide, with our documented choice.
  auto c = choose == Choose::earliest ? date::choose::earliest : date::choose::latest;
  return zone_->to_sys(as_date_local(t), c);
}

ZoneOffsets::Existence ZoneOffsets::existence(LocalTime t) const {
  milliseconds offset;
  if (steady_around(t, offset)) return Existence::unique;
  auto info = zone_->get_info(date::local_seconds{floor<seconds>(t.time_since_epoch())});
  if (info.result == date::local_info::nonexistent) return Existence::nonexistent;
  if (info.result == date::local_info::ambiguous) return Existence::ambiguous;
  return Existence::unique;
}

}  // namespace guiche::sla
