// Live updates across server nodes: the changes committed through one node
// reach the live pages served by the others (see Desk::relay_live_changes).
#include <sstream>

#include "app/desk.hpp"
#include "app/live_cursor.hpp"

namespace guiche::app {
namespace {

// Rows a relay missed for this long came from a transaction that rolled back.
constexpr auto kGapPatience = std::chrono::seconds(30);
constexpr std::int64_t kBatch = 1000;

std::string joined(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<std::int64_t> split(const std::string& text) {
  std::vector<std::int64_t> ids;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    if (!part.empty()) ids.push_back(std::stoll(part));
  }
  return ids;
}

constexpr const char* kColumns =
    "SELECT id, node, ticket_id, protocol, requester_id, organization_id, unit_ids, is_public "
    "FROM live_changes ";

}  // namespace

void Desk::share_live_changes(store::Connection& c, const std::vector<TicketChange>& changes) {
  if (!config_.share_live_changes) return;
  const auto now = to_millis(clock_.now());
  for (const auto& change : changes) {
    c.query(
        "INSERT INTO live_changes(node, ticket_id, protocol, requester_id, organization_id, "
        "unit_ids, is_public, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {node_id_, change.ticket_id, change.protocol, change.requester_id,
         store::optional_value(change.organization_id), joined(change.unit_ids),
         std::int64_t{change.is_public ? 1 : 0}, now});
  }
}

std::size_t Desk::relay_live_changes(LiveCursor& cursor) {
  const Instant now = clock_.now();
  std::vector<store::Row> rows;
  db_.read([&](store::Connection& c) {
    if (!cursor.started()) {
      cursor.start_at(c.query_one("SELECT COALESCE(MAX(id), 0) FROM live_changes")->integer(0));
      return;
    }
    rows = c.query(std::string(kColumns) + "WHERE id > ? ORDER BY id LIMIT ?",
                   {cursor.last(), kBatch});
    const auto gaps = cursor.gaps();
    if (gaps.empty()) return;
    std::string marks;
    std::vector<store::Value> params;
    for (auto id : gaps) {
      marks += marks.empty() ? "?" : ", ?";
      params.emplace_back(id);
    }
    for (auto& row : c.query(std::string(kColumns) + "WHERE id IN (" + marks + ")", params)) {
      rows.push_back(std::move(row));
    }
  });
  std::size_t published = 0;
  for (const auto& row : rows) {
    if (!cursor.see(row.integer(0), now) || row.text(1) == node_id_) continue;
    events_->publish(TicketChange{row.integer(2), row.text(3), row.integer(4),
                                  row.optional_integer(5), split(row.text(6)),
                                  row.integer(7) != 0});
    ++published;
  }
  cursor.forget_gaps_before(now - kGapPatience);
  return published;
}

void Desk::prune_live_changes(std::chrono::milliseconds age) {
  const auto limit = to_millis(clock_.now() - age);
  db_.write([&](store::Connection& c) {
    // The newest row stays, so SQLite never hands out an id a relay has passed.
    c.query(
        "DELETE FROM live_changes WHERE created_at < ? "
        "AND id < (SELECT MAX(id) FROM live_changes)",
        {limit});
  });
}

}  // namespace guiche::app
