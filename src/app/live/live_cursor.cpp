#include "app/live/live_cursor.hpp"

#include <algorithm>

namespace guiche::app {

void LiveCursor::start_at(std::int64_t max_id) {
  started_ = true;
  last_ = max_id;
  gaps_.clear();
}

std::vector<std::int64_t> LiveCursor::gaps() const {
  std::vector<std::int64_t> ids;
  ids.reserve(gaps_.size());
  for (const auto& [id, since] : gaps_) ids.push_back(id);
  return ids;
}

bool LiveCursor::see(std::int64_t id, Instant now) {
  if (id <= last_) return gaps_.erase(id) > 0;
  // Remember only the newest kMaxGaps of the ids jumped over.
  const auto skipped = id - last_ - 1;
  const auto first = id - std::min<std::int64_t>(skipped, kMaxGaps);
  for (auto missing = std::max(first, last_ + 1); missing < id; ++missing) {
    gaps_.emplace(missing, now);
  }
  while (gaps_.size() > kMaxGaps) gaps_.erase(gaps_.begin());
  last_ = id;
  return true;
}

void LiveCursor::forget_gaps_before(Instant limit) {
  std::erase_if(gaps_, [&](const auto& gap) { return gap.second < limit; });
}

}  // namespace guiche::app
