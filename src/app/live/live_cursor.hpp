#pragma once
// Where a node's relay stands in the shared live_changes rows. Ids are handed
// out before commit, so with concurrent writers (PostgreSQL) a row may become
// visible after a higher id already was: the ids skipped over are kept as
// gaps and asked for again until they appear or are old enough to be a
// rolled-back transaction's. Pure bookkeeping, no I/O.
#include <cstdint>
#include <map>
#include <vector>

#include "domain/time.hpp"

namespace guiche::app {

class LiveCursor {
 public:
  // At most this many gaps are remembered (the newest win).
  static constexpr std::size_t kMaxGaps = 1000;

  bool started() const { return started_; }
  // The first read: changes up to `max_id` happened before this node listened.
  void start_at(std::int64_t max_id);
  // The highest id seen; rows above it are new.
  std::int64_t last() const { return last_; }
  // The ids below last() still expected.
  std::vector<std::int64_t> gaps() const;
  // A row read with id `id` at `now`: false when it was already seen.
  bool see(std::int64_t id, Instant now);
  // Gaps noticed before `limit` belong to transactions that never committed.
  void forget_gaps_before(Instant limit);

 private:
  bool started_ = false;
  std::int64_t last_ = 0;
  std::map<std::int64_t, Instant> gaps_;  // id -> when it was first missed
};

}  // namespace guiche::app
