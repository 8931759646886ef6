#include "store/inbound_rows.hpp"

namespace guiche::store {
namespace {

const char* const kInboundColumns =
    "m.id, m.dedup_key, m.message_id, m.source, m.received_at, m.sender, m.subject, "
    "m.raw_sha256, m.raw_size, m.outcome, m.ticket_id, m.detail";

InboundRecord from_row(const Row& r) {
  InboundRecord m;
  m.id = r.integer(0);
  m.dedup_key = r.text(1);
  m.message_id = r.text(2);
  m.source = r.text(3);
  m.received_at = from_millis(r.integer(4));
  m.sender = r.text(5);
  m.subject = r.text(6);
  m.raw_sha256 = r.text(7);
  m.raw_size = r.integer(8);
  m.outcome = r.text(9);
  m.ticket_id = r.optional_integer(10);
  m.detail = r.text(11);
  return m;
}

QuarantineRecord quarantine_from_row(const Row& r) {
  QuarantineRecord q;
  q.message = from_row(r);
  q.state = r.text(12);
  q.reason = r.text(13);
  q.attempts = static_cast<int>(r.integer(14));
  q.updated_at = from_millis(r.integer(15));
  q.resolved_by = r.optional_integer(16);
  return q;
}

const std::string kQuarantineSelect =
    std::string("SELECT ") + kInboundColumns +
    ", q.state, q.reason, q.attempts, q.updated_at, q.resolved_by "
    "FROM mail_quarantine q JOIN inbound_messages m ON m.id = q.inbound_id ";

}  // namespace

std::optional<InboundRecord> find_inbound(Connection& c, const std::string& dedup_key) {
  auto row = c.query_one(
      std::string("SELECT ") + kInboundColumns + " FROM inbound_messages m WHERE m.dedup_key = ?",
      {dedup_key});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::int64_t insert_inbound(Connection& c, const InboundRecord& r) {
  return c
      .query_one(
          "INSERT INTO inbound_messages (dedup_key, message_id, source, received_at, sender, "
          "subject, raw_sha256, raw_size, outcome, ticket_id, detail) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {r.dedup_key, r.message_id, r.source, to_millis(r.received_at), r.sender, r.subject,
           r.raw_sha256, r.raw_size, r.outcome, optional_value(r.ticket_id), r.detail})
      ->integer(0);
}

void update_inbound_outcome(Connection& c, std::int64_t id, const std::string& outcome,
                            std::optional<std::int64_t> ticket_id, const std::string& detail) {
  c.query("UPDATE inbound_messages SET outcome = ?, ticket_id = ?, detail = ? WHERE id = ?",
          {outcome, optional_value(ticket_id), detail, id});
}

std::optional<std::int64_t> ticket_of_message_id(Connection& c, const std::string& message_id) {
  if (message_id.empty()) return std::nullopt;
  if (auto row =
          c.query_one("SELECT ticket_id FROM outbox WHERE message_id = ? AND ticket_id IS NOT NULL",
                      {message_id})) {
    return row->integer(0);
  }
  if (auto row = c.query_one(
          "SELECT ticket_id FROM inbound_messages WHERE message_id = ? AND ticket_id IS NOT NULL "
          "ORDER BY id LIMIT 1",
          {message_id})) {
    return row->integer(0);
  }
  return std::nullopt;
}

void quarantine(Connection& c, std::int64_t inbound_id, const std::string& reason, Instant now) {
  // A retried message that fails again stays one entry, with one attempt more.
  if (c.query_one("SELECT 1 FROM mail_quarantine WHERE inbound_id = ?", {inbound_id})) {
    c.query(
        "UPDATE mail_quarantine SET state = 'pending', reason = ?, attempts = attempts + 1, "
        "updated_at = ?, resolved_by = NULL WHERE inbound_id = ?",
        {reason, to_millis(now), inbound_id});
    return;
  }
  c.query(
      "INSERT INTO mail_quarantine (inbound_id, state, reason, attempts, updated_at) "
      "VALUES (?, 'pending', ?, 1, ?)",
      {inbound_id, reason, to_millis(now)});
}

std::optional<QuarantineRecord> load_quarantined(Connection& c, std::int64_t inbound_id) {
  auto row = c.query_one(kQuarantineSelect + "WHERE q.inbound_id = ?", {inbound_id});
  if (!row) return std::nullopt;
  return quarantine_from_row(*row);
}

std::vector<QuarantineRecord> list_quarantine(Connection& c, const std::string& state,
                                              std::optional<std::int64_t> before_id, int limit) {
  std::string sql = kQuarantineSelect + "WHERE (? = '' OR q.state = ?)";
  std::vector<Value> params{state, state};
  if (before_id) {
    sql += " AND q.inbound_id < ?";
    params.emplace_back(*before_id);
  }
  sql += " ORDER BY q.inbound_id DESC LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  std::vector<QuarantineRecord> out;
  for (const auto& r : c.query(sql, params)) out.push_back(quarantine_from_row(r));
  return out;
}

void resolve_quarantined(Connection& c, std::int64_t inbound_id, std::int64_t by, Instant now) {
  c.query(
      "UPDATE mail_quarantine SET state = 'resolved', updated_at = ?, resolved_by = ? "
      "WHERE inbound_id = ?",
      {to_millis(now), by > 0 ? Value{by} : null_value(), inbound_id});
}

std::int64_t notices_to_address_since(Connection& c, const std::string& address, Instant since) {
  return c
      .query_one("SELECT count(*) FROM outbox WHERE recipient_address = ? AND created_at >= ?",
                 {address, to_millis(since)})
      ->integer(0);
}

}  // namespace guiche::store
