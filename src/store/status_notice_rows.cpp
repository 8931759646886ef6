#include "store/status_notice_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {
namespace {

constexpr const char* kNoticeColumns =
    "id, kind, state, public_state, title, impact, organization_id, reporter_kind, reported_by, "
    "starts_at, ends_at, created_at, updated_at, first_published_at, monitoring_resolved_at";

constexpr const char* kOpenStates =
    "('reported', 'acknowledged', 'confirmed_organization', 'confirmed_general', 'scheduled', "
    "'in_progress')";

StatusNotice notice_from(Connection& c, const Row& r) {
  StatusNotice n;
  n.id = r.integer(0);
  n.kind = parse_notice_kind(r.text(1)).value_or(NoticeKind::incident);
  n.state = parse_notice_state(r.text(2)).value_or(NoticeState::reported);
  if (auto p = r.optional_text(3)) n.public_state = parse_notice_state(*p);
  n.title = r.text(4);
  n.impact = r.text(5);
  n.organization_id = r.optional_integer(6);
  n.reporter_kind = parse_reporter_kind(r.text(7)).value_or(ReporterKind::staff);
  n.reported_by = r.optional_integer(8);
  n.starts_at = instant_at(r, 9);
  n.ends_at = instant_at(r, 10);
  n.created_at = from_millis(r.integer(11));
  n.updated_at = from_millis(r.integer(12));
  n.first_published_at = instant_at(r, 13);
  n.monitoring_resolved_at = instant_at(r, 14);
  for (const auto& row : c.query("SELECT component_id FROM status_notice_components "
                                 "WHERE notice_id = ? ORDER BY component_id",
                                 {n.id})) {
    n.component_ids.push_back(row.integer(0));
  }
  return n;
}

std::vector<StatusNotice> notices_where(Connection& c, const std::string& tail,
                                        const std::vector<Value>& params) {
  std::vector<StatusNotice> out;
  for (const auto& r :
       c.query(std::string("SELECT ") + kNoticeColumns + " FROM status_notices " + tail, params)) {
    out.push_back(notice_from(c, r));
  }
  return out;
}

void write_components(Connection& c, const StatusNotice& n) {
  c.query("DELETE FROM status_notice_components WHERE notice_id = ?", {n.id});
  for (auto id : n.component_ids) {
    c.query("INSERT INTO status_notice_components (notice_id, component_id) VALUES (?, ?)",
            {n.id, id});
  }
}

}  // namespace

std::int64_t insert_notice(Connection& c, const StatusNotice& notice) {
  StatusNotice n = notice;
  n.id = c.query_one(
              "INSERT INTO status_notices (kind, state, public_state, title, impact, "
              "organization_id, reporter_kind, reported_by, starts_at, ends_at, created_at, "
              "updated_at, first_published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
              "RETURNING id",
              {std::string(notice_kind_code(n.kind)), std::string(notice_state_code(n.state)),
               n.public_state ? Value{std::string(notice_state_code(*n.public_state))} : Value{},
               n.title, n.impact, optional_value(n.organization_id),
               std::string(reporter_kind_code(n.reporter_kind)), optional_value(n.reported_by),
               instant_value(n.starts_at), instant_value(n.ends_at), to_millis(n.created_at),
               to_millis(n.updated_at), instant_value(n.first_published_at)})
             ->integer(0);
  write_components(c, n);
  return n.id;
}

void update_notice(Connection& c, const StatusNotice& n) {
  c.query(
      "UPDATE status_notices SET state = ?, public_state = ?, title = ?, impact = ?, "
      "organization_id = ?, starts_at = ?, ends_at = ?, updated_at = ?, first_published_at = ?, "
      "monitoring_resolved_at = ? WHERE id = ?",
      {std::string(notice_state_code(n.state)),
       n.public_state ? Value{std::string(notice_state_code(*n.public_state))} : Value{}, n.title,
       n.impact, optional_value(n.organization_id), instant_value(n.starts_at),
       instant_value(n.ends_at), to_millis(n.updated_at), instant_value(n.first_published_at),
       instant_value(n.monitoring_resolved_at), n.id});
  write_components(c, n);
}

std::optional<StatusNotice> load_notice(Connection& c, std::int64_t id, bool for_update) {
  std::string sql = std::string("SELECT ") + kNoticeColumns + " FROM status_notices WHERE id = ?";
  if (for_update && c.dialect() == Dialect::postgres) sql += " FOR UPDATE";
  auto row = c.query_one(sql, {id});
  if (!row) return std::nullopt;
  return notice_from(c, *row);
}

std::vector<StatusNotice> open_notices(Connection& c, int limit) {
  return notices_where(c,
                       std::string("WHERE state IN ") + kOpenStates + " ORDER BY id DESC LIMIT ?",
                       {std::int64_t{limit}});
}

std::vector<StatusNotice> ended_notices(Connection& c, std::optional<std::int64_t> before_id,
                                        int limit) {
  return notices_where(
      c, std::string("WHERE state NOT IN ") + kOpenStates + " AND id < ? ORDER BY id DESC LIMIT ?",
      {before_id.value_or(INT64_MAX), std::int64_t{limit}});
}

std::vector<StatusNotice> published_notices_since(Connection& c, Instant since, int limit) {
  return notices_where(c,
                       "WHERE first_published_at IS NOT NULL AND first_published_at >= ? "
                       "ORDER BY first_published_at DESC, id DESC LIMIT ?",
                       {to_millis(since), std::int64_t{limit}});
}

}  // namespace guiche::store
