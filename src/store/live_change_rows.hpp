#pragma once
// The live_changes table: each committed ticket change, for the live relays
// of the other server nodes sharing the database (app/live/live_relay.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct LiveChangeRecord {
  std::int64_t id = 0;
  std::string node;
  std::int64_t ticket_id = 0;
  std::string protocol;
  std::int64_t requester_id = 0;
  std::optional<std::int64_t> organization_id;
  std::vector<std::int64_t> unit_ids;
  bool is_public = false;
  Instant created_at{};
};

void insert_live_change(Connection& c, const LiveChangeRecord& r);
// The newest id (0 when there is none): where a starting relay begins.
std::int64_t latest_live_change_id(Connection& c);
// In id order.
std::vector<LiveChangeRecord> live_changes_after(Connection& c, std::int64_t after_id, int limit);
std::vector<LiveChangeRecord> live_changes_with_ids(Connection& c,
                                                    const std::vector<std::int64_t>& ids);
// Deletes rows created before `before`, always keeping the newest row, so
// SQLite never hands out an id a relay has passed.
void prune_live_changes(Connection& c, Instant before);

}  // namespace guiche::store
