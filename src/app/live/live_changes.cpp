// Live updates across server nodes: the changes committed through one node
// (shared by the ticket ledger in live_changes) reach the live pages served
// by the others.
#include "app/live/live_cursor.hpp"
#include "app/live/live_updates.hpp"
#include "store/live_change_rows.hpp"

namespace guiche::app {
namespace {

// Rows a relay missed for this long came from a transaction that rolled back.
constexpr auto kGapPatience = std::chrono::seconds(30);
constexpr int kBatch = 1000;

}  // namespace

std::size_t LiveUpdates::relay_live_changes(LiveCursor& cursor) {
  const Instant now = ctx_.now();
  std::vector<store::LiveChangeRecord> rows;
  ctx_.db.read([&](store::Connection& c) {
    if (!cursor.started()) {
      cursor.start_at(store::latest_live_change_id(c));
      return;
    }
    rows = store::live_changes_after(c, cursor.last(), kBatch);
    for (auto& row : store::live_changes_with_ids(c, cursor.gaps())) rows.push_back(std::move(row));
  });
  std::size_t published = 0;
  for (const auto& row : rows) {
    if (!cursor.see(row.id, now) || row.node == ctx_.node_id) continue;
    ctx_.events.publish(TicketChange{row.ticket_id, row.protocol, row.requester_id,
                                     row.organization_id, row.unit_ids, row.is_public});
    ++published;
  }
  cursor.forget_gaps_before(now - kGapPatience);
  return published;
}

void LiveUpdates::prune_live_changes(std::chrono::milliseconds age) {
  const Instant before = ctx_.now() - age;
  ctx_.db.write([&](store::Connection& c) { store::prune_live_changes(c, before); });
}

}  // namespace guiche::app
