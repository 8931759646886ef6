#include "store/sla_rows.hpp"

namespace guiche::store {

std::optional<std::string> load_sla_configuration(Connection& c) {
  auto row = c.query_one("SELECT document FROM sla_configuration WHERE id = 1");
  if (!row) return std::nullopt;
  return row->text(0);
}

void save_sla_configuration(Connection& c, const std::string& document, Instant at,
                            std::int64_t by) {
  c.query("DELETE FROM sla_configuration WHERE id = 1");
  c.query(
      "INSERT INTO sla_configuration (id, document, updated_at, updated_by) VALUES (1, ?, ?, ?)",
      {document, to_millis(at), by});
}

void replace_ticket_sla(Connection& c, std::int64_t ticket_id,
                        const std::vector<TicketSlaRow>& rows) {
  c.query("DELETE FROM ticket_sla WHERE ticket_id = ?", {ticket_id});
  insert_ticket_sla(c, ticket_id, rows);
}

void insert_ticket_sla(Connection& c, std::int64_t ticket_id,
                       const std::vector<TicketSlaRow>& rows) {
  if (rows.empty()) return;
  // One statement for the ticket's clocks (a round trip each on PostgreSQL).
  std::string sql =
      "INSERT INTO ticket_sla (ticket_id, target, policy, state, deadline, next_check_at, "
      "breached, calendar, unit) VALUES ";
  std::vector<Value> params;
  params.reserve(rows.size() * 9);
  for (const auto& r : rows) {
    sql += params.empty() ? "(?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    for (Value v : {Value{ticket_id}, Value{r.target}, Value{r.policy}, Value{r.state},
                    Value{to_millis(r.deadline)},
                    r.next_check_at ? Value{to_millis(*r.next_check_at)} : null_value(),
                    Value{std::int64_t{r.breached ? 1 : 0}}, Value{r.calendar}, Value{r.unit}}) {
      params.push_back(std::move(v));
    }
  }
  c.query(sql, params);
}

namespace {

constexpr const char* kSlaColumns =
    "ticket_id, target, policy, state, deadline, next_check_at, breached, calendar, unit";

TicketSlaRow sla_row(const Row& r) {
  TicketSlaRow row;
  row.target = r.text(1);
  row.policy = r.text(2);
  row.state = r.text(3);
  row.deadline = from_millis(r.integer(4));
  if (auto next = r.optional_integer(5)) row.next_check_at = from_millis(*next);
  row.breached = r.integer(6) != 0;
  row.calendar = r.text(7);
  row.unit = r.text(8);
  return row;
}

}  // namespace

std::vector<TicketSlaRow> load_ticket_sla(Connection& c, std::int64_t ticket_id) {
  std::vector<TicketSlaRow> rows;
  for (const auto& r : c.query(std::string("SELECT ") + kSlaColumns +
                                   " FROM ticket_sla WHERE ticket_id = ? ORDER BY target",
                               {ticket_id})) {
    rows.push_back(sla_row(r));
  }
  return rows;
}

std::map<std::int64_t, std::vector<TicketSlaRow>> load_tickets_sla(
    Connection& c, const std::vector<std::int64_t>& ticket_ids) {
  std::map<std::int64_t, std::vector<TicketSlaRow>> out;
  if (ticket_ids.empty()) return out;
  std::string in;
  std::vector<Value> params;
  for (auto id : ticket_ids) {
    in += params.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  for (const auto& r :
       c.query(std::string("SELECT ") + kSlaColumns + " FROM ticket_sla WHERE ticket_id IN (" + in +
                   ") ORDER BY ticket_id, target",
               params)) {
    out[r.integer(0)].push_back(sla_row(r));
  }
  return out;
}

std::vector<std::int64_t> tickets_with_sla_due(Connection& c, Instant now, int limit) {
  std::vector<std::int64_t> ids;
  for (const auto& r : c.query("SELECT ticket_id, MIN(next_check_at) FROM ticket_sla "
                               "WHERE next_check_at <= ? GROUP BY ticket_id ORDER BY 2, 1 LIMIT ?",
                               {to_millis(now), std::int64_t{limit}})) {
    ids.push_back(r.integer(0));
  }
  return ids;
}

}  // namespace guiche::store
