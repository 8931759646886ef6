#include "store/live_change_rows.hpp"

#include <sstream>

namespace guiche::store {
namespace {

std::string joined(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
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

constexpr const char* kLiveChangeColumns =
    "SELECT id, node, ticket_id, protocol, requester_id, organization_id, unit_ids, is_public, "
    "created_at FROM live_changes ";

std::vector<LiveChangeRecord> records(const std::vector<Row>& rows) {
  std::vector<LiveChangeRecord> out;
  for (const auto& row : rows) {
    out.push_back({row.integer(0), row.text(1), row.integer(2), row.text(3), row.integer(4),
                   row.optional_integer(5), split(row.text(6)), row.integer(7) != 0,
                   from_millis(row.integer(8))});
  }
  return out;
}

}  // namespace

void insert_live_change(Connection& c, const LiveChangeRecord& r) {
  c.query(
      "INSERT INTO live_changes(node, ticket_id, protocol, requester_id, organization_id, "
      "unit_ids, is_public, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {r.node, r.ticket_id, r.protocol, r.requester_id, optional_value(r.organization_id),
       joined(r.unit_ids), std::int64_t{r.is_public ? 1 : 0}, to_millis(r.created_at)});
}

std::int64_t latest_live_change_id(Connection& c) {
  return c.query_one("SELECT COALESCE(MAX(id), 0) FROM live_changes")->integer(0);
}

std::vector<LiveChangeRecord> live_changes_after(Connection& c, std::int64_t after_id, int limit) {
  return records(c.query(std::string(kLiveChangeColumns) + "WHERE id > ? ORDER BY id LIMIT ?",
                         {after_id, std::int64_t{limit}}));
}

std::vector<LiveChangeRecord> live_changes_with_ids(Connection& c,
                                                    const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  std::string marks;
  std::vector<Value> params;
  for (auto id : ids) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  return records(
      c.query(std::string(kLiveChangeColumns) + "WHERE id IN (" + marks + ") ORDER BY id", params));
}

void prune_live_changes(Connection& c, Instant before) {
  c.query(
      "DELETE FROM live_changes WHERE created_at < ? "
      "AND id < (SELECT MAX(id) FROM live_changes)",
      {to_millis(before)});
}

}  // namespace guiche::store
